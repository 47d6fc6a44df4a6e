import type { StoreApi } from 'zustand';
import type { LiveState } from '../../core/run/run-registry';
import { waitingApprovals, type ConversationsState } from '../conversations-store';

/** What a run did that a user looking elsewhere wants to know. */
export type AttentionEvent = { kind: 'needs-approval' | 'finished' | 'failed'; id: string };

export interface AttentionDeps {
  store: StoreApi<ConversationsState>;
  /** The page title without a count. */
  baseTitle: string;
  setTitle(title: string): void;
  /** Whether the user cannot see the page now (the tab is hidden). */
  hidden(): boolean;
  /** Whether the user asked for notifications (Settings), read at each event. */
  enabled(): boolean;
  notify(event: AttentionEvent): void;
}

/** "(2) Callstream" while two calls wait for approval; the plain title otherwise. */
export function titleWithCount(base: string, waiting: number): string {
  return waiting > 0 ? `(${waiting}) ${base}` : base;
}

/**
 * Keeps the page title counting the calls that wait for the user, and — while the tab is hidden
 * and the user turned it on — reports a conversation that starts waiting for approval or whose run
 * ends. Reads only the sidebar's live states, so it costs nothing per streamed token.
 */
export function watchAttention(deps: AttentionDeps): () => void {
  const { store } = deps;
  let title = '';
  const apply = (live: Record<string, LiveState>) => {
    const next = titleWithCount(deps.baseTitle, waitingApprovals(live));
    if (next !== title) deps.setTitle((title = next));
  };
  apply(store.getState().live);
  return store.subscribe((state, previous) => {
    if (state.live === previous.live && state.runningHere === previous.runningHere) return;
    apply(state.live);
    if (!deps.hidden() || !deps.enabled()) return;
    for (const [id, now] of Object.entries(state.live)) {
      if (now.kind === 'approval' && previous.live[id]?.kind !== 'approval') deps.notify({ kind: 'needs-approval', id });
    }
    for (const id of previous.runningHere) {
      if (state.runningHere.includes(id)) continue;
      deps.notify({ kind: state.live[id]?.kind === 'failed' ? 'failed' : 'finished', id });
    }
  });
}
