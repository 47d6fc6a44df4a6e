import type { RunEvent, RunEventType, RunPhase, RunState } from './machine';

// Shared by the run machine's table tests and its property tests.

/** Every shape each event type can take; typed as a full Record so a new event type fails to compile here. */
export const EVENT_SAMPLES: Record<RunEventType, RunEvent[]> = {
  start: [{ type: 'start' }],
  'start-direct': [
    { type: 'start-direct', needsApproval: false },
    { type: 'start-direct', needsApproval: true },
  ],
  resume: [{ type: 'resume' }, { type: 'resume', round: 2 }, { type: 'resume', round: 1, direct: true }],
  'round-finished': [
    { type: 'round-finished', hasCalls: false, needsApproval: false },
    { type: 'round-finished', hasCalls: true, needsApproval: false },
    { type: 'round-finished', hasCalls: true, needsApproval: true },
    { type: 'round-finished', hasCalls: false, needsApproval: true },
  ],
  'approvals-done': [{ type: 'approvals-done' }],
  'calls-settled': [{ type: 'calls-settled' }],
  'stop-after-round': [{ type: 'stop-after-round' }],
  stop: [{ type: 'stop' }],
  error: [{ type: 'error' }],
};

/** The legal (phase, event) pairs, written out independently of the implementation's table. */
export const LEGAL: Record<RunPhase, RunEventType[]> = {
  idle: ['start', 'start-direct', 'resume'],
  generating: ['round-finished', 'stop-after-round', 'stop', 'error'],
  awaiting_confirmation: ['approvals-done', 'stop-after-round', 'stop'],
  executing_function: ['calls-settled', 'stop-after-round', 'stop', 'error'],
};

export const s = (phase: RunPhase, round: number, extra: Partial<RunState> = {}): RunState => ({
  phase,
  round,
  maxRounds: 3,
  stopAfterRound: false,
  ...extra,
});

/** Representative states of every phase, including flags and finished runs. */
export const STATES: Record<RunPhase, RunState[]> = {
  idle: [s('idle', 0), s('idle', 2, { outcome: 'completed' }), s('idle', 3, { outcome: 'max_rounds' })],
  generating: [s('generating', 1), s('generating', 3, { stopAfterRound: true })],
  awaiting_confirmation: [
    s('awaiting_confirmation', 1),
    s('awaiting_confirmation', 2, { stopAfterRound: true }),
    s('awaiting_confirmation', 1, { direct: true }),
  ],
  executing_function: [
    s('executing_function', 1),
    s('executing_function', 3, { stopAfterRound: true }),
    s('executing_function', 1, { direct: true }),
  ],
};
