import type { StoreApi } from 'zustand';
import type { Conversation } from '../core/conversation/types';
import type { ConversationActions } from '../features/conversations/types';
import { emptyConversation } from '../core/conversation/tree';
import { withFreshIds } from '../core/conversation/fresh-ids';
import type { ChatController } from '../core/run/chat-controller';
import { createConversationsStore, isBusy, upsertSummary, type ConversationsState } from '../store/conversations-store';
import { createAutosave, type Autosave } from '../store/persistence/autosave';
import type { ResilientRepository, SaveResult } from '../store/persistence/resilient-repository';
import { summarize } from '../store/persistence/summary';
import type { TabSync } from '../store/persistence/tab-sync';
import { createRunCoordination, type RunCoordination } from './run-coordination';
import { conversationIdFrom, hashFor } from './routing';
import { sessionMessages } from '../features/conversations/messages';
import { currentLocale, translator } from '../i18n';

export const UNDO_DELETE_MS = 6000;
export const SWITCH_REFUSED = sessionMessages.en.switchRefused;

// Notes are written in the language the interface has when they are raised.
const say = (key: keyof typeof sessionMessages.en) => translator(sessionMessages, currentLocale())(key);

/** The browser surface the session uses (a window, or a stand-in in tests). */
export interface SessionWindow {
  location: { hash: string };
  history: { replaceState(data: unknown, unused: string, url?: string): void };
  addEventListener(type: 'hashchange' | 'pagehide' | 'visibilitychange' | 'beforeunload', listener: () => void): void;
  document?: { visibilityState: string };
}

export interface SessionDeps {
  controller: ChatController;
  /**
   * Where change notifications come from: the per-frame chat store in the app, so saving and the
   * list cost once per frame rather than once per streamed delta. Defaults to the controller itself.
   */
  changes?: { subscribe(listener: () => void): () => void };
  repository: ResilientRepository;
  tabs: TabSync;
  window: SessionWindow;
  newId?: () => string;
  /** Asks the browser to keep storage (once per profile); see requestPersistenceOnce. */
  requestPersistence?: () => Promise<boolean | null>;
  undoMs?: number;
}

/** The session behind the conversation UI: its actions plus what the app itself wires and reads. */
export interface ConversationSession extends ConversationActions {
  readonly store: StoreApi<ConversationsState>;
  readonly autosave: Autosave;
  /** Wires listeners and opens the conversation in the URL; safe to call more than once. */
  start(): void;
  /** Every conversation, fully loaded, newest first (for "Export all"). */
  allConversations(): Promise<Conversation[]>;
  /** Stores imported conversations (fresh ids where an id is taken) and opens the newest. */
  importConversations(conversations: Conversation[]): Promise<void>;
}

/** How long saving waits after "beforeunload" before deciding the page stayed after all. */
const UNLOAD_HOLD_MS = 3_000;

/**
 * Ties the chat controller to storage and the URL: autosave, the conversation list, opening by
 * route (reload, back/forward), rename, delete with undo, search, storage faults and other tabs.
 */
export function createConversationSession(deps: SessionDeps): ConversationSession {
  const { controller, repository, tabs, window: win } = deps;
  const newId = deps.newId ?? (() => crypto.randomUUID());
  const store = createConversationsStore({ fault: repository.fault() });
  const set = (patch: Partial<ConversationsState>) => store.setState(patch);
  let started = false;
  let openSeq = 0;
  let searchSeq = 0;
  // The latest delete, undoable until the toast goes: the conversation is gone from storage at once
  // (a reload or crash cannot bring it back) and this copy is what Undo puts back.
  let undoable: { id: string; copy: Promise<Conversation | undefined>; timer: ReturnType<typeof setTimeout> } | null = null;
  let askedPersist = false;

  const changes = deps.changes ?? controller;
  const autosave = createAutosave<SaveResult>({
    source: { getSnapshot: controller.getSnapshot, subscribe: (listener) => changes.subscribe(listener) },
    save: (conv) => repository.put(conv),
    onSaved(conv, result) {
      if (result === 'durable') tabs.post({ type: 'saved', id: conv.id, updatedAt: conv.updatedAt });
      if (store.getState().pendingDelete?.id !== conv.id) set({ summaries: upsertSummary(store.getState().summaries, summarize(conv)) });
      if (result === 'durable' && !askedPersist) {
        askedPersist = true;
        void deps.requestPersistence?.().then((granted) => {
          if (granted !== null) set({ persistNote: say(granted ? 'persistGranted' : 'persistDenied') });
        });
      }
    },
  });

  const idle = () => controller.getSnapshot().run.phase === 'idle';
  const routeId = () => conversationIdFrom(win.location.hash);

  /** Shows `conv` in the controller; the loaded copy counts as saved, so opening never writes. */
  const adopt = (conv: Conversation): boolean => {
    if (!controller.load(conv)) return false;
    autosave.markSaved(controller.getSnapshot().conversation);
    set({ activeId: conv.messages.length ? conv.id : null, mirror: null });
    return true;
  };

  const refreshList = async () => set({ summaries: await repository.list() });

  const runs: RunCoordination = createRunCoordination({ controller, repository, tabs, store, autosave, adopt, refreshList, newChat: () => session.newChat() });

  const startNewChat = () => {
    void autosave.flush();
    adopt(emptyConversation(newId()));
  };

  /** Makes the screen follow the URL. */
  const followRoute = async () => {
    const id = routeId();
    const state = store.getState();
    if (id === state.activeId && !state.opening) return;
    if (!idle()) {
      // Back/forward while a run is in flight: keep the run, put the URL back.
      win.history.replaceState(null, '', hashFor(state.activeId));
      set({ notice: say('switchRefused') });
      return;
    }
    const seq = ++openSeq;
    if (id === null) {
      set({ opening: false });
      if (controller.getSnapshot().conversation.messages.length > 0 || state.mirror) startNewChat();
      return;
    }
    set({ opening: true });
    void autosave.flush();
    const conv = await repository.get(id);
    if (seq !== openSeq) return; // a later navigation won
    set({ opening: false });
    if (!conv) {
      win.history.replaceState(null, '', hashFor(null));
      set({ notice: say(repository.fault() ? 'couldNotOpenStorage' : 'couldNotOpenDeleted') });
      startNewChat();
      return;
    }
    if (await runs.showIfRunningElsewhere(conv)) return;
    if (seq !== openSeq) return;
    if (!adopt(conv)) {
      win.history.replaceState(null, '', hashFor(store.getState().activeId));
      set({ notice: say('switchRefused') });
    }
  };

  /** After every controller change: the URL gets a new chat's id once it has a message; run locks follow the phase. */
  let syncQueued = false;
  const syncFromController = () => {
    syncQueued = false;
    const { conversation, run } = controller.getSnapshot();
    runs.phaseChanged(conversation.id, run.phase !== 'idle');
    const state = store.getState();
    if (state.opening || state.mirror) return;
    const activeId = conversation.messages.length ? conversation.id : null;
    if (activeId !== state.activeId) set({ activeId });
    // Only a new chat's URL is rewritten; any other mismatch is a navigation followRoute is handling.
    if (activeId && routeId() === null) win.history.replaceState(null, '', hashFor(activeId));
  };

  const forgetUndo = () => {
    if (undoable) clearTimeout(undoable.timer);
    undoable = null;
    if (store.getState().pendingDelete) set({ pendingDelete: null });
  };

  const session: ConversationSession = {
    store,
    autosave,
    start() {
      if (started) return;
      started = true;
      repository.subscribe((fault) => set({ fault }));
      set({ fault: repository.fault() }); // it may have failed to open before anyone listened
      changes.subscribe(() => {
        if (syncQueued) return;
        syncQueued = true;
        queueMicrotask(syncFromController);
      });
      runs.start();
      win.addEventListener('hashchange', () => void followRoute());
      const leaving = () => {
        void autosave.flush();
        runs.leaving();
      };
      win.addEventListener('pagehide', leaving);
      // The first sign of a reload or a link away, before the browser aborts the stream: keep the
      // run as it was (it reopens as interrupted), not the "connection dropped" that leaving causes.
      win.addEventListener('beforeunload', () => {
        if (!idle()) autosave.holdForUnload(UNLOAD_HOLD_MS);
      });
      win.addEventListener('visibilitychange', () => {
        if (win.document?.visibilityState === 'hidden') void autosave.flush();
      });
      void refreshList();
      void followRoute();
    },
    navigate(id) {
      if (id === store.getState().activeId) return true;
      if (!idle()) {
        set({ notice: say('switchRefused') });
        return false;
      }
      win.location.hash = hashFor(id);
      return true;
    },
    newChat() {
      if (!idle()) return false;
      const empty = controller.getSnapshot().conversation.messages.length === 0 && !store.getState().mirror;
      if (!empty) startNewChat();
      if (routeId() !== null) win.location.hash = hashFor(null);
      return true;
    },
    async rename(id, title) {
      const clean = title.trim().replace(/\s+/g, ' ');
      const state = store.getState();
      if (!clean || isBusy(state, id)) return;
      const shown = controller.getSnapshot().conversation;
      if (shown.id === id && !state.mirror) {
        // Through the controller, or its next save would bring the old title back; autosave stores it.
        if (!controller.load({ ...shown, title: clean })) return;
        set({ summaries: upsertSummary(state.summaries, summarize(controller.getSnapshot().conversation)) });
        return;
      }
      const stored = await repository.get(id);
      if (!stored) return;
      const renamed = { ...stored, title: clean };
      set({ summaries: upsertSummary(store.getState().summaries, summarize(renamed)) });
      if ((await repository.put(renamed)) === 'durable') tabs.post({ type: 'saved', id, updatedAt: renamed.updatedAt });
    },
    remove(id) {
      const state = store.getState();
      if (isBusy(state, id)) return;
      forgetUndo();
      const title = state.summaries.find((s) => s.id === id)?.title ?? 'Conversation';
      const wasActive = state.activeId === id;
      const shown = controller.getSnapshot().conversation;
      const inController = shown.id === id ? shown : undefined;
      set({ pendingDelete: { id, title, wasActive } });
      if (wasActive) session.newChat();
      const copy = (async () => {
        await autosave.flush(); // a save still on its way must not bring it back
        const conv = inController ?? (await repository.get(id));
        await repository.delete(id);
        tabs.post({ type: 'deleted', id });
        set({ summaries: store.getState().summaries.filter((s) => s.id !== id) });
        return conv;
      })();
      undoable = { id, copy, timer: setTimeout(forgetUndo, deps.undoMs ?? UNDO_DELETE_MS) };
    },
    async undoRemove() {
      const pending = store.getState().pendingDelete;
      const undo = undoable;
      if (!pending || undo?.id !== pending.id) return;
      forgetUndo();
      const conv = await undo.copy;
      if (!conv) return;
      if ((await repository.put(conv)) === 'durable') tabs.post({ type: 'saved', id: conv.id, updatedAt: conv.updatedAt });
      set({ summaries: upsertSummary(store.getState().summaries, summarize(conv)) });
      if (pending.wasActive && store.getState().activeId === null) session.navigate(conv.id);
    },
    async search(query) {
      const seq = ++searchSeq;
      set({ query });
      const hits = query.trim() ? await repository.search(query) : null;
      if (seq === searchSeq) set({ hits });
    },
    retrySaving: async () => {
      const ok = await repository.retry();
      if (ok) {
        await autosave.flush();
        void refreshList();
      }
      return ok;
    },
    async allConversations() {
      await autosave.flush(); // the open conversation may be up to one interval ahead of storage
      const found = await Promise.all((await repository.list()).map((s) => repository.get(s.id)));
      return found.filter((c): c is Conversation => c !== undefined);
    },
    async importConversations(conversations) {
      const stored: Conversation[] = [];
      for (const conv of conversations) {
        const taken = (await repository.get(conv.id)) !== undefined || stored.some((c) => c.id === conv.id);
        const copy = taken ? withFreshIds(conv, newId) : conv;
        if ((await repository.put(copy)) === 'durable') tabs.post({ type: 'saved', id: copy.id, updatedAt: copy.updatedAt });
        stored.push(copy);
      }
      await refreshList();
      const newest = stored.reduce<Conversation | null>((a, c) => (!a || c.updatedAt > a.updatedAt ? c : a), null);
      if (newest) session.navigate(newest.id);
    },
    dismissNotice: () => set({ notice: null }),
    dismissPersistNote: () => set({ persistNote: null }),
  };
  return session;
}
