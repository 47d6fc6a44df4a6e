import { createStore, useStore, type StoreApi } from 'zustand';
import type { Conversation } from '../core/conversation/types';
import type { LiveState } from '../core/run/run-registry';
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
  /** The id of the conversation whose controller is on screen, a new empty chat's included. */
  shownId: string;
  /** A conversation named in the URL is being read from storage. */
  opening: boolean;
  query: string;
  /** Search results for `query`; null when not searching. */
  hits: SearchHit[] | null;
  /** The conversations this tab is running. */
  runningHere: string[];
  /** What each conversation this tab has open is doing, when it is not idle (the sidebar's badges). */
  live: Record<string, LiveState>;
  /** The user asked to be taken to the call waiting for approval in this conversation (a new object per ask). */
  focusApproval: { id: string } | null;
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
  shownId: '',
  opening: false,
  query: '',
  hits: null,
  runningHere: [],
  live: {},
  focusApproval: null,
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
  return state.runningHere.includes(id) || state.runningElsewhere.includes(id);
}

/** How many calls wait for the user's approval across every conversation this tab runs (the page title counts them). */
export function waitingApprovals(live: Record<string, LiveState>): number {
  let count = 0;
  for (const state of Object.values(live)) if (state.kind === 'approval') count += state.count;
  return count;
}

/** React hook over the conversations store. */
export function useConversations<T>(store: StoreApi<ConversationsState>, selector: (s: ConversationsState) => T): T {
  return useStore(store, selector);
}
