import { createStore, useStore, type StoreApi } from 'zustand';
import type { Conversation } from '../core/conversation/types';
import type { ConversationSummary, SearchHit, StorageFault } from './persistence/types';
import { byRecency } from './persistence/summary';

export interface PendingDelete {
  id: string;
  title: string;
  /** It was on screen when deleted; Undo opens it again. */
  wasActive: boolean;
}

export interface ConversationsState {
  summaries: ConversationSummary[];
  /** The conversation on screen; null for a new chat that has no message yet. */
  activeId: string | null;
  /** A conversation named in the URL is being read from storage. */
  opening: boolean;
  query: string;
  /** Search results for `query`; null when not searching. */
  hits: SearchHit[] | null;
  /** The conversation this tab is running, if any. */
  runningHere: string | null;
  /** Conversations another tab is running right now. */
  runningElsewhere: string[];
  /** The active conversation as another tab's run saved it (read-only view), while that run lasts. */
  mirror: Conversation | null;
  /** Set while saving fails and conversations live in memory only. */
  fault: StorageFault | null;
  pendingDelete: PendingDelete | null;
  /** A short transient note ("finish the run before switching"). */
  notice: string | null;
  /** Shown once, after the browser was asked to keep storage. */
  persistNote: string | null;
}

export const initialConversationsState: ConversationsState = {
  summaries: [],
  activeId: null,
  opening: false,
  query: '',
  hits: null,
  runningHere: null,
  runningElsewhere: [],
  mirror: null,
  fault: null,
  pendingDelete: null,
  notice: null,
  persistNote: null,
};

export function createConversationsStore(initial: Partial<ConversationsState> = {}): StoreApi<ConversationsState> {
  return createStore<ConversationsState>(() => ({ ...initialConversationsState, ...initial }));
}

/** The list the sidebar shows: search hits while searching, else every summary; a pending delete is hidden. */
export function visibleConversations(state: Pick<ConversationsState, 'summaries' | 'hits' | 'pendingDelete'>): SearchHit[] {
  const hidden = state.pendingDelete?.id;
  if (!state.hits) return state.summaries.filter((s) => s.id !== hidden);
  // Titles come from the summaries, so a rename shows in the results without searching again.
  const byId = new Map(state.summaries.map((s) => [s.id, s]));
  return state.hits.filter((h) => h.id !== hidden).map((h) => ({ ...h, ...byId.get(h.id), snippet: h.snippet }));
}

/** Replaces (or adds) one summary, keeping newest first. */
export function upsertSummary(summaries: ConversationSummary[], summary: ConversationSummary): ConversationSummary[] {
  return [...summaries.filter((s) => s.id !== summary.id), summary].sort(byRecency);
}

/** Whether the conversation can be renamed or deleted now (not in the middle of a run anywhere). */
export function isBusy(state: Pick<ConversationsState, 'runningHere' | 'runningElsewhere'>, id: string): boolean {
  return state.runningHere === id || state.runningElsewhere.includes(id);
}

/** React hook over the conversations store. */
export function useConversations<T>(store: StoreApi<ConversationsState>, selector: (s: ConversationsState) => T): T {
  return useStore(store, selector);
}
