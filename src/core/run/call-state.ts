import type { CallBase, ToolCallState } from '../conversation/types';

/** The fields a call keeps for its whole life; a status change never touches them. */
type Identity = 'id' | 'name' | 'round' | 'argsText' | 'args' | 'parseError';

/**
 * A call's next state without its identity: one variant per status, so a change that would leave a
 * running call holding a result (or a failed one without its error) does not compile. The other
 * base fields (policy, edited arguments, progress, start time) may be set by the change too.
 */
export type CallChange = ToolCallState extends infer T ? (T extends unknown ? Omit<T, Identity> : never) : never;

/** A change that settles the call (its end time is stamped by whoever applies it). */
export type SettledChange = Exclude<CallChange, { status: 'streaming_args' | 'pending_approval' | 'queued' | 'running' }>;

/**
 * The call in its next status: its identity and base fields kept, everything the old status carried
 * (outcome, result, rejection, end time...) dropped, and the change applied.
 */
export function changeCall(call: ToolCallState, change: CallChange): ToolCallState {
  const { status: _s, outcome: _o, resultText: _r, validationError: _v, unknownTool: _u, rejectReason: _j, denied: _d, endedAt: _e, ...base } = call;
  return { ...(base satisfies CallBase), ...change } as ToolCallState;
}
