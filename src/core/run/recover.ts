import type { AssistantMessage, Conversation, ToolCallState } from '../conversation/types';
import { activePath } from '../conversation/tree';
import { transitionCall } from './call-machine';
import { changeCall } from './call-state';

export const INTERRUPTED_NOTICE = 'Interrupted by a page reload. The partial answer is kept — regenerate it or send a message to continue.';

/**
 * Repairs a conversation saved while a run was in flight (a reload or a crash): calls that were
 * running are cancelled (they can be re-run), half-streamed calls are incomplete, and calls waiting
 * for approval keep waiting. Returns the turn to resume when the user can still approve or reject.
 */
export function recoverInterrupted(conv: Conversation): { conversation: Conversation; resumeTurnId: string | null } {
  const last = activePath(conv).at(-1);
  let resumeTurnId: string | null = null;
  const messages = conv.messages.map((m) => {
    if (m.role !== 'assistant' || m.outcome) return m;
    const calls = Object.fromEntries(Object.entries(m.calls).map(([id, c]) => [id, settleInterrupted(c)]));
    const lastRound = m.rounds.length - 1;
    const waiting = Object.values(calls).some((c) => c.status === 'pending_approval' && c.round === lastRound);
    if (waiting && m.id === last?.id) {
      resumeTurnId = m.id;
      return { ...m, calls };
    }
    const cancelled = Object.fromEntries(
      Object.entries(calls).map(([id, c]) => [id, c.status === 'pending_approval' ? cancel(c, 'The conversation moved on before this call was approved.') : c]),
    );
    return { ...m, calls: cancelled, outcome: 'stopped', notice: INTERRUPTED_NOTICE, noticeCode: { code: 'interrupted' } } satisfies AssistantMessage;
  });
  return { conversation: { ...conv, messages }, resumeTurnId };
}

function settleInterrupted(call: ToolCallState): ToolCallState {
  if (call.status === 'streaming_args') return changeCall(call, { status: 'incomplete' });
  if (call.status === 'running' || call.status === 'queued') return cancel(call, 'Interrupted by a page reload; this call did not finish. It can be re-run.');
  return call;
}

function cancel(call: ToolCallState, resultText: string): ToolCallState {
  const next = transitionCall(call.status, { type: 'cancel' });
  return next.ok && next.status === 'cancelled' ? changeCall(call, { status: 'cancelled', resultText, endedAt: Date.now() }) : call;
}
