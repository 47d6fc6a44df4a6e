// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { allowedRunEvents, DEFAULT_MAX_ROUNDS, initialRunState, RUN_EVENT_TYPES, RUN_PHASES, transition, type RunEvent, type RunPhase, type RunState } from './machine';
import { EVENT_SAMPLES, LEGAL, s, STATES } from './machine-fixtures.testing';

describe('run machine: lists', () => {
  it('lists every phase and event type exactly once', () => {
    expect([...RUN_PHASES].sort()).toEqual(Object.keys(LEGAL).sort());
    expect([...RUN_EVENT_TYPES].sort()).toEqual(Object.keys(EVENT_SAMPLES).sort());
  });

  it.each(RUN_PHASES)('allowedRunEvents(%s) matches the legal pairs', (phase) => {
    expect(allowedRunEvents(phase).sort()).toEqual([...LEGAL[phase]].sort());
  });
});

describe('initialRunState', () => {
  it('starts idle at round 0 with no outcome and the default of 8 rounds', () => {
    expect(initialRunState()).toEqual({ phase: 'idle', round: 0, maxRounds: 8, stopAfterRound: false });
    expect(DEFAULT_MAX_ROUNDS).toBe(8);
    expect(initialRunState(2).maxRounds).toBe(2);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses maxRounds %s', (n) => {
    expect(() => initialRunState(n)).toThrow(RangeError);
  });
});

describe('run machine: legal transitions', () => {
  const cases: Array<[string, RunState, RunEvent, RunState]> = [
    ['idle -start-> generating round 1', s('idle', 0), { type: 'start' }, s('generating', 1)],
    [
      'a new run after a finished one clears the outcome',
      s('idle', 3, { outcome: 'failed' }),
      { type: 'start' },
      s('generating', 1),
    ],
    [
      'idle -start-direct(no approval)-> executing_function, direct',
      s('idle', 2, { outcome: 'completed' }),
      { type: 'start-direct', needsApproval: false },
      s('executing_function', 1, { direct: true }),
    ],
    [
      'idle -start-direct(approval)-> awaiting_confirmation, direct',
      s('idle', 0),
      { type: 'start-direct', needsApproval: true },
      s('awaiting_confirmation', 1, { direct: true }),
    ],
    ['idle -resume-> awaiting_confirmation at round 1', s('idle', 0), { type: 'resume' }, s('awaiting_confirmation', 1)],
    [
      'resume a direct turn keeps it direct',
      s('idle', 0),
      { type: 'resume', round: 1, direct: true },
      s('awaiting_confirmation', 1, { direct: true }),
    ],
    [
      'resume at the round the turn had reached',
      s('idle', 0),
      { type: 'resume', round: 3 },
      s('awaiting_confirmation', 3),
    ],
    [
      'generating -round-finished(no calls)-> idle completed',
      s('generating', 2),
      { type: 'round-finished', hasCalls: false, needsApproval: false },
      s('idle', 2, { outcome: 'completed' }),
    ],
    [
      'generating -round-finished(calls, approval)-> awaiting_confirmation',
      s('generating', 2),
      { type: 'round-finished', hasCalls: true, needsApproval: true },
      s('awaiting_confirmation', 2),
    ],
    [
      'generating -round-finished(calls, no approval)-> executing_function',
      s('generating', 2),
      { type: 'round-finished', hasCalls: true, needsApproval: false },
      s('executing_function', 2),
    ],
    [
      'stop-after-round keeps the run going with the flag',
      s('generating', 1, { stopAfterRound: true }),
      { type: 'round-finished', hasCalls: true, needsApproval: false },
      s('executing_function', 1, { stopAfterRound: true }),
    ],
    ['generating -stop-after-round-> flag set', s('generating', 1), { type: 'stop-after-round' }, s('generating', 1, { stopAfterRound: true })],
    ['generating -stop-> idle stopped', s('generating', 2), { type: 'stop' }, s('idle', 2, { outcome: 'stopped' })],
    ['generating -error-> idle failed', s('generating', 2), { type: 'error' }, s('idle', 2, { outcome: 'failed' })],
    [
      'awaiting_confirmation -approvals-done-> executing_function',
      s('awaiting_confirmation', 2, { stopAfterRound: true }),
      { type: 'approvals-done' },
      s('executing_function', 2, { stopAfterRound: true }),
    ],
    [
      'a direct run stays direct once approved',
      s('awaiting_confirmation', 1, { direct: true }),
      { type: 'approvals-done' },
      s('executing_function', 1, { direct: true }),
    ],
    [
      'awaiting_confirmation -stop-after-round-> flag set',
      s('awaiting_confirmation', 1),
      { type: 'stop-after-round' },
      s('awaiting_confirmation', 1, { stopAfterRound: true }),
    ],
    [
      'awaiting_confirmation -stop-> idle stopped',
      s('awaiting_confirmation', 1, { stopAfterRound: true }),
      { type: 'stop' },
      s('idle', 1, { outcome: 'stopped' }),
    ],
    [
      'executing_function -calls-settled-> next round',
      s('executing_function', 2),
      { type: 'calls-settled' },
      s('generating', 3),
    ],
    [
      'executing_function -calls-settled at the last round-> idle max_rounds',
      s('executing_function', 3),
      { type: 'calls-settled' },
      s('idle', 3, { outcome: 'max_rounds' }),
    ],
    [
      'executing_function -calls-settled after stop-after-round-> idle completed',
      s('executing_function', 1, { stopAfterRound: true }),
      { type: 'calls-settled' },
      s('idle', 1, { outcome: 'completed' }),
    ],
    [
      'a direct run ends completed when its call settles, without another round',
      s('executing_function', 1, { direct: true }),
      { type: 'calls-settled' },
      s('idle', 1, { outcome: 'completed' }),
    ],
    [
      'stopping a direct run ends it stopped',
      s('executing_function', 1, { direct: true }),
      { type: 'stop' },
      s('idle', 1, { outcome: 'stopped' }),
    ],
    [
      "the user's stop-after-round wins over the round guard",
      s('executing_function', 3, { stopAfterRound: true }),
      { type: 'calls-settled' },
      s('idle', 3, { outcome: 'completed' }),
    ],
    [
      'executing_function -stop-after-round-> flag set',
      s('executing_function', 2),
      { type: 'stop-after-round' },
      s('executing_function', 2, { stopAfterRound: true }),
    ],
    [
      'stop-after-round twice is harmless',
      s('executing_function', 2, { stopAfterRound: true }),
      { type: 'stop-after-round' },
      s('executing_function', 2, { stopAfterRound: true }),
    ],
    ['executing_function -stop-> idle stopped', s('executing_function', 2), { type: 'stop' }, s('idle', 2, { outcome: 'stopped' })],
    ['executing_function -error-> idle failed', s('executing_function', 2), { type: 'error' }, s('idle', 2, { outcome: 'failed' })],
  ];

  it.each(cases)('%s', (_name, from, event, expected) => {
    const snapshot = structuredClone(from);
    const result = transition(from, event);
    expect(result).toEqual({ ok: true, state: expected });
    expect(result.state).not.toBe(from);
    expect(from).toEqual(snapshot); // pure: the input is never mutated
  });

  it('covers every legal (phase, event) pair', () => {
    const covered = new Set(cases.map(([, from, event]) => `${from.phase}/${event.type}`));
    const legal = RUN_PHASES.flatMap((phase) => LEGAL[phase].map((type) => `${phase}/${type}`));
    expect([...covered].sort()).toEqual(legal.sort());
  });

  it('runs a whole turn to the round guard', () => {
    let state = initialRunState(2);
    const step = (event: RunEvent) => {
      const result = transition(state, event);
      expect(result.ok).toBe(true);
      state = result.state;
    };
    step({ type: 'start' });
    step({ type: 'round-finished', hasCalls: true, needsApproval: true });
    step({ type: 'approvals-done' });
    step({ type: 'calls-settled' });
    expect(state).toMatchObject({ phase: 'generating', round: 2 });
    step({ type: 'round-finished', hasCalls: true, needsApproval: false });
    step({ type: 'calls-settled' });
    expect(state).toEqual({ phase: 'idle', round: 2, maxRounds: 2, stopAfterRound: false, outcome: 'max_rounds' });
  });
});

describe('run machine: rejected events', () => {
  const illegal = RUN_PHASES.flatMap((phase) =>
    RUN_EVENT_TYPES.filter((type) => !LEGAL[phase].includes(type)).flatMap((type) =>
      STATES[phase].flatMap((state) => EVENT_SAMPLES[type].map((event) => [phase, type, state, event] as const)),
    ),
  );

  it('generates the complement of the legal pairs', () => {
    const pairs = new Set(illegal.map(([phase, type]) => `${phase}/${type}`));
    const legalCount = RUN_PHASES.reduce((n, phase) => n + LEGAL[phase].length, 0);
    expect(pairs.size).toBe(RUN_PHASES.length * RUN_EVENT_TYPES.length - legalCount);
  });

  it.each(illegal)('%s rejects %s', (phase, type, state, event) => {
    const snapshot = structuredClone(state);
    const result = transition(state, event);
    expect(result.ok).toBe(false);
    expect(result.state).toBe(state);
    expect(state).toEqual(snapshot);
    if (!result.ok) expect(result.reason).toBe(`"${type}" is not allowed while ${phase}`);
  });

  it.each([0, 4, 1.5, -1])('refuses to resume at round %s (maxRounds 3)', (round) => {
    const state = s('idle', 0);
    const result = transition(state, { type: 'resume', round });
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining(`round ${round}`) });
    expect(result.state).toBe(state);
  });

  it('refuses a round that needs approval but made no calls', () => {
    const state = s('generating', 1);
    const result = transition(state, { type: 'round-finished', hasCalls: false, needsApproval: true });
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining('without tool calls') });
    expect(result.state).toBe(state);
  });

  it('rejects events on a state with an unknown phase instead of crashing', () => {
    const state = { ...s('idle', 0), phase: 'sleeping' as RunPhase };
    expect(transition(state, { type: 'start' })).toMatchObject({ ok: false, state });
  });
});
