import { describe, expect, it } from 'vitest';
import { ChatController } from './chat-controller';
import { createToolRegistry } from '../tools/registry';
import type { ToolDefinition } from '../tools/types';
import type { ModelEvent } from '../protocols/types';
import { ModelError } from '../protocols/types';
import type { AssistantMessage } from '../conversation/types';
import { activePath, siblingsOf } from '../conversation/tree';
import { call, calls, echo, setup, text, toolMessages, waitFor } from './controller-test-kit.testing';

describe('ChatController', () => {
  it('streams a plain answer and ends completed', async () => {
    const t = setup([text('Hello **there**')]);
    expect(t.controller.send('hi')).toBe(true);
    expect(t.controller.getSnapshot().run.phase).toBe('generating');
    expect(t.controller.send('again')).toBe(false);
    await t.idle();
    expect(t.turn().rounds[0].parts).toEqual([{ type: 'text', text: 'Hello **there**' }]);
    expect(t.turn().outcome).toBe('completed');
    expect(t.controller.getSnapshot().conversation.title).toBe('hi');
  });

  it('runs an auto tool, sends its result back, and streams the next round', async () => {
    const t = setup([calls(call('echo', { text: 'x' })), text('done')]);
    t.controller.send('go');
    await t.idle();
    expect(t.callOf('call_echo').status).toBe('succeeded');
    expect(t.requests).toHaveLength(2);
    expect(t.requests[1].messages.at(-2)).toMatchObject({ role: 'assistant', toolCalls: [{ id: 'call_echo', name: 'echo' }] });
    expect(toolMessages(t.requests[1])).toEqual([{ role: 'tool', toolCallId: 'call_echo', name: 'echo', content: '{"echoed":"x"}' }]);
    expect(t.turn().rounds).toHaveLength(2);
  });

  it('waits for approval of ask tools while auto ones of the same round run', async () => {
    const t = setup([calls(call('echo', { text: 'a' }, 'c1', 0), call('danger', { text: 'b' }, 'c2', 1)), text('ok')]);
    t.controller.send('go');
    await waitFor(t.controller, (s) => s.run.phase === 'awaiting_confirmation');
    await waitFor(t.controller, () => t.callOf('c1').status === 'succeeded');
    expect(t.callOf('c2').status).toBe('pending_approval');
    expect(t.requests).toHaveLength(1);
    expect(t.controller.approve('c2')).toBeNull();
    await t.idle();
    expect(t.callOf('c2').resultText).toBe('did b');
    expect(t.requests).toHaveLength(2);
  });

  it('tells the model about a rejection and its reason', async () => {
    const t = setup([calls(call('danger', { text: 'rm' })), text('understood')]);
    t.controller.send('go');
    await waitFor(t.controller, (s) => s.run.phase === 'awaiting_confirmation');
    t.controller.reject('call_danger', 'too risky');
    await t.idle();
    expect(t.callOf('call_danger').status).toBe('rejected');
    expect(toolMessages(t.requests[1])[0].content).toBe('The user rejected this call. Reason: too risky');
  });

  it('runs with edited arguments, keeps the original call and says so in the result', async () => {
    const t = setup([calls(call('danger', { text: 'orig' })), text('ok')]);
    t.controller.send('go');
    await waitFor(t.controller, (s) => s.run.phase === 'awaiting_confirmation');
    expect(t.controller.approve('call_danger', { text: 42 })).toMatchObject({ code: 'invalid', message: expect.stringMatching(/must be string/) });
    expect(t.callOf('call_danger').status).toBe('pending_approval');
    expect(t.controller.approve('call_danger', { text: 'edited' })).toBeNull();
    await t.idle();
    const [assistant] = t.requests[1].messages.filter((m) => m.role === 'assistant');
    expect(assistant).toMatchObject({ toolCalls: [{ argsText: '{"text":"orig"}' }] });
    expect(toolMessages(t.requests[1])[0].content).toContain('user edited the arguments');
    expect(toolMessages(t.requests[1])[0].content).toContain('did edited');
  });

  it('cancels one running call while the other finishes, and the next request stays valid', async () => {
    const t = setup([calls(call('slow', { text: 'a' }, 's1', 0), call('slow', { text: 'b' }, 's2', 1)), text('ok')]);
    t.controller.send('go');
    await waitFor(t.controller, () => t.callOf('s1')?.status === 'running' && t.callOf('s2')?.status === 'running');
    t.controller.cancelCall('s1');
    expect(t.callOf('s1').status).toBe('cancelled');
    await t.idle();
    expect(t.callOf('s2').status).toBe('succeeded');
    expect(toolMessages(t.requests[1]).map((m) => m.role === 'tool' && m.toolCallId)).toEqual(['s1', 's2']);
    expect(toolMessages(t.requests[1])[0].content).toMatch(/cancelled/);
  });

  it('marks a call cut off by a dropped stream incomplete and never runs it', async () => {
    let ran = false;
    const spy: ToolDefinition = { ...echo, run: () => ((ran = true), 'x') };
    const cut: ModelEvent[] = [
      { type: 'tool-call-start', index: 0, id: 'c', name: 'echo' },
      { type: 'tool-call-delta', index: 0, argsText: '{"te' },
    ];
    const controller = new ChatController({
      model: () => ({
        label: 'm',
        async *stream() {
          yield* cut;
          throw new ModelError('network', 'The connection dropped.');
        },
      }),
      tools: createToolRegistry([spy]),
    });
    controller.send('go');
    await waitFor(controller, (s) => s.run.phase === 'idle');
    const turn = activePath(controller.getSnapshot().conversation)[1] as AssistantMessage;
    expect(turn.calls.c.status).toBe('incomplete');
    expect(turn.outcome).toBe('failed');
    expect(turn.error?.message).toBe('The connection dropped.');
    expect(ran).toBe(false);
  });

  it('stop while tools run aborts them, keeps partial output and returns to idle', async () => {
    const t = setup([[{ type: 'text-delta', text: 'Working' }, ...calls(call('slow', { text: 'a' }))]]);
    t.controller.send('go');
    await waitFor(t.controller, () => t.callOf('call_slow')?.status === 'running');
    t.controller.stop();
    expect(t.controller.getSnapshot().run).toMatchObject({ phase: 'idle', outcome: 'stopped' });
    expect(t.callOf('call_slow').status).toBe('cancelled');
    expect(t.turn().outcome).toBe('stopped');
    expect(t.turn().rounds[0].parts[0]).toEqual({ type: 'text', text: 'Working' });
    await new Promise((r) => setTimeout(r, 250));
    expect(t.requests).toHaveLength(1);
  });

  it('stop while awaiting approval cancels the pending calls', async () => {
    const t = setup([calls(call('danger', { text: 'a' }))]);
    t.controller.send('go');
    await waitFor(t.controller, (s) => s.run.phase === 'awaiting_confirmation');
    t.controller.stop();
    expect(t.callOf('call_danger').status).toBe('cancelled');
    expect(t.controller.approve('call_danger')).not.toBeNull();
  });

  it('ends a runaway loop at the round limit with a visible notice', async () => {
    const t = setup([1, 2, 3].map((i) => calls(call('echo', { text: `${i}` }, `c${i}`))), undefined, 3);
    t.controller.send('loop');
    await t.idle();
    expect(t.controller.getSnapshot().run.outcome).toBe('max_rounds');
    expect(t.turn().outcome).toBe('max_rounds');
    expect(t.turn().notice).toMatch(/3 rounds/);
    expect(t.turn().noticeCode).toEqual({ code: 'max_rounds', rounds: 3 });
    expect(t.requests).toHaveLength(3);
  });

  it('turns invalid arguments, unknown tools and throwing tools into error results the model sees', async () => {
    const t = setup([
      calls(call('echo', { nope: 1 }, 'bad', 0), call('ghost', {}, 'unknown', 1), call('boom', { text: 'x' }, 'thrown', 2)),
      text('recovered'),
    ]);
    t.controller.send('go');
    await t.idle();
    expect(t.callOf('bad').status).toBe('invalid');
    expect(t.callOf('unknown').status).toBe('invalid');
    expect(t.callOf('thrown').status).toBe('failed');
    const results = toolMessages(t.requests[1]).map((m) => m.role === 'tool' && m.content);
    expect(results[0]).toMatch(/required property "text"/);
    expect(results[1]).toMatch(/Unknown tool "ghost"/);
    expect(results[2]).toBe('Error: kaboom');
    expect(t.turn().outcome).toBe('completed');
  });

  it('regenerate replaces the last answer and asks again for ask tools', async () => {
    const t = setup([calls(call('danger', { text: 'a' })), text('first'), calls(call('danger', { text: 'a' }))]);
    t.controller.send('go');
    await waitFor(t.controller, (s) => s.run.phase === 'awaiting_confirmation');
    t.controller.approve('call_danger');
    await t.idle();
    expect(t.controller.regenerate()).toBe(true);
    await waitFor(t.controller, (s) => s.run.phase === 'awaiting_confirmation');
    expect(t.callOf('call_danger').status).toBe('pending_approval');
    const conv = t.controller.getSnapshot().conversation;
    expect(activePath(conv)).toHaveLength(2);
    expect(siblingsOf(conv, t.turn().id)).toEqual({ ids: [conv.messages[1].id, t.turn().id], index: 1 });
    expect(t.requests[2].messages).toEqual([{ role: 'user', content: 'go' }]);
  });

  it('branch from here answers an earlier question again as a sibling branch, keeping the later turns', async () => {
    const t = setup([text('first answer'), text('second answer'), text('first, again')]);
    t.controller.send('one');
    await t.idle();
    t.controller.send('two');
    await t.idle();
    const before = activePath(t.controller.getSnapshot().conversation);
    const firstAnswer = before[1];
    expect(t.controller.branchFrom('not-an-id')).toBe(false);
    expect(t.controller.branchFrom(before[0].id)).toBe(false); // a user message is edited, not branched
    expect(t.controller.branchFrom(firstAnswer.id)).toBe(true);
    await t.idle();
    const conv = t.controller.getSnapshot().conversation;
    const path = activePath(conv);
    expect(path.map((m) => m.role)).toEqual(['user', 'assistant']);
    expect(siblingsOf(conv, path[1].id)).toEqual({ ids: [firstAnswer.id, path[1].id], index: 1 });
    expect((path[1] as AssistantMessage).rounds[0].parts).toEqual([{ type: 'text', text: 'first, again' }]);
    expect(t.requests[2].messages).toEqual([{ role: 'user', content: 'one' }]);
    // The old branch, with the second exchange, is still there.
    expect(conv.messages).toHaveLength(5);
  });

  it('retry after a failure continues the turn and keeps earlier tool results', async () => {
    const t = setup([calls(call('echo', { text: 'a' })), new ModelError('server', 'HTTP 500'), text('fine now')]);
    t.controller.send('go');
    await waitFor(t.controller, () => t.turn()?.outcome === 'failed');
    expect(t.turn().error?.message).toBe('HTTP 500');
    expect(t.controller.retry()).toBe(true);
    await t.idle();
    expect(t.turn().outcome).toBe('completed');
    expect(t.turn().rounds).toHaveLength(2);
    expect(t.callOf('call_echo').status).toBe('succeeded');
    expect(toolMessages(t.requests[2])).toHaveLength(1);
  });

  it('stop after this round lets the tools finish and sends nothing more', async () => {
    const t = setup([calls(call('slow', { text: 'a' }))]);
    t.controller.send('go');
    await waitFor(t.controller, () => t.callOf('call_slow')?.status === 'running');
    t.controller.stopAfterRound();
    await t.idle();
    expect(t.callOf('call_slow').status).toBe('succeeded');
    expect(t.requests).toHaveLength(1);
    expect(t.turn().notice).toMatch(/Stopped after this round/);
    expect(t.turn().noticeCode).toEqual({ code: 'stopped_after_round' });
  });

  it('re-runs a finished call with edited arguments and continues from there', async () => {
    const t = setup([calls(call('echo', { text: 'a' })), text('answer one'), text('answer two')]);
    t.controller.send('go');
    await t.idle();
    expect(t.controller.rerunCall('call_echo', { text: 'b' })).toBeNull();
    await t.idle();
    expect(t.callOf('call_echo').resultText).toContain('{"echoed":"b"}');
    expect(t.turn().rounds).toHaveLength(2);
    expect(t.turn().rounds[1].parts).toEqual([{ type: 'text', text: 'answer two' }]);
    expect(toolMessages(t.requests[2])[0].content).toContain('user edited the arguments');
    // The old continuation is kept as the earlier branch.
    const conv = t.controller.getSnapshot().conversation;
    const { ids, index } = siblingsOf(conv, t.turn().id);
    expect(index).toBe(1);
    expect(t.controller.selectBranch(ids[0])).toBe(true);
    expect(t.turn().rounds[1].parts).toEqual([{ type: 'text', text: 'answer one' }]);
  });

  it('cancels a running call and restarts it with edited arguments within the round', async () => {
    const t = setup([calls(call('slow', { text: 'a' })), text('ok')]);
    t.controller.send('go');
    await waitFor(t.controller, () => t.callOf('call_slow')?.status === 'running');
    expect(t.controller.rerunCall('call_slow', { text: 'b' })).toBeNull();
    expect(t.callOf('call_slow').status).toBe('running');
    await t.idle();
    expect(t.callOf('call_slow').editedArgs).toEqual({ text: 'b' });
    expect(t.requests).toHaveLength(2);
  });

  it('edits a user message into a new branch and sends exactly the active path', async () => {
    const t = setup([text('one'), text('two'), text('edited answer')]);
    t.controller.send('first');
    await t.idle();
    t.controller.send('second');
    await t.idle();
    const secondId = activePath(t.controller.getSnapshot().conversation)[2].id;
    expect(t.controller.editAndResend(secondId, 'second, edited')).toBe(true);
    await t.idle();
    expect(t.requests[2].messages).toEqual([
      { role: 'user', content: 'first' },
      { role: 'assistant', content: 'one' },
      { role: 'user', content: 'second, edited' },
    ]);
    const conv = t.controller.getSnapshot().conversation;
    expect(activePath(conv).map((m) => (m.role === 'user' ? m.text : 'A'))).toEqual(['first', 'A', 'second, edited', 'A']);
    expect(siblingsOf(conv, activePath(conv)[2].id).ids).toHaveLength(2);
  });

  it('marks a call cut off by the token limit incomplete and does not run it', async () => {
    const t = setup([
      [{ type: 'tool-call-start', index: 0, id: 'c', name: 'echo' }, { type: 'tool-call-end', index: 0, id: 'c', name: 'echo', args: undefined, argsText: '{"te', parseError: 'bad' }, { type: 'finish', reason: 'length' }],
      text('ok'),
    ]);
    t.controller.send('go');
    await t.idle();
    expect(t.callOf('c').status).toBe('incomplete');
    // The run ends there: the model is asked again only when the user chooses Continue.
    expect(t.requests).toHaveLength(1);
    expect(t.controller.continueTurn()).toBe(true);
    await t.idle();
    expect(toolMessages(t.requests[1])[0].content).toMatch(/cut off/);
  });

  it('logs illegal transitions instead of applying them', () => {
    const t = setup([]);
    t.controller.stopAfterRound();
    const last = t.controller.getSnapshot().log.at(-1)!;
    expect(last).toMatchObject({ event: 'stop-after-round', ok: false, from: 'idle' });
    expect(t.controller.getSnapshot().run.phase).toBe('idle');
  });
});
