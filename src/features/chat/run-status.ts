import type { ChatSnapshot } from '../../core/run/chat-controller';
import { findTurn } from '../../core/run/turn-updates';
import { retryStatusText } from '../../core/protocols/retry-policy';

/** A short sentence for what the run is doing, for the composer and screen readers. */
export function runStatusText(snap: ChatSnapshot): string {
  const { phase } = snap.run;
  if (phase === 'idle') return '';
  if (phase === 'generating') return snap.retrying ? retryStatusText(snap.retrying) : 'Generating…';
  const calls = Object.values(findTurn(snap.conversation, snap.turnId)?.calls ?? {});
  const pending = calls.filter((c) => c.status === 'pending_approval').length;
  const running = calls.filter((c) => c.status === 'running' || c.status === 'queued').length;
  const runningText = running ? `Running ${running} tool${running === 1 ? '' : 's'}` : '';
  if (phase === 'awaiting_confirmation') {
    const waiting = `Waiting for your approval (${pending} call${pending === 1 ? '' : 's'})`;
    return runningText ? `${waiting} · ${runningText}` : waiting;
  }
  return runningText ? `${runningText}…` : 'Finishing tool calls…';
}
