import { describe, expect, it } from 'vitest';
import { ChatController } from './chat-controller';
import { createToolRegistry } from '../tools/registry';
import { activePath } from '../conversation/tree';
import type { AssistantMessage, Conversation } from '../conversation/types';
import { INTERRUPTED_NOTICE, recoverInterrupted } from './recover';
import { call, calls, danger, echo, scripted, setup, slow, text, toolMessages, waitFor } from './controller-test-kit.testing';

/** What a save taken mid-run looks like after a reload: plain JSON. */
const saved = (c: ChatController): Conversation => JSON.parse(JSON.stringify(c.getSnapshot().conversation));
const lastTurn = (c: ChatController) => activePath(c.getSnapshot().conversation).at(-1) as AssistantMessage;

describe('recovering a run interrupted by a reload', () => {
  it('keeps calls waiting for approval, and approving continues the run', async () => {
    const before = setup([calls(call('echo', { text: 'a' }, 'auto1', 0), call('danger', { text: 'b' }, 'ask1', 1))]);
    before.controller.send('go');
    await waitFor(before.controller, (s) => s.run.phase === 'awaiting_confirmation');
    await waitFor(before.controller, () => before.callOf('auto1').status === 'succeeded');
    const snapshot = saved(before.controller);
    before.controller.stop();

    const model = scripted([text('finished after reload')]);
    const after = new ChatController({ model: () => model.client, tools: createToolRegistry([echo, danger]) });
    after.load(snapshot);
    expect(after.getSnapshot().run.phase).toBe('awaiting_confirmation');
    expect(lastTurn(after).calls.ask1.status).toBe('pending_approval');
    expect(after.approve('ask1')).toBeNull();
    await waitFor(after, (s) => s.run.phase === 'idle');
    expect(lastTurn(after).outcome).toBe('completed');
    expect(toolMessages(model.requests[0]).map((m) => m.role === 'tool' && m.content)).toEqual(['{"echoed":"a"}', 'did b']);
  });

  it('shows running calls as cancelled (re-runnable) and the turn as interrupted', async () => {
    const before = setup([[{ type: 'text-delta', text: 'Partial' }, ...calls(call('slow', { text: 'a' }))]]);
    before.controller.send('go');
    await waitFor(before.controller, () => before.callOf('call_slow')?.status === 'running');
    const snapshot = saved(before.controller);
    before.controller.stop();

    const { conversation, resumeTurnId } = recoverInterrupted(snapshot);
    expect(resumeTurnId).toBeNull();
    const turn = activePath(conversation).at(-1) as AssistantMessage;
    expect(turn.calls.call_slow.status).toBe('cancelled');
    expect(turn.calls.call_slow.resultText).toMatch(/reload/);
    expect(turn.outcome).toBe('stopped');
    expect(turn.notice).toBe(INTERRUPTED_NOTICE);
    expect(turn.noticeCode).toEqual({ code: 'interrupted' });
    expect(turn.rounds[0].parts[0]).toEqual({ type: 'text', text: 'Partial' });

    const model = scripted([text('again')]);
    const after = new ChatController({ model: () => model.client, tools: createToolRegistry([slow]) });
    after.load(snapshot);
    expect(after.getSnapshot().run.phase).toBe('idle');
    expect(after.rerunCall('call_slow', { text: 'b' })).toBeNull();
    await waitFor(after, (s) => s.run.phase === 'idle' && lastTurn(after).outcome === 'completed');
    expect(lastTurn(after).calls.call_slow.status).toBe('succeeded');
  });

  it('leaves finished conversations untouched', async () => {
    const t = setup([text('done')]);
    t.controller.send('hi');
    await t.idle();
    const conv = saved(t.controller);
    expect(recoverInterrupted(conv).conversation.messages).toEqual(conv.messages);
  });
});
