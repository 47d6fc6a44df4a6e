import { describe, expect, it } from 'vitest';
import { ChatController } from './chat-controller';
import { createToolRegistry } from '../tools/registry';
import type { ToolDefinition, ToolEvent } from '../tools/types';
import type { AssistantMessage, Conversation } from '../conversation/types';
import { activePath, siblingsOf } from '../conversation/tree';
import { readConversation, SchemaError } from '../conversation/conversation-schema';
import type { PermissionRule } from '../permissions';
import { danger, echo, scripted, setup, slow, text, waitFor } from './controller-test-kit.testing';

/** A tool that reports progress item by item until it is aborted or done. */
const steps: ToolDefinition = {
  ...echo,
  name: 'steps',
  parameters: { type: 'object', properties: {}, additionalProperties: false },
  async *run(_args: unknown, { signal }: { signal: AbortSignal }): AsyncGenerator<ToolEvent> {
    for (let i = 1; i <= 3; i++) {
      await new Promise((resolve) => setTimeout(resolve, 40));
      if (signal.aborted) return;
      yield { type: 'progress', current: i, total: 3, percentage: (i / 3) * 100 };
    }
    yield { type: 'done', result: 'three steps' };
  },
};

const lastTurn = (c: ChatController) => activePath(c.getSnapshot().conversation).at(-1) as AssistantMessage;
const onlyCall = (c: ChatController) => Object.values(lastTurn(c).calls)[0];

describe('runTool: a direct tool run', () => {
  it('an edited command becomes a new branch from the message it edits, and runs again directly', async () => {
    const t = setup([]);
    await t.controller.runTool('echo', { text: 'one' }, '/echo {"text":"one"}');
    await t.idle();
    const first = activePath(t.controller.getSnapshot().conversation)[0];
    expect(await t.controller.runTool('echo', { text: 'two' }, '/echo {"text":"two"}', first.id)).toBeNull();
    await t.idle();
    const conv = t.controller.getSnapshot().conversation;
    const path = activePath(conv);
    expect(path.map((m) => (m.role === 'user' ? m.text : 'turn'))).toEqual(['/echo {"text":"two"}', 'turn']);
    expect(siblingsOf(conv, path[0].id)).toEqual({ ids: [first.id, path[0].id], index: 1 });
    expect(onlyCall(t.controller)).toMatchObject({ args: { text: 'two' }, status: 'succeeded' });
    expect(t.requests).toHaveLength(0);
  });

  it('runs an auto tool without asking the model and ends idle with the result in a direct turn', async () => {
    const t = setup([]);
    expect(await t.controller.runTool('echo', { text: 'hi' }, '/echo {"text":"hi"}')).toBeNull();
    await t.idle();
    const path = activePath(t.controller.getSnapshot().conversation);
    expect(path.map((m) => m.role)).toEqual(['user', 'assistant']);
    expect(path[0]).toMatchObject({ role: 'user', text: '/echo {"text":"hi"}' });
    const turn = path[1] as AssistantMessage;
    expect(turn).toMatchObject({ direct: true, outcome: 'completed', model: '' });
    expect(turn.notice).toBeUndefined();
    expect(turn.rounds).toEqual([{ parts: [{ type: 'tool-call', callId: expect.stringMatching(/^[A-Za-z0-9]{9}$/) }], finishReason: 'tool_calls' }]);
    expect(onlyCall(t.controller)).toMatchObject({ name: 'echo', status: 'succeeded', args: { text: 'hi' }, argsText: '{"text":"hi"}', policy: 'auto', resultText: '{"echoed":"hi"}' });
    expect(t.requests).toHaveLength(0);
    expect(t.controller.getSnapshot().conversation.title).toBe('/echo {"text":"hi"}');
    const events = t.controller.getSnapshot().log.filter((e) => !e.event.startsWith('call ')).map((e) => `${e.event}:${e.to}`);
    expect(events).toEqual(['start-direct:executing_function', 'calls-settled:idle']);
  });

  it('waits for approval of an ask tool, then runs it, still without the model', async () => {
    const t = setup([]);
    await t.controller.runTool('danger', { text: 'rm' }, '/danger {"text":"rm"}');
    expect(t.controller.getSnapshot().run).toMatchObject({ phase: 'awaiting_confirmation', direct: true });
    const id = onlyCall(t.controller).id;
    expect(onlyCall(t.controller).status).toBe('pending_approval');
    expect(t.controller.approve(id)).toBeNull();
    await t.idle();
    expect(onlyCall(t.controller)).toMatchObject({ status: 'succeeded', resultText: 'did rm' });
    expect(t.requests).toHaveLength(0);
  });

  it('ends completed when the call is rejected', async () => {
    const t = setup([]);
    await t.controller.runTool('danger', { text: 'rm' }, '/danger {"text":"rm"}');
    t.controller.reject(onlyCall(t.controller).id, 'not now');
    await t.idle();
    expect(onlyCall(t.controller)).toMatchObject({ status: 'rejected', resultText: 'The user rejected this call. Reason: not now' });
    expect(lastTurn(t.controller).outcome).toBe('completed');
  });

  it('shows progress while running; Stop cancels the call and ends the run stopped', async () => {
    const t = setup([], [steps]);
    await t.controller.runTool('steps', {}, '/steps');
    await waitFor(t.controller, () => onlyCall(t.controller).progress?.current === 1);
    expect(t.controller.getSnapshot().run.phase).toBe('executing_function');
    t.controller.stop();
    expect(t.controller.getSnapshot().run).toMatchObject({ phase: 'idle', outcome: 'stopped' });
    expect(onlyCall(t.controller).status).toBe('cancelled');
    expect(lastTurn(t.controller).outcome).toBe('stopped');
  });

  it('cancelling the one call ends the run', async () => {
    const t = setup([]);
    await t.controller.runTool('slow', { text: 'x' }, '/slow {"text":"x"}');
    await waitFor(t.controller, () => onlyCall(t.controller).status === 'running');
    t.controller.cancelCall(onlyCall(t.controller).id);
    await t.idle();
    expect(onlyCall(t.controller).status).toBe('cancelled');
    expect(lastTurn(t.controller).outcome).toBe('completed');
  });

  it('refuses bad input and changes nothing', async () => {
    const t = setup([]);
    const before = t.controller.getSnapshot().conversation;
    expect(await t.controller.runTool('echo', { text: 5 }, '/echo {"text":5}')).toEqual({
      code: 'invalid',
      message: 'Invalid arguments for "echo": /text must be string',
    });
    expect(await t.controller.runTool('nope', {}, '/nope')).toMatchObject({ code: 'invalid', message: expect.stringContaining('Unknown tool "nope"') });
    expect(t.controller.getSnapshot().conversation).toBe(before);
    expect(t.controller.getSnapshot().run.phase).toBe('idle');
  });

  it('refuses while a run is in flight', async () => {
    const t = setup([]);
    await t.controller.runTool('danger', { text: 'a' }, '/danger {"text":"a"}');
    expect(await t.controller.runTool('echo', { text: 'b' }, '/echo {"text":"b"}')).toEqual({ code: 'busy' });
    expect(t.controller.send('hello')).toBe(false);
  });

  it('follows the permission rules: Never refuses (and hides the tool), Always allow skips the question', async () => {
    const model = scripted([]);
    let rules: PermissionRule[] = [{ tool: 'echo', permission: 'deny', scope: 'always', createdAt: 1 }];
    const controller = new ChatController({ model: () => model.client, tools: createToolRegistry([echo, danger]), permissions: () => rules });
    expect(controller.commandTools().map(({ tool, permission }) => [tool.name, permission])).toEqual([
      ['echo', 'deny'],
      ['danger', 'ask'],
    ]);
    expect(await controller.runTool('echo', { text: 'x' }, '/echo {"text":"x"}')).toEqual({ code: 'denied' });
    expect(controller.getSnapshot().conversation.messages).toHaveLength(0);
    rules = [{ tool: 'danger', permission: 'allow', scope: 'always', createdAt: 2 }];
    await controller.runTool('danger', { text: 'y' }, '/danger {"text":"y"}');
    await waitFor(controller, (s) => s.run.phase === 'idle');
    expect(onlyCall(controller)).toMatchObject({ status: 'succeeded', policy: 'auto' });
  });

  it('Regenerate on a direct turn runs the command again as a new branch', async () => {
    const t = setup([]);
    await t.controller.runTool('echo', { text: 'again' }, '/echo {"text":"again"}');
    await t.idle();
    const first = lastTurn(t.controller);
    expect(t.controller.regenerate()).toBe(true);
    await t.idle();
    const second = lastTurn(t.controller);
    expect(second.id).not.toBe(first.id);
    expect(second).toMatchObject({ direct: true, outcome: 'completed' });
    expect(Object.keys(second.calls)[0]).not.toBe(Object.keys(first.calls)[0]);
    expect(onlyCall(t.controller)).toMatchObject({ status: 'succeeded', resultText: '{"echoed":"again"}' });
    expect(siblingsOf(t.controller.getSnapshot().conversation, second.id)).toEqual({ ids: [first.id, second.id], index: 1 });
    expect(t.requests).toHaveLength(0);
  });

  it('re-running the settled call of a direct turn stays direct', async () => {
    const t = setup([]);
    await t.controller.runTool('echo', { text: 'one' }, '/echo {"text":"one"}');
    await t.idle();
    expect(t.controller.rerunCall(onlyCall(t.controller).id, { text: 'two' })).toBeNull();
    await t.idle();
    expect(lastTurn(t.controller)).toMatchObject({ direct: true, outcome: 'completed' });
    expect(onlyCall(t.controller).resultText).toContain('{"echoed":"two"}');
    expect(t.requests).toHaveLength(0);
  });

  it('after a reload a direct call still waits for approval, and approving does not call the model', async () => {
    const before = setup([]);
    await before.controller.runTool('danger', { text: 'later' }, '/danger {"text":"later"}');
    const snapshot: Conversation = JSON.parse(JSON.stringify(before.controller.getSnapshot().conversation));
    const model = scripted([]);
    const after = new ChatController({ model: () => model.client, tools: createToolRegistry([echo, danger, slow]) });
    after.load(snapshot);
    expect(after.getSnapshot().run).toMatchObject({ phase: 'awaiting_confirmation', direct: true });
    expect(after.approve(onlyCall(after).id)).toBeNull();
    await waitFor(after, (s) => s.run.phase === 'idle');
    expect(onlyCall(after)).toMatchObject({ status: 'succeeded', resultText: 'did later' });
    expect(lastTurn(after).outcome).toBe('completed');
    expect(model.requests).toHaveLength(0);
  });

  it('the next message goes to the model with the command, the call and its result', async () => {
    const t = setup([text('I see 42.')]);
    await t.controller.runTool('echo', { text: '42' }, '/echo {"text":"42"}');
    await t.idle();
    const id = onlyCall(t.controller).id;
    t.controller.send('What did the tool say?');
    await t.idle();
    expect(t.requests).toHaveLength(1);
    expect(t.requests[0].messages).toEqual([
      { role: 'user', content: '/echo {"text":"42"}' },
      { role: 'assistant', content: '', toolCalls: [{ id, name: 'echo', argsText: '{"text":"42"}' }] },
      { role: 'tool', toolCallId: id, name: 'echo', content: '{"echoed":"42"}' },
      { role: 'user', content: 'What did the tool say?' },
    ]);
  });
});

describe('the direct flag in saved conversations', () => {
  it('survives the export schema, and only `true` is accepted', async () => {
    const t = setup([]);
    await t.controller.runTool('echo', { text: 'x' }, '/echo {"text":"x"}');
    await t.idle();
    const conv = JSON.parse(JSON.stringify(t.controller.getSnapshot().conversation));
    expect(readConversation(conv, 'conversation')).toEqual(conv);
    conv.messages[1].direct = false;
    expect(() => readConversation(conv, 'conversation')).toThrow(SchemaError);
  });
});
