// @vitest-environment node
import { beforeAll, describe, expect, it } from 'vitest';
import { createToolRegistry } from '../tools/registry';
import { loadValidator } from '../tools/validate';
import { CallExecution } from './call-execution';
import { Interventions } from './interventions';
import { RoundStreaming } from './round-streaming';
import { danger, echo, scripted } from './controller-test-kit.testing';
import { storeWith, streamingCall } from './store-fixtures.testing';

/** A run waiting for approval of two danger calls (and one auto echo queued beside them). */
function waiting() {
  const fixture = storeWith([streamingCall('a', 'danger'), streamingCall('b', 'danger')]);
  const { store, newId, callOf } = fixture;
  const tools = createToolRegistry([echo, danger]);
  const calls = new CallExecution({ store, tools });
  const rounds = new RoundStreaming({ store, calls, model: () => scripted([]).client, newId });
  const interventions = new Interventions({ store, calls, rounds, tools, newId });
  store.dispatch({ type: 'start' });
  for (const id of ['a', 'b']) calls.completeArgs('t', callOf(id), 'tool_calls');
  store.dispatch({ type: 'round-finished', hasCalls: true, needsApproval: true });
  return { ...fixture, interventions };
}

beforeAll(() => loadValidator());

describe('Interventions', () => {
  it('approves into a run, rejects with the reason, and the round moves on by itself', async () => {
    const { interventions, callOf, store } = waiting();
    expect(interventions.approve('a')).toBeNull();
    expect(store.state.run.phase).toBe('awaiting_confirmation');
    interventions.reject('b', 'not now');
    expect(callOf('b')).toMatchObject({ status: 'rejected', rejectReason: 'not now', resultText: 'The user rejected this call. Reason: not now' });
    expect(store.state.run.phase).toBe('executing_function');
    await store.whenRoundSettled();
    expect(callOf('a').status).toBe('succeeded');
  });

  it('answers with a code when it refuses', () => {
    const { interventions } = waiting();
    expect(interventions.approve('nope')).toEqual({ code: 'not_waiting' });
    expect(interventions.approve('a', { text: 3 })).toMatchObject({ code: 'invalid' });
    expect(interventions.rerunCall('nope', {})).toEqual({ code: 'not_in_latest' });
  });

  it('stop cancels what has not settled and ends the run stopped', () => {
    const { interventions, callOf, store } = waiting();
    interventions.stop();
    expect(callOf('a')).toMatchObject({ status: 'cancelled', resultText: expect.stringContaining('stopped the run') });
    expect(store.state.run.phase).toBe('idle');
    expect(store.state.conversation.messages.at(-1)).toMatchObject({ outcome: 'stopped' });
  });
});
