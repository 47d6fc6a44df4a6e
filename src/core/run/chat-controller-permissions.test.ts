import { describe, expect, it, vi } from 'vitest';
import { ChatController } from './chat-controller';
import { createToolRegistry } from '../tools/registry';
import type { ToolDefinition } from '../tools/types';
import type { AssistantMessage } from '../conversation/types';
import { activePath, emptyConversation } from '../conversation/tree';
import { deniedResultText, makeRule, type Permission, type PermissionRule } from '../permissions';
import { call, calls, danger, echo, scripted, text, toolMessages, waitFor, type Step } from './controller-test-kit.testing';

// The agent loop with the user's permission rules: the decision replaces the tool's policy, a
// denied tool is neither offered nor run, and rules are read at decision time.

function setupWithRules(steps: Step[], tools: ToolDefinition[] = [echo, danger], contextTokens?: number) {
  const model = scripted(steps);
  let rules: PermissionRule[] = [];
  const controller = new ChatController({
    model: () => model.client,
    tools: createToolRegistry(tools),
    permissions: () => rules,
    contextTokens: contextTokens ? () => contextTokens : undefined,
  });
  const conversationId = () => controller.getSnapshot().conversation.id;
  return {
    controller,
    requests: model.requests,
    setRules: (next: PermissionRule[]) => (rules = next),
    always: (tool: string, permission: Permission) => makeRule(tool, permission, 'always', null, 1),
    here: (tool: string, permission: Permission) => makeRule(tool, permission, 'conversation', conversationId(), 2),
    idle: () => waitFor(controller, (s) => s.run.phase === 'idle'),
    awaiting: () => waitFor(controller, (s) => s.run.phase === 'awaiting_confirmation'),
    callOf: (id: string) => (activePath(controller.getSnapshot().conversation).at(-1) as AssistantMessage).calls[id],
  };
}

const spied = (tool: ToolDefinition) => ({ ...tool, run: vi.fn(tool.run) });

describe('ChatController with permission rules', () => {
  it('leaves a denied tool out of the request, and refuses it without running when the model calls it anyway', async () => {
    const denied = spied(danger);
    const t = setupWithRules([calls(call('danger', { text: 'x' })), text('ok')], [echo, denied]);
    t.setRules([t.always('danger', 'deny')]);
    t.controller.send('go');
    await t.idle();
    expect(t.requests[0].tools?.map((s) => s.name)).toEqual(['echo']);
    expect(t.callOf('call_danger')).toMatchObject({ status: 'invalid', denied: true, resultText: deniedResultText('danger') });
    expect(t.callOf('call_danger').validationError).toBeUndefined();
    expect(denied.run).not.toHaveBeenCalled();
    expect(toolMessages(t.requests[1])[0].content).toContain('The user does not allow the tool "danger"');
  });

  it('refuses a denied tool before looking at its arguments', async () => {
    const t = setupWithRules([calls(call('danger', { wrong: 1 })), text('ok')]);
    t.setRules([t.always('danger', 'deny')]);
    t.controller.send('go');
    await t.idle();
    expect(t.callOf('call_danger').resultText).toBe(deniedResultText('danger'));
  });

  it('runs an ask tool without asking when allowed, and asks for an auto tool set to Ask', async () => {
    const t = setupWithRules([calls(call('danger', { text: 'a' }, 'd1', 0), call('echo', { text: 'b' }, 'e1', 1)), text('ok')]);
    t.setRules([t.always('danger', 'allow'), t.always('echo', 'ask')]);
    t.controller.send('go');
    await t.awaiting();
    await waitFor(t.controller, () => t.callOf('d1').status === 'succeeded');
    expect(t.callOf('d1').policy).toBe('auto');
    expect(t.callOf('e1')).toMatchObject({ status: 'pending_approval', policy: 'ask' });
    t.controller.approve('e1');
    await t.idle();
    expect(t.requests).toHaveLength(2);
  });

  it('lets a conversation rule beat the always rule, and only in its own conversation', async () => {
    const t = setupWithRules([calls(call('danger', { text: 'a' })), text('ok'), calls(call('danger', { text: 'b' }, 'd2')), text('ok')]);
    t.setRules([t.always('danger', 'deny'), t.here('danger', 'allow')]);
    t.controller.send('go');
    await t.idle();
    expect(t.requests[0].tools?.map((s) => s.name)).toEqual(['echo', 'danger']);
    expect(t.callOf('call_danger').status).toBe('succeeded');

    t.controller.load(emptyConversation('another-conversation'));
    t.controller.send('go again');
    await t.idle();
    expect(t.requests[2].tools?.map((s) => s.name)).toEqual(['echo']);
    expect(t.callOf('d2')).toMatchObject({ status: 'invalid', denied: true });
  });

  it('reads the rules at decision time: a rule added mid-run applies to the next call', async () => {
    const t = setupWithRules([calls(call('danger', { text: 'a' }, 'd1')), calls(call('danger', { text: 'b' }, 'd2')), text('ok')]);
    t.controller.send('go');
    await t.awaiting();
    t.setRules([t.always('danger', 'allow')]);
    t.controller.applyPermissions();
    await t.idle();
    expect(t.callOf('d1').status).toBe('succeeded');
    expect(t.callOf('d2')).toMatchObject({ status: 'succeeded', policy: 'auto' });
  });

  it('approves every pending call a new rule allows and leaves the others waiting', async () => {
    const ask2 = { ...danger, name: 'other' };
    const t = setupWithRules(
      [calls(call('danger', { text: 'a' }, 'd1', 0), call('danger', { text: 'b' }, 'd2', 1), call('other', { text: 'c' }, 'o1', 2)), text('ok')],
      [echo, danger, ask2],
    );
    t.controller.send('go');
    await waitFor(t.controller, () => t.callOf('o1')?.status === 'pending_approval');
    t.setRules([t.here('danger', 'allow')]);
    t.controller.applyPermissions();
    await waitFor(t.controller, () => t.callOf('d1').status === 'succeeded' && t.callOf('d2').status === 'succeeded');
    expect(t.callOf('o1').status).toBe('pending_approval');
    expect(t.controller.getSnapshot().run.phase).toBe('awaiting_confirmation');
    t.controller.approve('o1');
    await t.idle();
  });

  it('refuses a pending call whose tool was just set to Never, and never runs it', async () => {
    const denied = spied(danger);
    const t = setupWithRules([calls(call('danger', { text: 'a' })), text('ok')], [echo, denied]);
    t.controller.send('go');
    await t.awaiting();
    t.setRules([t.always('danger', 'deny')]);
    expect(t.controller.approve('call_danger')).toEqual({ code: 'denied' });
    await t.idle();
    expect(t.callOf('call_danger')).toMatchObject({ status: 'rejected', denied: true });
    expect(toolMessages(t.requests[1])[0].content).toBe(deniedResultText('danger'));
    expect(denied.run).not.toHaveBeenCalled();
  });

  it('refuses to re-run a denied tool, and re-runs it once allowed without the old refusal', async () => {
    const t = setupWithRules([calls(call('danger', { text: 'a' })), text('ok'), text('after re-run')]);
    t.setRules([t.always('danger', 'deny')]);
    t.controller.send('go');
    await t.idle();
    expect(t.controller.rerunCall('call_danger', { text: 'again' })).toEqual({ code: 'denied' });
    t.setRules([t.always('danger', 'allow')]);
    expect(t.controller.rerunCall('call_danger', { text: 'again' })).toBeNull();
    await waitFor(t.controller, (s) => s.run.phase === 'idle' && t.callOf('call_danger').status === 'succeeded');
    expect(t.callOf('call_danger').denied).toBeUndefined();
    expect(t.callOf('call_danger').resultText).toContain('did again');
  });

  it('does not count a denied tool against the context budget', async () => {
    const huge: ToolDefinition = { ...echo, name: 'huge', description: 'describe '.repeat(3_000) };
    const run = async (rules: (t: ReturnType<typeof setupWithRules>) => PermissionRule[]) => {
      const t = setupWithRules([text('first answer'), text('second answer')], [echo, huge], 4_096);
      t.setRules(rules(t));
      for (const q of ['one', 'two']) {
        t.controller.send(q);
        await t.idle();
      }
      return t.requests[1].messages.filter((m) => m.role === 'user').length;
    };
    expect(await run(() => [])).toBe(1);
    expect(await run((t) => [t.always('huge', 'deny')])).toBe(2);
  });
});
