import { describe, expect, it } from 'vitest';
import { conversationIdFrom, hashFor } from './routing';

describe('hash routes', () => {
  it('reads the conversation id and round-trips ids with reserved characters', () => {
    expect(conversationIdFrom('#/c/abc-123')).toBe('abc-123');
    expect(conversationIdFrom('#/c/abc-123/')).toBe('abc-123');
    for (const id of ['plain', 'with space', 'a/b', 'ünï', '100%'])
      expect(conversationIdFrom(hashFor(id))).toBe(id);
  });

  it('treats everything else as a new chat', () => {
    for (const hash of ['', '#', '#/', '#/c/', '#/x/abc', '#/c/a/b', '#/c/%E0%A4%A'])
      expect(conversationIdFrom(hash)).toBeNull();
    expect(hashFor(null)).toBe('#/');
  });
});
