import type { ToolCardActions } from '../tool-card/tool-card';
import type { ChatController } from '../../core/run/chat-controller';

/** Card actions bound to the controller. */
export function toolActionsFor(controller: ChatController): ToolCardActions {
  return {
    approve: (id, edited) => controller.approve(id, edited),
    reject: (id, reason) => controller.reject(id, reason),
    cancel: (id) => controller.cancelCall(id),
    // A re-run after the run ended becomes a new branch; the old continuation stays one click away.
    rerun: (id, args) => {
      const problem = controller.rerunCall(id, args);
      if (problem) window.alert(problem);
    },
  };
}
