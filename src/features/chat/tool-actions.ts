import type { ToolCardActions } from '../tool-card/tool-card';
import type { ChatController } from '../../core/run/chat-controller';

/** Card actions bound to the controller; a re-run that would discard later answers asks first. */
export function toolActionsFor(controller: ChatController): ToolCardActions {
  return {
    approve: (id, edited) => controller.approve(id, edited),
    reject: (id, reason) => controller.reject(id, reason),
    cancel: (id) => controller.cancelCall(id),
    rerun: (id, args) => {
      const snap = controller.getSnapshot();
      if (snap.run.phase === 'idle' && !window.confirm('Re-run this call with the edited arguments? Everything the model said after this call will be replaced.'))
        return;
      const problem = controller.rerunCall(id, args);
      if (problem) window.alert(problem);
    },
  };
}
