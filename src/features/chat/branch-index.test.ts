import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Conversation, Message } from '../../core/conversation/types';
import { siblingsOf } from '../../core/conversation/tree';
import { branchIndex } from './branch-index';

const user = (id: string, parentId: string | null): Message => ({ id, parentId, role: 'user', text: id, createdAt: 0 });

describe('branchIndex', () => {
  it('agrees with siblingsOf for every message of random trees', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 40 }), (parents) => {
        // Message i hangs under a random earlier message (or is a root when the pick is past the end).
        const messages = parents.map((p, i) => user(`m${i}`, p % (i + 1) === i ? null : `m${p % (i + 1)}`));
        const conv: Conversation = { id: 'c', title: '', messages, activeChild: {}, createdAt: 0, updatedAt: 0 };
        const lookup = branchIndex(messages);
        for (const m of messages) {
          const { ids, index } = siblingsOf(conv, m.id);
          expect(lookup(m.id)).toEqual({ branchIndex: index, branchCount: ids.length });
        }
      }),
    );
  });

  it('reports an unknown message as having no branches', () => {
    expect(branchIndex([user('a', null)])('zzz')).toEqual({ branchIndex: -1, branchCount: 0 });
  });
});
