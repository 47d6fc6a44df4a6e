// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import type { AssistantMessage, Conversation, ToolCallState } from '../conversation/types';
import { isSettled } from './call-machine';
import { roundProgress } from './round-progress';
import { RunStore } from './run-store';
import { findTurn } from './turn-updates';

const streaming = (id: string): ToolCallState => ({ id, name: 'tool', round: 0, argsText: '{}', args: {}, status: 'streaming_args' });

/** A store whose current turn has one round holding `n` calls, still streaming their arguments. */
function storeWithCalls(n: number) {
  const ids = Array.from({ length: n }, (_, i) => `c${i}`);
  const turn: AssistantMessage = {
    id: 't',
    parentId: 'u',
    role: 'assistant',
    createdAt: 0,
    model: 'm',
    rounds: [{ parts: ids.map((callId) => ({ type: 'tool-call' as const, callId })) }],
    calls: Object.fromEntries(ids.map((id) => [id, streaming(id)])),
  };
  const conversation: Conversation = {
    id: 'conv',
    title: '',
    createdAt: 0,
    updatedAt: 0,
    activeChild: { '': 'u', u: 't' },
    messages: [{ id: 'u', parentId: null, role: 'user', text: 'hi', createdAt: 0 }, turn],
  };
  let seq = 0;
  const store = new RunStore({ newId: () => `id${++seq}` }, conversation);
  store.update({ turnId: 't' });
  return { store, ids };
}

const callsOf = (store: RunStore) => Object.values(findTurn(store.state.conversation, 't')!.calls);
const outcome = { status: 'succeeded' as const, text: 'ok', truncated: false };
const failure = { status: 'failed' as const, error: { message: 'no' }, text: 'Error: no', truncated: false };

type Op = 'approve' | 'reject' | 'cancel' | 'run' | 'succeed' | 'fail';
function act(store: RunStore, id: string, op: Op) {
  switch (op) {
    case 'approve':
      return store.moveCall('t', id, { type: 'approve' }, { status: 'queued' });
    case 'reject':
      return store.settleCall('t', id, { type: 'reject' }, { status: 'rejected', resultText: 'rejected' });
    case 'cancel':
      return store.settleCall('t', id, { type: 'cancel' }, { status: 'cancelled' });
    case 'run':
      return store.moveCall('t', id, { type: 'run' }, { status: 'running', startedAt: 1 });
    case 'succeed':
      return store.settleCall('t', id, { type: 'succeed' }, { status: 'succeeded', outcome, resultText: 'ok' });
    case 'fail':
      return store.settleCall('t', id, { type: 'fail' }, { status: 'failed', outcome: failure, resultText: 'Error: no' });
  }
}

/** Decides the round's calls (`ask[i]`: wait for approval) and finishes the round, as the loop does. */
function finishRound(store: RunStore, ids: string[], ask: boolean[]) {
  store.dispatch({ type: 'start' });
  ids.forEach((id, i) =>
    store.moveCall('t', id, { type: 'args-complete', valid: true, needsApproval: ask[i] }, { status: ask[i] ? 'pending_approval' : 'queued' }),
  );
  store.dispatch({ type: 'round-finished', hasCalls: true, needsApproval: ask.some(Boolean) });
}

describe('RunStore: the one commit path', () => {
  it('a settled round always moves on, whatever order the calls are decided and run in', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom<Op>('approve', 'reject', 'cancel', 'run', 'succeed', 'fail')), { maxLength: 40 }),
        async (ask, ops) => {
          const { store, ids } = storeWithCalls(ask.length);
          finishRound(store, ids, ask);
          let released = false;
          void store.whenRoundSettled().then(() => (released = true));
          for (const [i, op] of ops) {
            act(store, ids[i % ids.length], op);
            // Never stuck waiting for approvals that were all given.
            expect(roundProgress(store.state)).not.toBe('approvals-done');
          }
          await Promise.resolve();
          expect(released).toBe(callsOf(store).every((c) => isSettled(c.status)));
          // Drive every call to its end: the wait is released, with no step to remember.
          for (const id of ids) for (const op of ['approve', 'run', 'succeed'] as const) act(store, id, op);
          await Promise.resolve();
          expect(callsOf(store).every((c) => isSettled(c.status))).toBe(true);
          expect(store.state.run.phase).toBe('executing_function');
          expect(released).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('logs an illegal change and leaves the call as it was, without telling subscribers', () => {
    const { store } = storeWithCalls(1);
    const listener = vi.fn();
    store.subscribe(listener);
    expect(act(store, 'c0', 'succeed')).toBe(false);
    expect(callsOf(store)[0].status).toBe('streaming_args');
    expect(store.state.log.at(-1)).toMatchObject({ event: 'call tool: succeed', ok: false });
    expect(listener).not.toHaveBeenCalled();
  });

  it('refuses a change whose status is not where the table leads', () => {
    const { store } = storeWithCalls(1);
    expect(store.moveCall('t', 'c0', { type: 'args-complete', valid: true, needsApproval: true }, { status: 'queued' })).toBe(false);
    expect(store.state.log.at(-1)).toMatchObject({ ok: false, reason: '"args-complete" leads to pending_approval, not queued' });
  });

  it('batch makes several changes one: subscribers hear once, and the round is checked at the end', () => {
    const { store, ids } = storeWithCalls(2);
    finishRound(store, ids, [true, true]);
    const listener = vi.fn();
    store.subscribe(listener);
    const phases: string[] = [];
    store.batch(() => {
      act(store, 'c0', 'approve');
      act(store, 'c1', 'approve');
      phases.push(store.state.run.phase);
    });
    expect(phases).toEqual(['awaiting_confirmation']);
    expect(store.state.run.phase).toBe('executing_function');
    expect(listener).toHaveBeenCalledTimes(2); // the batch, then the approvals-done it led to
  });

  it('getSnapshot only reads: the live round shows folded in, the state keeps it out until flushed', () => {
    const { store } = storeWithCalls(0);
    store.setConversation({ ...store.state.conversation });
    store.startLive('t', 0);
    store.applyLive({ type: 'text-delta', text: 'Hel' });
    const before = store.state;
    const first = store.getSnapshot();
    expect(store.getSnapshot()).toBe(first);
    expect(store.state).toBe(before);
    expect(findTurn(first.conversation, 't')!.rounds[0].parts.at(-1)).toEqual({ type: 'text', text: 'Hel' });
    store.applyLive({ type: 'text-delta', text: 'lo' });
    expect(findTurn(store.getSnapshot().conversation, 't')!.rounds[0].parts.at(-1)).toEqual({ type: 'text', text: 'Hello' });
    store.endLive();
    expect(findTurn(store.state.conversation, 't')!.rounds[0].parts.at(-1)).toEqual({ type: 'text', text: 'Hello' });
  });

  it('tells the observer about every transition, refused ones included', () => {
    const transition = vi.fn();
    const store = new RunStore({ newId: () => 'x', observer: { transition } });
    store.dispatch({ type: 'calls-settled' });
    store.dispatch({ type: 'start' });
    expect(transition.mock.calls.map(([entry]) => [entry.event, entry.ok])).toEqual([
      ['calls-settled', false],
      ['start', true],
    ]);
  });
});
