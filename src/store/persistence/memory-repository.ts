import type { Conversation } from '../../core/conversation/types';
import { matchConversation } from './search';
import { byRecency, summarize } from './summary';
import type { ConversationRepository, SearchHit } from './types';

/** A repository in a Map: the fallback when the browser refuses storage, and a test double. */
export interface MemoryRepository extends ConversationRepository {
  /** Every conversation held, newest first (to copy them elsewhere once storage works again). */
  all(): Conversation[];
  /** The object held for `id`, synchronously (to tell whether it changed since it was read). */
  peek(id: string): Conversation | undefined;
}

export function createMemoryRepository(initial: Conversation[] = []): MemoryRepository {
  // Conversations are immutable snapshots, so keeping the object itself is as good as a clone.
  const byId = new Map(initial.map((c) => [c.id, c]));
  const all = () => [...byId.values()].sort(byRecency);
  return {
    all,
    peek: (id) => byId.get(id),
    list: async () => all().map(summarize),
    get: async (id) => byId.get(id),
    put: async (conv) => {
      byId.set(conv.id, conv);
    },
    delete: async (id) => {
      byId.delete(id);
    },
    search: async (query) => all().flatMap((c): SearchHit[] => {
      const hit = matchConversation(c, query);
      return hit ? [hit] : [];
    }),
  };
}
