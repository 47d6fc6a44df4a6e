import { isSettled } from './call-machine';
import type { ChatSnapshot } from './run-store';
import { findTurn, roundCalls } from './turn-updates';

/**
 * Where the current round stands, from the state alone: `approvals-done` when the run waits for
 * approvals and none is left in the round, `settled` when the run executes and every call of the
 * round has settled (its results can go to the model), null otherwise.
 */
export function roundProgress(snap: Pick<ChatSnapshot, 'conversation' | 'run' | 'turnId'>): 'approvals-done' | 'settled' | null {
  const turn = findTurn(snap.conversation, snap.turnId);
  if (!turn) return null;
  const calls = roundCalls(turn, turn.rounds.length - 1);
  if (snap.run.phase === 'awaiting_confirmation' && !calls.some((c) => c.status === 'pending_approval')) return 'approvals-done';
  if (snap.run.phase === 'executing_function' && calls.every((c) => isSettled(c.status))) return 'settled';
  return null;
}
