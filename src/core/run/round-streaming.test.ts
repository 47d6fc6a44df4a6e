// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { createToolRegistry } from '../tools/registry';
import { ModelError, type ModelClient } from '../protocols/types';
import { findTurn } from './turn-updates';
import { CallExecution } from './call-execution';
import { RoundStreaming } from './round-streaming';
import { RunStore } from './run-store';
import { activePath } from '../conversation/tree';
import type { AssistantMessage } from '../conversation/types';
import { call, calls, echo, scripted, text, type Step } from './controller-test-kit.testing';

function setup(steps: Step[], observer = {}, client?: ModelClient) {
  const model = client ? { client, requests: [] } : scripted(steps);
  let seq = 0;
  const newId = () => `id${++seq}`;
  const store = new RunStore({ newId, observer }, undefined);
  const execution = new CallExecution({ store, tools: createToolRegistry([echo]) });
  const rounds = new RoundStreaming({ store, calls: execution, model: () => model.client, newId, observer });
  const idle = () =>
    new Promise<void>((resolve) => {
      const check = () => findTurn(store.state.conversation, store.state.turnId)?.outcome && store.state.run.phase === 'idle' && (unsub(), resolve());
      const unsub = store.subscribe(check);
    });
  const turn = () => activePath(store.state.conversation).at(-1) as AssistantMessage;
  return { store, rounds, idle, turn, requests: model.requests };
}

describe('RoundStreaming', () => {
  it('streams rounds, runs the calls between them, and ends the turn completed', async () => {
    const roundEnd = vi.fn();
    const t = setup([calls(call('echo', { text: 'x' })), text('Done')], { roundEnd });
    const finished = t.idle();
    t.rounds.startTurn();
    await finished;
    expect(t.turn().outcome).toBe('completed');
    expect(t.turn().rounds.map((r) => r.finishReason)).toEqual(['tool_calls', 'stop']);
    expect(t.turn().calls.call_echo.status).toBe('succeeded');
    expect(t.requests[1].messages.at(-1)).toMatchObject({ role: 'tool', toolCallId: 'call_echo' });
    expect(roundEnd.mock.calls.map(([info]) => info.outcome)).toEqual(['ok', 'ok']);
  });

  it('ends a failed stream with the error, and a half-streamed call incomplete', async () => {
    const failing: ModelClient = {
      label: 'failing',
      async *stream() {
        yield { type: 'tool-call-start', index: 0, id: 'c', name: 'echo' };
        throw new ModelError('server', 'down');
      },
    };
    const t = setup([], {}, failing);
    const finished = t.idle();
    t.rounds.startTurn();
    await finished;
    expect(t.turn()).toMatchObject({ outcome: 'failed', error: { kind: 'server', message: 'down' } });
    expect(t.turn().calls.c.status).toBe('incomplete');
  });
});
