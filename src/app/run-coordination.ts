import type { StoreApi } from 'zustand';
import type { Conversation } from '../core/conversation/types';
import type { ChatController } from '../core/run/chat-controller';
import type { ConversationsState } from '../store/conversations-store';
import type { Autosave } from '../store/persistence/autosave';
import type { ConversationRepository } from '../store/persistence/types';
import type { TabMessage, TabSync } from '../store/persistence/tab-sync';
import { sessionMessages } from '../features/conversations/messages';
import { currentLocale, translator } from '../i18n';

export const RUNNING_ELSEWHERE = sessionMessages.en.runningElsewhere;
export const DELETED_ELSEWHERE = sessionMessages.en.deletedElsewhere;

export interface RunCoordinationDeps {
  controller: ChatController;
  repository: Pick<ConversationRepository, 'get'>;
  tabs: TabSync;
  store: StoreApi<ConversationsState>;
  autosave: Autosave;
  /** Shows a stored conversation in this tab's controller (false while a run is in flight). */
  adopt(conversation: Conversation): boolean;
  refreshList(): Promise<void>;
  newChat(): void;
}

export interface RunCoordination {
  start(): void;
  /** Called after every controller change: takes the run lock when a run starts, lets go when it ends. */
  phaseChanged(id: string, running: boolean): void;
  /** Shows `conversation` read-only when another tab runs it; true when it did. */
  showIfRunningElsewhere(conversation: Conversation): Promise<boolean>;
  /** The page is going away: tell the others the run ends (the browser drops the lock itself). */
  leaving(): void;
}

interface HeldRun {
  id: string;
  running: boolean;
  release: (() => void) | null;
}

/**
 * One tab runs a conversation at a time. The running tab holds a Web Lock for the run and
 * broadcasts; other tabs show that conversation read-only (reloading it on every save) until the
 * lock is free — also when the running tab crashed or closed — and then open it normally.
 */
export function createRunCoordination(deps: RunCoordinationDeps): RunCoordination {
  const { controller, repository, tabs, store, autosave } = deps;
  const set = (patch: Partial<ConversationsState>) => store.setState(patch);
  const watchers = new Map<string, AbortController>();
  let held: HeldRun | null = null;
  let lostRaceFor: string | null = null;

  const markElsewhere = (id: string, on: boolean) => {
    const list = store.getState().runningElsewhere.filter((x) => x !== id);
    set({ runningElsewhere: on ? [...list, id] : list });
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

  /** The other tab's run ended (or the tab went away): open the conversation here as it was saved. */
  const freed = async (id: string) => {
    watchers.get(id)?.abort();
    watchers.delete(id);
    markElsewhere(id, false);
    const state = store.getState();
    if (state.activeId === id && state.mirror) {
      const stored = await repository.get(id);
      if (!stored) {
        set({ mirror: null });
        deps.newChat();
      } else if (!deps.adopt(stored)) set({ mirror: null });
    }
    if (lostRaceFor === id) {
      lostRaceFor = null;
      autosave.setPaused(false);
    }
  };

  /** Both tabs started the same conversation at once and the other got the lock: this tab yields. */
  const lostRace = async (id: string) => {
    lostRaceFor = id;
    autosave.setPaused(true); // the stopped copy here must not overwrite the other tab's run
    controller.stop();
    markElsewhere(id, true);
    set({ notice: translator(sessionMessages, currentLocale())('runningElsewhere') });
    showMirror((await repository.get(id)) ?? controller.getSnapshot().conversation);
    watch(id);
  };

  const onMessage = async (message: TabMessage) => {
    const { id } = message;
    if (message.type === 'running') {
      if (!message.running) return freed(id);
      markElsewhere(id, true);
      watch(id);
      const shown = controller.getSnapshot();
      if (store.getState().activeId === id && !store.getState().mirror && shown.conversation.id === id && shown.run.phase === 'idle')
        showMirror(shown.conversation);
      return;
    }
    void deps.refreshList();
    if (store.getState().activeId !== id) return;
    if (message.type === 'deleted') {
      if (store.getState().runningHere === id) return;
      set({ notice: translator(sessionMessages, currentLocale())('deletedElsewhere'), mirror: null });
      return deps.newChat();
    }
    const stored = await repository.get(id);
    const state = store.getState();
    if (!stored || state.activeId !== id) return;
    if (state.mirror) set({ mirror: stored });
    else if (controller.getSnapshot().run.phase === 'idle' && controller.getSnapshot().conversation.id === id) deps.adopt(stored);
  };

  return {
    start() {
      tabs.subscribe((message) => void onMessage(message));
    },
    phaseChanged(id, running) {
      const runningHere = running ? id : null;
      if (store.getState().runningHere !== runningHere) set({ runningHere });
      if (running) {
        if (held?.id === id) {
          held.running = true;
          return;
        }
        const run: HeldRun = { id, running: true, release: null };
        held = run;
        void tabs.acquireRun(id).then((release) => {
          if (!release) {
            if (held === run) held = null;
            return lostRace(id);
          }
          run.release = release;
          if (held !== run) return release(); // the run ended before the lock came
          // Announced only once the lock is held, so a tab that starts waiting for it really waits.
          tabs.post({ type: 'running', id, running: true });
        });
        return;
      }
      const run = held;
      if (!run?.running) return;
      run.running = false;
      // Let go only after the final state is stored, so the tab that reloads it next sees the end.
      void autosave.flush().then(() => {
        if (run.running || held !== run) return;
        held = null;
        run.release?.();
        tabs.post({ type: 'running', id: run.id, running: false });
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
      if (held) tabs.post({ type: 'running', id: held.id, running: false });
    },
  };
}
