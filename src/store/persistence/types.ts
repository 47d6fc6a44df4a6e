import type { Conversation } from '../../core/conversation/types';

/** What the sidebar needs about a conversation without loading its messages. */
export interface ConversationSummary {
  id: string;
  title: string;
  createdAt: number;
  updatedAt: number;
  /** Messages on the active path (what the user sees), not every branch. */
  messageCount: number;
}

/** A search result: the summary plus a short excerpt around the first match in the content. */
export interface SearchHit extends ConversationSummary {
  snippet?: string;
}

/** Where conversations are kept: IndexedDB, or memory when the browser refuses storage. */
export interface ConversationRepository {
  /** Summaries, newest first. */
  list(): Promise<ConversationSummary[]>;
  get(id: string): Promise<Conversation | undefined>;
  put(conversation: Conversation): Promise<void>;
  delete(id: string): Promise<void>;
  /** Conversations whose title or content contains every word of `query`, newest first. */
  search(query: string): Promise<SearchHit[]>;
}

export type StorageErrorKind = 'quota' | 'unavailable' | 'blocked' | 'other';

/** A storage failure as the UI shows it. */
export interface StorageFault {
  kind: StorageErrorKind;
  message: string;
  /** The browser's own words for an unclassified failure, kept apart so the banner can be translated around it. */
  detail?: string;
}
