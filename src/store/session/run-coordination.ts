import type { StoreApi } from 'zustand';
import type { Conversation } from '../../core/conversation/types';
import type { RunRegistry } from '../../core/run/run-registry';
import type { ConversationsState } from '../conversations-store';
import type { Autosave } from '../persistence/autosave';
import type { ConversationRepository } from '../persistence/types';
import type { TabMessage, TabSync } from '../persistence/tab-sync';
import { sessionMessages } from '../../features/conversations/messages';
import { currentLocale, translator } from '../../i18n';

export const RUNNING_ELSEWHERE = sessionMessages.en.runningElsewhere;
export const DELETED_ELSEWHERE = sessionMessages.en.deletedElsewhere;

export interface RunCoordinationDeps {
  registry: RunRegistry;
  repository: Pick<ConversationRepository, 'get'>;
  tabs: TabSync;
  store: StoreApi<ConversationsState>;
  /** The autosave of a conversation this tab has open, if it has. */
  autosaveOf(id: string): Autosave | undefined;
  /** Resolves once everything of this conversation written so far is stored (also after it was let go). */
  flushed(id: string): Promise<void>;
  /** Shows a stored conversation in this tab (false while its run is in flight). */
  adopt(conversation: Conversation): boolean;
  refreshList(): Promise<void>;
  newChat(): void;
}

export interface RunCoordination {
  start(): void;
  /** Called after every change of a conversation's controller: takes its run lock when a run starts, lets go when it ends. */
  phaseChanged(id: string, running: boolean): void;
  /** Shows `conversation` read-only when another tab runs it; true when it did. */
  showIfRunningElsewhere(conversation: Conversation): Promise<boolean>;
  /** The page is going away: tell the others its runs end (the browser drops the locks itself). */
  leaving(): void;
}

interface HeldRun {
  id: string;
  running: boolean;
  release: (() => void) | null;
}

/**
 * A conversation runs in one tab at a time; a tab may run several conversations. The running tab
 * holds a Web Lock per running conversation and broadcasts; other tabs show that conversation
 * read-only (reloading it on every save) until its lock is free — also when the running tab
 * crashed or closed — and then open it normally. Other conversations are not affected.
 */
export function createRunCoordination(deps: RunCoordinationDeps): RunCoordination {
  const { registry, repository, tabs, store } = deps;
  const set = (patch: Partial<ConversationsState>) => store.setState(patch);
  const watchers = new Map<string, AbortController>();
  const held = new Map<string, HeldRun>();
  const lostRaces = new Set<string>();
  const say = (key: 'runningElsewhere' | 'deletedElsewhere') => translator(sessionMessages, currentLocale())(key);
  const idleHere = (id: string) => registry.get(id) !== undefined && !registry.isRunning(id);
  const shownHere = (id: string) => store.getState().shownId === id;

  const markElsewhere = (id: string, on: boolean) => {
    const list = store.getState().runningElsewhere.filter((x) => x !== id);
    set({ runningElsewhere: on ? [...list, id] : list });
  };

  const markHere = (id: string, on: boolean) => {
    const list = store.getState().runningHere;
    if (list.includes(id) === on) return;
    set({ runningHere: on ? [...list, id] : list.filter((x) => x !== id) });
  };

  const watch = (id: string) => {
    if (watchers.has(id)) return;
    const abort = new AbortController();
    watchers.set(id, abort);
    tabs.whenFree(id, abort.signal).then(
      () => void freed(id),
      () => {},
    );
  };

  const showMirror = (conversation: Conversation) => {
    set({ activeId: conversation.id, mirror: conversation });
  };

  /** This tab's copy is out of date; one off screen is simply let go (it is read again when opened). */
  const forgetStale = (id: string) => {
    if (!shownHere(id) && idleHere(id)) registry.release(id);
  };

  /** The other tab's run ended (or the tab went away): open the conversation here as it was saved. */
  const freed = async (id: string) => {
    watchers.get(id)?.abort();
    watchers.delete(id);
    markElsewhere(id, false);
    if (lostRaces.delete(id)) deps.autosaveOf(id)?.setPaused(false);
    forgetStale(id);
    const state = store.getState();
    if (state.activeId === id && state.mirror) {
      const stored = await repository.get(id);
      if (!stored) {
        set({ mirror: null });
        deps.newChat();
      } else if (!deps.adopt(stored)) set({ mirror: null });
    }
  };

  /** Both tabs started the same conversation at once and the other got the lock: this tab yields that one. */
  const lostRace = async (id: string) => {
    lostRaces.add(id);
    deps.autosaveOf(id)?.setPaused(true); // the stopped copy here must not overwrite the other tab's run
    const mine = registry.get(id)?.getSnapshot().conversation;
    registry.stop(id);
    markElsewhere(id, true);
    set({ notice: say('runningElsewhere') });
    if (store.getState().activeId === id) {
      const stored = await repository.get(id);
      const fallback = stored ?? mine;
      if (fallback) showMirror(fallback);
    }
    watch(id);
  };

  const onMessage = async (message: TabMessage) => {
    const { id } = message;
    if (message.type === 'running') {
      if (!message.running) return freed(id);
      markElsewhere(id, true);
      watch(id);
      const state = store.getState();
      const shown = registry.get(id)?.getSnapshot();
      if (state.activeId === id && !state.mirror && shown && shown.run.phase === 'idle') showMirror(shown.conversation);
      return;
    }
    void deps.refreshList();
    if (store.getState().activeId !== id) {
      forgetStale(id);
      return;
    }
    if (message.type === 'deleted') {
      if (store.getState().runningHere.includes(id)) return;
      set({ notice: say('deletedElsewhere'), mirror: null });
      return deps.newChat();
    }
    const stored = await repository.get(id);
    const state = store.getState();
    if (!stored || state.activeId !== id) return;
    if (state.mirror) set({ mirror: stored });
    else if (idleHere(id)) deps.adopt(stored);
  };

  return {
    start() {
      tabs.subscribe((message) => void onMessage(message));
    },
    phaseChanged(id, running) {
      markHere(id, running);
      const current = held.get(id);
      if (running) {
        if (current) {
          current.running = true;
          return;
        }
        const run: HeldRun = { id, running: true, release: null };
        held.set(id, run);
        void tabs.acquireRun(id).then((release) => {
          if (!release) {
            if (held.get(id) === run) held.delete(id);
            markHere(id, false);
            return lostRace(id);
          }
          run.release = release;
          if (held.get(id) !== run) return release(); // the run ended before the lock came
          // Announced only once the lock is held, so a tab that starts waiting for it really waits.
          tabs.post({ type: 'running', id, running: true });
        });
        return;
      }
      if (!current?.running) return;
      current.running = false;
      // Let go only after the final state is stored, so the tab that reloads it next sees the end.
      void deps.flushed(id).then(() => {
        if (current.running || held.get(id) !== current) return;
        held.delete(id);
        current.release?.();
        tabs.post({ type: 'running', id, running: false });
      });
    },
    async showIfRunningElsewhere(conversation) {
      const { id } = conversation;
      const elsewhere = store.getState().runningElsewhere.includes(id) || (await tabs.heldElsewhere(id));
      if (!elsewhere) return false;
      markElsewhere(id, true);
      showMirror(conversation);
      watch(id);
      return true;
    },
    leaving() {
      for (const run of held.values()) tabs.post({ type: 'running', id: run.id, running: false });
    },
  };
}
