import type { Conversation } from '../../core/conversation/types';
import { activePath } from '../../core/conversation/tree';
import type { ConversationSummary } from './types';

/** The list entry for a conversation. */
export function summarize(conv: Conversation): ConversationSummary {
  return { id: conv.id, title: conv.title, createdAt: conv.createdAt, updatedAt: conv.updatedAt, messageCount: activePath(conv).length };
}

/** Newest first; ties (same millisecond) by id so the order is stable. */
export function byRecency(a: Pick<ConversationSummary, 'id' | 'updatedAt'>, b: Pick<ConversationSummary, 'id' | 'updatedAt'>): number {
  return b.updatedAt - a.updatedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
