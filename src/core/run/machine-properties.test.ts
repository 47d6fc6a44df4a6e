// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { initialRunState, RUN_PHASES, transition, type RunEvent } from './machine';
import { EVENT_SAMPLES } from './machine-fixtures.testing';

describe('run machine: properties', () => {
  const eventArb: fc.Arbitrary<RunEvent> = fc.oneof(
    fc.constantFrom<RunEvent>(...Object.values(EVENT_SAMPLES).flat()),
    fc.integer({ min: -2, max: 12 }).map((round): RunEvent => ({ type: 'resume', round })),
  );

  it('any event sequence keeps the state valid', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 }), fc.array(eventArb, { maxLength: 80 }), (maxRounds, events) => {
        let state = initialRunState(maxRounds);
        for (const event of events) {
          const before = state;
          const result = transition(state, event);
          if (!result.ok) {
            expect(result.state).toBe(before);
            continue;
          }
          state = result.state;
          expect(RUN_PHASES).toContain(state.phase);
          expect(Number.isInteger(state.round)).toBe(true);
          expect(state.round).toBeGreaterThanOrEqual(0);
          expect(state.round).toBeLessThanOrEqual(maxRounds);
          expect(state.maxRounds).toBe(maxRounds);
          // An outcome exists exactly when a run has ended; a live run is always in some round.
          expect(state.outcome !== undefined).toBe(state.phase === 'idle' && state.round >= 1);
          if (state.phase !== 'idle') expect(state.round).toBeGreaterThanOrEqual(1);
          else expect(state.stopAfterRound).toBe(false);
          // A direct run never reaches the model, and the flag never outlives its run.
          if (state.direct) expect(state.phase).not.toMatch(/idle|generating/);
          if (before.direct && state.phase !== 'idle') expect(state.direct).toBe(true);
          if (event.type === 'start-direct') expect(state).toMatchObject({ direct: true, round: 1 });
          if (event.type === 'stop') expect(state.outcome).toBe('stopped');
          if (event.type === 'error') expect(state.outcome).toBe('failed');
          if (before.phase !== 'idle' && state.phase !== 'idle') {
            expect(state.round - before.round).toBeGreaterThanOrEqual(0);
            expect(state.round - before.round).toBeLessThanOrEqual(1);
          }
        }
      }),
    );
  });

  it('stop ends every reachable live run', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 40 }), (events) => {
        let state = initialRunState(4);
        for (const event of events) state = transition(state, event).state;
        const result = transition(state, { type: 'stop' });
        expect(result.ok).toBe(state.phase !== 'idle');
        expect(result.state.phase).toBe('idle');
      }),
    );
  });
});
