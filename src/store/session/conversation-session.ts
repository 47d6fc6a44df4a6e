import type { StoreApi } from 'zustand';
import type { Conversation } from '../../core/conversation/types';
import type { ConversationActions } from '../../features/conversations/types';
import { emptyConversation } from '../../core/conversation/tree';
import { withFreshIds } from '../../core/conversation/fresh-ids';
import type { ChatController, ChatSnapshot } from '../../core/run/chat-controller';
import { createRunRegistry, liveStateOf, sameLiveState, type RunRegistry, type StartRefusal } from '../../core/run/run-registry';
import { createConversationsStore, isBusy, upsertSummary, type ConversationsState } from '../conversations-store';
import { createAutosave, type Autosave } from '../persistence/autosave';
import type { ResilientRepository, SaveResult } from '../persistence/resilient-repository';
import { summarize } from '../persistence/summary';
import type { TabSync } from '../persistence/tab-sync';
import { createRunCoordination, type RunCoordination } from './run-coordination';
import { conversationIdFrom, hashFor } from './routing';
import { sessionMessages } from '../../features/conversations/messages';
import { currentLocale, translator } from '../../i18n';

export const UNDO_DELETE_MS = 6000;

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
  /** A fresh controller for one conversation (the composition root wires model, tools and inspector). */
  createController(): ChatController;
  /** How many conversations may run at once (read at every start). */
  maxRuns(): number;
  /**
   * The store a controller's changes reach the UI through: the per-frame binding in the app, so
   * saving, the list and the badges cost once per frame rather than once per streamed delta.
   */
  bind(controller: ChatController): StoreApi<ChatSnapshot>;
  repository: ResilientRepository;
  tabs: TabSync;
  window: SessionWindow;
  newId?: () => string;
  /** Asks the browser to keep storage (once per profile); see requestPersistenceOnce. */
  requestPersistence?: () => Promise<boolean | null>;
  undoMs?: number;
}

/** One conversation this tab has open: its controller, the store the UI reads, its autosave. */
export interface OpenConversation {
  id: string;
  controller: ChatController;
  store: StoreApi<ChatSnapshot>;
  autosave: Autosave;
}

/** The session behind the conversation UI: its actions plus what the app itself wires and reads. */
export interface ConversationSession extends ConversationActions {
  readonly store: StoreApi<ConversationsState>;
  readonly registry: RunRegistry;
  /** The conversation on screen (`store.shownId`). */
  shown(): OpenConversation;
  /** The open conversation with this id, if this tab has it. */
  get(id: string): OpenConversation | undefined;
  /** Null when the conversation on screen may start a run; otherwise why not. */
  admitShown(): StartRefusal | null;
  /** The waiting card asked for by `navigate(id, { focusApproval })` has been focused. */
  focusedApproval(): void;
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
 * Ties the conversations' controllers to storage and the URL: one controller per open or running
 * conversation (the run registry), each with its own autosave; the one on screen follows the
 * route (reload, back/forward), and runs elsewhere go on. Also rename, delete with undo, search,
 * storage faults and other tabs.
 */
export function createConversationSession(deps: SessionDeps): ConversationSession {
  const { repository, tabs, window: win } = deps;
  const newId = deps.newId ?? (() => crypto.randomUUID());
  const store = createConversationsStore({ fault: repository.fault() });
  const set = (patch: Partial<ConversationsState>) => store.setState(patch);
  const open = new Map<string, OpenConversation & { unsubscribe(): void }>();
  // Autosaves of conversations just let go, still writing their last state (a delete waits for it).
  const closing = new Map<string, Promise<void>>();
  let started = false;
  let openSeq = 0;
  let searchSeq = 0;
  // The latest delete, undoable until the toast goes: the conversation is gone from storage at once
  // (a reload or crash cannot bring it back) and this copy is what Undo puts back.
  let undoable: { id: string; copy: Promise<Conversation | undefined>; timer: ReturnType<typeof setTimeout> } | null = null;
  let askedPersist = false;

  const onSaved = (conv: Conversation, result: SaveResult) => {
    if (result === 'durable') tabs.post({ type: 'saved', id: conv.id, updatedAt: conv.updatedAt });
    if (store.getState().pendingDelete?.id !== conv.id) set({ summaries: upsertSummary(store.getState().summaries, summarize(conv)) });
    if (result === 'durable' && !askedPersist) {
      askedPersist = true;
      void deps.requestPersistence?.().then((granted) => {
        if (granted !== null) set({ persistNote: say(granted ? 'persistGranted' : 'persistDenied') });
      });
    }
  };

  const attach = (id: string, controller: ChatController) => {
    const chat = deps.bind(controller);
    const autosave = createAutosave<SaveResult>({
      source: { getSnapshot: () => chat.getState(), subscribe: (listener) => chat.subscribe(() => listener()) },
      save: (conv) => repository.put(conv),
      onSaved,
    });
    autosave.markSaved(chat.getState().conversation); // opening never writes
    const unsubscribe = chat.subscribe(() => queueSync(id));
    open.set(id, { id, controller, store: chat, autosave, unsubscribe });
  };

  const detach = (id: string) => {
    const entry = open.get(id);
    if (!entry) return;
    open.delete(id);
    entry.unsubscribe();
    const done = entry.autosave.flush().then(() => entry.autosave.dispose());
    closing.set(id, done);
    void done.then(() => {
      if (closing.get(id) === done) closing.delete(id);
    });
    setLive(id, null);
    runs.phaseChanged(id, false); // a stopped run's lock goes once its last state is stored
  };

  const registry = createRunRegistry({ create: deps.createController, maxRuns: deps.maxRuns, onOpen: attach, onClose: detach });

  const setLive = (id: string, snap: ChatSnapshot | null) => {
    const live = store.getState().live;
    const next = snap ? liveStateOf(snap) : null;
    const before = live[id];
    if (next === null || next.kind === 'idle') {
      if (before) {
        const { [id]: _gone, ...rest } = live;
        set({ live: rest });
      }
      return;
    }
    if (!before || !sameLiveState(before, next)) set({ live: { ...live, [id]: next } });
  };

  const shown = (): OpenConversation => open.get(store.getState().shownId)!;
  const routeId = () => conversationIdFrom(win.location.hash);
  const flushAll = () => Promise.all([...open.values()].map((e) => e.autosave.flush())).then(() => {});

  /** Puts `id` on screen; the conversation that leaves it is let go unless it is running. */
  const show = (id: string) => {
    const previous = store.getState().shownId;
    const conv = open.get(id)!.store.getState().conversation;
    set({ shownId: id, activeId: conv.messages.length ? id : null, mirror: null });
    if (previous && previous !== id) registry.release(previous);
  };

  /** Shows a stored conversation; the loaded copy counts as saved, so opening never writes. */
  const adopt = (conv: Conversation): boolean => {
    const here = open.get(conv.id);
    if (here) {
      if (!here.controller.load(conv)) return false;
      here.autosave.markSaved(here.controller.getSnapshot().conversation);
      here.store.setState(here.controller.getSnapshot(), true);
    } else registry.open(conv);
    show(conv.id);
    return true;
  };

  const refreshList = async () => set({ summaries: await repository.list() });

  const runs: RunCoordination = createRunCoordination({
    registry,
    repository,
    tabs,
    store,
    autosaveOf: (id) => open.get(id)?.autosave,
    flushed: (id) => open.get(id)?.autosave.flush() ?? closing.get(id) ?? Promise.resolve(),
    adopt,
    refreshList,
    newChat: () => session.newChat(),
  });

  const startNewChat = () => {
    const conv = emptyConversation(newId());
    registry.open(conv);
    show(conv.id);
  };

  /** Makes the screen follow the URL. A run in the conversation left behind goes on. */
  const followRoute = async () => {
    const id = routeId();
    const state = store.getState();
    if (id === state.activeId && !state.opening) return;
    const seq = ++openSeq;
    if (id === null) {
      set({ opening: false });
      if (shown().store.getState().conversation.messages.length > 0 || state.mirror) startNewChat();
      return;
    }
    if (open.has(id) && !state.runningElsewhere.includes(id)) {
      // Still open here (a run in the background, or just finished): shown exactly as it is.
      set({ opening: false });
      show(id);
      return;
    }
    set({ opening: true });
    void shown().autosave.flush();
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

  /** After a conversation's change (once per frame): run locks follow its phase, the badges its state, the URL the one on screen. */
  const queued = new Set<string>();
  const queueSync = (id: string) => {
    if (queued.has(id)) return;
    queued.add(id);
    queueMicrotask(() => {
      queued.delete(id);
      sync(id);
    });
  };
  const sync = (id: string) => {
    const entry = open.get(id);
    if (!entry) return;
    const snap = entry.store.getState();
    runs.phaseChanged(id, snap.run.phase !== 'idle');
    setLive(id, snap);
    const state = store.getState();
    if (state.shownId !== id || state.opening || state.mirror) return;
    const activeId = snap.conversation.messages.length ? id : null;
    if (activeId !== state.activeId) set({ activeId });
    // Only a new chat's URL is rewritten; any other mismatch is a navigation followRoute is handling.
    if (activeId && routeId() === null) win.history.replaceState(null, '', hashFor(activeId));
  };

  const forgetUndo = () => {
    if (undoable) clearTimeout(undoable.timer);
    undoable = null;
    if (store.getState().pendingDelete) set({ pendingDelete: null });
  };

  startNewChat();

  const session: ConversationSession = {
    store,
    registry,
    shown,
    get: (id) => open.get(id),
    admitShown: () => registry.admit(store.getState().shownId),
    focusedApproval: () => set({ focusApproval: null }),
    start() {
      if (started) return;
      started = true;
      repository.subscribe((fault) => set({ fault }));
      set({ fault: repository.fault() }); // it may have failed to open before anyone listened
      runs.start();
      win.addEventListener('hashchange', () => void followRoute());
      const leaving = () => {
        void flushAll();
        runs.leaving();
      };
      win.addEventListener('pagehide', leaving);
      // The first sign of a reload or a link away, before the browser aborts the streams: keep every
      // run as it was (each reopens as interrupted), not the "connection dropped" that leaving causes.
      win.addEventListener('beforeunload', () => {
        for (const id of registry.running()) open.get(id)?.autosave.holdForUnload(UNLOAD_HOLD_MS);
      });
      win.addEventListener('visibilitychange', () => {
        if (win.document?.visibilityState === 'hidden') void flushAll();
      });
      void refreshList();
      void followRoute();
    },
    navigate(id, options) {
      if (options?.focusApproval) set({ focusApproval: { id } });
      if (id === store.getState().activeId) return true;
      win.location.hash = hashFor(id);
      return true;
    },
    newChat() {
      const empty = shown().store.getState().conversation.messages.length === 0 && !store.getState().mirror;
      if (!empty) startNewChat();
      if (routeId() !== null) win.location.hash = hashFor(null);
      return true;
    },
    async rename(id, title) {
      const clean = title.trim().replace(/\s+/g, ' ');
      const state = store.getState();
      if (!clean || isBusy(state, id)) return;
      const here = open.get(id);
      if (here && !(state.mirror && state.activeId === id)) {
        // Through the controller, or its next save would bring the old title back; autosave stores it.
        if (!here.controller.load({ ...here.controller.getSnapshot().conversation, title: clean })) return;
        set({ summaries: upsertSummary(state.summaries, summarize(here.controller.getSnapshot().conversation)) });
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
      // Another tab's run owns it; a run here is stopped first (the list asked the user).
      if (state.runningElsewhere.includes(id)) return;
      forgetUndo();
      const title = state.summaries.find((s) => s.id === id)?.title ?? 'Conversation';
      const wasActive = state.activeId === id;
      const here = open.get(id);
      set({ pendingDelete: { id, title, wasActive } });
      if (wasActive) session.newChat();
      registry.remove(id);
      const inMemory = here?.controller.getSnapshot().conversation;
      const copy = (async () => {
        await (closing.get(id) ?? Promise.resolve()); // a save still on its way must not bring it back
        const conv = inMemory ?? (await repository.get(id));
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
        await flushAll();
        void refreshList();
      }
      return ok;
    },
    async allConversations() {
      await flushAll(); // open conversations may be up to one interval ahead of storage
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
