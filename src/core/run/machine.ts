import type { TurnOutcome } from '../conversation/types';

/** The run-level phases of DESIGN.md "The run state machine". */
export type RunPhase = 'idle' | 'generating' | 'awaiting_confirmation' | 'executing_function';

export interface RunState {
  phase: RunPhase;
  /** 0 before the first round; the last round run once back in idle. */
  round: number;
  maxRounds: number;
  /** The user asked to end the run once the current round's calls have settled. */
  stopAfterRound: boolean;
  /** The run is the user's own tool call (a slash command): it ends when the call settles, the model is not asked. */
  direct?: true;
  /** Set exactly when the phase is idle after a run. */
  outcome?: TurnOutcome;
}

export type RunEvent =
  /** send / regenerate / edit-and-resend / retry. */
  | { type: 'start' }
  /** The user runs a tool directly: its one call waits for approval or runs at once. */
  | { type: 'start-direct'; needsApproval: boolean }
  /**
   * Resume an interrupted turn whose calls await approval (after a reload); `round` is the round it
   * had reached (default 1); `direct` when the turn is a direct tool run, which must not go on to the model.
   */
  | { type: 'resume'; round?: number; direct?: boolean }
  | { type: 'round-finished'; hasCalls: boolean; needsApproval: boolean }
  /** No call is pending approval any more. */
  | { type: 'approvals-done' }
  /** Every call of the round has settled. */
  | { type: 'calls-settled' }
  | { type: 'stop-after-round' }
  | { type: 'stop' }
  | { type: 'error' };

export type RunEventType = RunEvent['type'];

export type TransitionResult = { ok: true; state: RunState } | { ok: false; state: RunState; reason: string };

export const DEFAULT_MAX_ROUNDS = 8;

export const RUN_PHASES: readonly RunPhase[] = ['idle', 'generating', 'awaiting_confirmation', 'executing_function'];

export const RUN_EVENT_TYPES: readonly RunEventType[] = [
  'start',
  'start-direct',
  'resume',
  'round-finished',
  'approvals-done',
  'calls-settled',
  'stop-after-round',
  'stop',
  'error',
];

/** A handler returns the next state, or a reason string when a guard refuses the event. */
type Handler<E extends RunEventType> = (state: RunState, event: Extract<RunEvent, { type: E }>) => RunState | string;
type Handlers = { [E in RunEventType]?: Handler<E> };

const begin = (state: RunState, phase: RunPhase, round: number, direct = false): RunState => ({
  phase,
  round,
  maxRounds: state.maxRounds,
  stopAfterRound: false,
  ...(direct ? { direct: true as const } : {}),
});

const end = (state: RunState, outcome: TurnOutcome): RunState => ({
  phase: 'idle',
  round: state.round,
  maxRounds: state.maxRounds,
  stopAfterRound: false,
  outcome,
});

const markStopAfterRound = (state: RunState): RunState => ({ ...state, stopAfterRound: true });
const stop = (state: RunState): RunState => end(state, 'stopped');
const fail = (state: RunState): RunState => end(state, 'failed');

/** Every legal transition; anything absent here is rejected. */
const TABLE: Record<RunPhase, Handlers> = {
  idle: {
    start: (state) => begin(state, 'generating', 1),
    'start-direct': (state, event) => begin(state, event.needsApproval ? 'awaiting_confirmation' : 'executing_function', 1, true),
    resume: (state, event) => {
      const round = event.round ?? 1;
      if (!Number.isInteger(round) || round < 1 || round > state.maxRounds)
        return `cannot resume at round ${round}: it must be a whole number from 1 to ${state.maxRounds}`;
      return begin(state, 'awaiting_confirmation', round, event.direct === true);
    },
  },
  generating: {
    'round-finished': (state, event) => {
      if (!event.hasCalls) {
        if (event.needsApproval) return 'a round without tool calls cannot need approval';
        return end(state, 'completed');
      }
      return { ...state, phase: event.needsApproval ? 'awaiting_confirmation' : 'executing_function' };
    },
    'stop-after-round': markStopAfterRound,
    stop,
    error: fail,
  },
  awaiting_confirmation: {
    'approvals-done': (state) => ({ ...state, phase: 'executing_function' }),
    'stop-after-round': markStopAfterRound,
    stop,
  },
  executing_function: {
    'calls-settled': (state) => {
      // The user's explicit request wins over the guard: the run ended because they asked, not because it was cut.
      // A direct run was only ever the user's own call, so it is complete once that call has settled.
      if (state.stopAfterRound || state.direct) return end(state, 'completed');
      if (state.round >= state.maxRounds) return end(state, 'max_rounds');
      return { ...state, phase: 'generating', round: state.round + 1 };
    },
    'stop-after-round': markStopAfterRound,
    stop,
    error: fail,
  },
};

/** Creates the state of a conversation with no run yet. */
export function initialRunState(maxRounds: number = DEFAULT_MAX_ROUNDS): RunState {
  if (!Number.isInteger(maxRounds) || maxRounds < 1)
    throw new RangeError(`maxRounds must be a whole number of at least 1, got ${maxRounds}`);
  return { phase: 'idle', round: 0, maxRounds, stopAfterRound: false };
}

/** Pure run transition: the next state, or a rejection that returns the very same state object. */
export function transition(state: RunState, event: RunEvent): TransitionResult {
  const handler = TABLE[state.phase]?.[event.type] as Handler<RunEventType> | undefined;
  if (!handler) return { ok: false, state, reason: `"${event.type}" is not allowed while ${state.phase}` };
  const next = handler(state, event);
  if (typeof next === 'string') return { ok: false, state, reason: next };
  return { ok: true, state: next };
}

/** The event types the table accepts in a phase (guards may still refuse one). */
export function allowedRunEvents(phase: RunPhase): RunEventType[] {
  return RUN_EVENT_TYPES.filter((type) => TABLE[phase]?.[type] !== undefined);
}
