import { describe, expect, it } from 'vitest';
import type { AssistantMessage, UserMessage } from '../../core/conversation/types';
import { estimateMessageHeight } from './estimate-height';

const user = (text: string): UserMessage => ({ id: 'u', parentId: null, role: 'user', text, createdAt: 0 });
const assistant = (text: string, calls = 0): AssistantMessage => ({
  id: 'a',
  parentId: null,
  role: 'assistant',
  createdAt: 0,
  model: 'm',
  rounds: [{ parts: [{ type: 'text', text }, ...Array.from({ length: calls }, (_, i) => ({ type: 'tool-call' as const, callId: `c${i}` }))] }],
  calls: {},
});

describe('estimateMessageHeight', () => {
  it('grows with the text, wrapped lines, code and tool cards', () => {
    const short = estimateMessageHeight(assistant('Hi.'));
    const long = estimateMessageHeight(assistant('word '.repeat(400)));
    const code = estimateMessageHeight(assistant('```ts\n' + 'x\n'.repeat(30) + '```'));
    const withCard = estimateMessageHeight(assistant('Hi.', 2));
    expect(long).toBeGreaterThan(short + 20 * 28);
    expect(code).toBeGreaterThan(short + 30 * 24);
    expect(withCard).toBe(short + 240);
    expect(estimateMessageHeight(user('Hello'))).toBeLessThan(short + 40);
  });

  it('answers the same for the same message object', () => {
    const m = assistant('# Title\n\nSome text.');
    expect(estimateMessageHeight(m)).toBe(estimateMessageHeight(m));
  });
});
