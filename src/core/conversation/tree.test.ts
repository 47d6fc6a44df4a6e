import { describe, expect, it } from 'vitest';
import { activePath, addSibling, appendToPath, emptyConversation, pathTo, selectBranch, siblingsOf } from './tree';
import type { Conversation, UserMessage } from './types';

const user = (id: string, text = id): Omit<UserMessage, 'parentId'> => ({ id, role: 'user', text, createdAt: 0 });
const texts = (conv: Conversation) => activePath(conv).map((m) => m.id);

describe('conversation tree', () => {
  it('appends along the active path and memoizes it per conversation object', () => {
    let conv = emptyConversation('c');
    conv = appendToPath(conv, user('a'));
    conv = appendToPath(conv, user('b'));
    expect(texts(conv)).toEqual(['a', 'b']);
    expect(conv.messages[1].parentId).toBe('a');
    expect(activePath(conv)).toBe(activePath(conv));
  });

  it('a sibling becomes the active branch; switching back restores the old continuation', () => {
    let conv = emptyConversation('c');
    for (const id of ['a', 'b', 'c']) conv = appendToPath(conv, user(id));
    conv = addSibling(conv, 'b', user('b2'));
    expect(texts(conv)).toEqual(['a', 'b2']);
    conv = appendToPath(conv, user('d'));
    expect(siblingsOf(conv, 'b2')).toEqual({ ids: ['b', 'b2'], index: 1 });
    conv = selectBranch(conv, 'b');
    expect(texts(conv)).toEqual(['a', 'b', 'c']);
    conv = selectBranch(conv, 'b2');
    expect(texts(conv)).toEqual(['a', 'b2', 'd']);
    expect(pathTo(conv, 'b2').map((m) => m.id)).toEqual(['a', 'b2']);
    expect(pathTo(conv, 'c')).toEqual([]);
  });

  it('branches at the first message too', () => {
    let conv = appendToPath(emptyConversation('c'), user('a'));
    conv = addSibling(conv, 'a', user('a2'));
    expect(texts(conv)).toEqual(['a2']);
    expect(siblingsOf(conv, 'a').ids).toEqual(['a', 'a2']);
  });
});
