import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render } from '@testing-library/react';
import type { AssistantMessage, ToolCallState } from '../../core/conversation/types';
import type { ChatController } from '../../core/run/chat-controller';
import { makeActions, makeCall } from '../tool-card/card-fixtures.testing';
import { AssistantTurn } from './assistant-turn';

// Count the card renders by call id, keeping the real card.
const renders = vi.hoisted(() => new Map<string, number>());
vi.mock('../tool-card/tool-card', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../tool-card/tool-card')>();
  const Counted = (props: Parameters<typeof actual.ToolCard>[0]) => {
    renders.set(props.call.id, (renders.get(props.call.id) ?? 0) + 1);
    return actual.ToolCard(props);
  };
  return { ...actual, ToolCard: Counted };
});

afterEach(cleanup);

const turnWith = (calls: ToolCallState[]): AssistantMessage => ({
  id: 't1',
  parentId: null,
  role: 'assistant',
  createdAt: 0,
  model: 'm',
  rounds: [{ parts: calls.map((c) => ({ type: 'tool-call' as const, callId: c.id })) }],
  calls: Object.fromEntries(calls.map((c) => [c.id, c])),
});

describe('AssistantTurn', () => {
  it('re-renders only the card whose call changed (the live round keeps the others identical)', () => {
    const actions = makeActions();
    const props = {
      live: true,
      isLast: true,
      idle: false,
      canAct: true,
      toolOf: () => undefined,
      actions,
      controller: {} as ChatController,
      onOpenSettings: () => undefined,
      branchIndex: 0,
      branchCount: 1,
    };
    const a = makeCall({ id: 'a', status: 'streaming_args', argsText: '{"city":"Pa', args: undefined });
    const b = makeCall({ id: 'b', status: 'streaming_args', argsText: '{"ci', args: undefined });
    const { rerender, container } = render(<AssistantTurn {...props} turn={turnWith([a, b])} />);
    renders.clear();
    // The next frame: a is the same object, b a new one with new text.
    rerender(<AssistantTurn {...props} turn={turnWith([a, { ...b, argsText: '{"city":"Li' }])} />);
    expect(renders.get('a')).toBeUndefined();
    expect(renders.get('b')).toBe(1);
    expect(container.textContent).toContain('Li');
  });
});
