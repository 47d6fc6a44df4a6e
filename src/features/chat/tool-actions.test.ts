import { describe, expect, it } from 'vitest';
import { ChatController } from '../../core/run/chat-controller';
import { createToolRegistry } from '../../core/tools/registry';
import { activePath } from '../../core/conversation/tree';
import type { AssistantMessage } from '../../core/conversation/types';
import { makeRule, type PermissionRule } from '../../core/permissions';
import { call, calls, danger, echo, scripted, text, waitFor } from '../../core/run/controller-test-kit.testing';
import { toolActionsFor } from './tool-actions';

function setup() {
  const other = { ...danger, name: 'other' };
  const model = scripted([
    calls(call('danger', { text: 'a' }, 'd1', 0), call('danger', { text: 'b' }, 'd2', 1), call('other', { text: 'c' }, 'o1', 2)),
    text('ok'),
  ]);
  let rules: PermissionRule[] = [];
  const controller = new ChatController({ model: () => model.client, tools: createToolRegistry([echo, danger, other]), permissions: () => rules });
  const actions = toolActionsFor(controller, (rule) => (rules = [...rules, rule]));
  const status = (id: string) => (activePath(controller.getSnapshot().conversation).at(-1) as AssistantMessage).calls[id].status;
  return { controller, actions, status, rules: () => rules, setRules: (next: PermissionRule[]) => (rules = next) };
}

describe('toolActionsFor: approve and remember', () => {
  it('adds an always rule for the tool and runs every waiting call of it, not the others', async () => {
    const t = setup();
    t.controller.send('go');
    await waitFor(t.controller, (s) => s.run.phase === 'awaiting_confirmation');
    t.actions.allow?.('d2', 'always');
    expect(t.rules()).toEqual([expect.objectContaining({ tool: 'danger', permission: 'allow', scope: 'always' })]);
    await waitFor(t.controller, () => t.status('d1') === 'succeeded' && t.status('d2') === 'succeeded');
    expect(t.status('o1')).toBe('pending_approval');
  });

  it('scopes "Allow for this conversation" to the conversation on screen', async () => {
    const t = setup();
    t.controller.send('go');
    await waitFor(t.controller, (s) => s.run.phase === 'awaiting_confirmation');
    t.actions.allow?.('o1', 'conversation');
    expect(t.rules()).toEqual([
      { tool: 'other', permission: 'allow', scope: 'conversation', conversationId: t.controller.getSnapshot().conversation.id, createdAt: expect.any(Number) },
    ]);
    await waitFor(t.controller, () => t.status('o1') === 'succeeded');
  });

  it('still approves the chosen call when a narrower rule outranks the new one', async () => {
    const t = setup();
    t.controller.send('go');
    await waitFor(t.controller, (s) => s.run.phase === 'awaiting_confirmation');
    t.setRules([makeRule('danger', 'ask', 'conversation', t.controller.getSnapshot().conversation.id, 1)]);
    t.actions.allow?.('d1', 'always');
    await waitFor(t.controller, () => t.status('d1') === 'succeeded');
    expect(t.status('d2')).toBe('pending_approval');
  });

  it('does nothing for a call that is not waiting', async () => {
    const t = setup();
    t.controller.send('go');
    await waitFor(t.controller, (s) => s.run.phase === 'awaiting_confirmation');
    t.actions.allow?.('missing', 'always');
    expect(t.rules()).toEqual([]);
  });
});
