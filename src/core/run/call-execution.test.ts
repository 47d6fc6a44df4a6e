// @vitest-environment node
import { beforeAll, describe, expect, it } from 'vitest';
import { createToolRegistry } from '../tools/registry';
import { loadValidator } from '../tools/validate';
import { makeRule } from '../permissions';
import type { ToolDefinition } from '../tools/types';
import { CallExecution } from './call-execution';
import { danger, echo } from './controller-test-kit.testing';
import { storeWith, streamingCall } from './store-fixtures.testing';

const progressing: ToolDefinition = {
  ...echo,
  name: 'progressing',
  async *run() {
    yield { type: 'progress', current: 1, total: 2 };
    yield { type: 'content', text: 'line' };
    yield { type: 'done', result: 'done' };
  },
};

function setup(calls = [streamingCall('a'), streamingCall('b', 'danger'), streamingCall('p', 'progressing')], rules = [] as ReturnType<typeof makeRule>[]) {
  const fixture = storeWith(calls);
  const execution = new CallExecution({ store: fixture.store, tools: createToolRegistry([echo, danger, progressing]), permissions: () => rules });
  return { ...fixture, execution };
}

beforeAll(() => loadValidator());

describe('CallExecution', () => {
  it('decides a finished call: auto tools queue, ask tools wait, bad arguments are invalid', () => {
    const { execution, callOf, store } = setup([streamingCall('a'), streamingCall('b', 'danger'), streamingCall('x', 'echo', { text: 1 })]);
    for (const id of ['a', 'b', 'x']) execution.completeArgs('t', callOf(id), 'tool_calls');
    expect(callOf('a')).toMatchObject({ status: 'queued', policy: 'auto' });
    expect(callOf('b')).toMatchObject({ status: 'pending_approval', policy: 'ask' });
    expect(callOf('x')).toMatchObject({ status: 'invalid', validationError: expect.stringContaining('string') });
    expect(store.state.log.every((e) => e.ok)).toBe(true);
  });

  it('refuses a tool set to Never before looking at its arguments, and leaves it out of the offer', () => {
    const { execution, callOf } = setup([streamingCall('a', 'echo', { wrong: true })], [makeRule('echo', 'deny', 'always', 'conv', 0)]);
    execution.completeArgs('t', callOf('a'), 'tool_calls');
    expect(callOf('a')).toMatchObject({ status: 'invalid', denied: true });
    expect(execution.offeredSpecs().map((s) => s.name)).not.toContain('echo');
  });

  it('marks arguments cut by the token limit incomplete', () => {
    const { execution, callOf } = setup([{ ...streamingCall('a'), args: undefined, parseError: 'cut' }]);
    execution.completeArgs('t', callOf('a'), 'length');
    expect(callOf('a').status).toBe('incomplete');
  });

  it('runs a queued call with its progress and content, then settles it with its result', async () => {
    const { execution, callOf } = setup();
    execution.completeArgs('t', callOf('p'), 'tool_calls');
    await execution.execute('t', 'p');
    expect(callOf('p')).toMatchObject({ status: 'succeeded', resultText: 'done', progress: { current: 1, total: 2 }, content: 'line' });
    expect(callOf('p').endedAt).toBeGreaterThanOrEqual(callOf('p').startedAt!);
  });

  it('re-queues a settled call with new arguments and none of its old result', async () => {
    const { execution, callOf } = setup();
    execution.completeArgs('t', callOf('a'), 'tool_calls');
    await execution.execute('t', 'a');
    execution.requeue('t', 'a', { text: 'again' });
    expect(callOf('a')).toMatchObject({ status: 'queued', editedArgs: { text: 'again' } });
    expect(callOf('a').resultText).toBeUndefined();
    expect(callOf('a').outcome).toBeUndefined();
  });

  it('cancels a call whose tool vanished before it ran', async () => {
    const { store, callOf } = setup([streamingCall('g', 'gone')]);
    store.moveCall('t', 'g', { type: 'args-complete', valid: true, needsApproval: false }, { status: 'queued' });
    const execution = new CallExecution({ store, tools: createToolRegistry([]) });
    await execution.execute('t', 'g');
    expect(callOf('g')).toMatchObject({ status: 'cancelled', resultText: expect.stringContaining('not available') });
  });
});
