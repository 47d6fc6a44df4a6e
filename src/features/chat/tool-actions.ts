import type { ToolCardActions } from '../tool-card/tool-card';
import type { ChatController } from '../../core/run/chat-controller';
import { refusalText } from './refusal-text';
import type { CallRefusal } from '../../core/run/refusals';
import { findTurn } from '../../core/run/turn-updates';
import { makeRule, type PermissionRule } from '../../core/permissions';
import { usePermissions } from '../../store/permissions-store';

const problemText = (refusal: CallRefusal | null) => (refusal ? refusalText(refusal) : null);

/** Card actions bound to the controller; `addRule` stores a permission rule (the app's rules store by default). */
export function toolActionsFor(
  controller: ChatController,
  addRule: (rule: PermissionRule) => void = (rule) => usePermissions.getState().add(rule),
): ToolCardActions {
  return {
    approve: (id, edited) => problemText(controller.approve(id, edited)),
    reject: (id, reason) => controller.reject(id, reason),
    cancel: (id) => controller.cancelCall(id),
    // A re-run after the run ended becomes a new branch; the old continuation stays one click away.
    rerun: (id, args) => problemText(controller.rerunCall(id, args)),
    allow: (id, scope) => {
      const { conversation, turnId } = controller.getSnapshot();
      const call = findTurn(conversation, turnId)?.calls[id];
      if (call?.status !== 'pending_approval') return;
      addRule(makeRule(call.name, 'allow', scope, conversation.id, Date.now()));
      // The new rule lets every waiting call of this tool run, not only this one.
      controller.applyPermissions();
      // A narrower rule (e.g. Ask for this conversation) can outrank the new one; this call was still approved.
      if (findTurn(controller.getSnapshot().conversation, turnId)?.calls[id]?.status === 'pending_approval') controller.approve(id);
    },
  };
}
