import { createStore } from 'zustand';
import type { ConversationRepository } from '../persistence/types';
import { createMemoryRepository } from '../persistence/memory-repository';
import { createResilientRepository } from '../persistence/resilient-repository';
import { createTabSync } from '../persistence/tab-sync';
import { fakeChannels, fakeLocks } from '../persistence/tab-fakes.testing';
import { danger, echo, scripted, slow, waitFor, type Step } from '../../core/run/controller-test-kit.testing';
import { ChatController, type ChatSnapshot } from '../../core/run/chat-controller';
import { createToolRegistry } from '../../core/tools/registry';
import { createConversationSession, type SessionWindow } from './conversation-session';

// Session test rig: a window with hash history, and tabs that share one "disk", channel and lock manager.

export function fakeWindow(initialHash = '') {
  const entries = [initialHash];
  let index = 0;
  const listeners = new Map<string, Set<() => void>>();
  const fire = (type: string) => queueMicrotask(() => listeners.get(type)?.forEach((l) => l()));
  const win: SessionWindow & { back(): void; forward(): void; entries: string[] } = {
    location: {
      get hash() {
        return entries[index];
      },
      set hash(value: string) {
        if (value === entries[index]) return;
        entries.splice(index + 1, entries.length, value);
        index++;
        fire('hashchange');
      },
    },
    history: {
      replaceState: (_data, _unused, url) => {
        entries[index] = url ?? entries[index];
      },
    },
    addEventListener(type, listener) {
      if (!listeners.has(type)) listeners.set(type, new Set());
      listeners.get(type)!.add(listener);
    },
    back() {
      index--;
      fire('hashchange');
    },
    forward() {
      index++;
      fire('hashchange');
    },
    entries,
  };
  return win;
}

/** Everything tabs of one browser profile share. */
export function fakeProfile() {
  return { disk: createMemoryRepository(), Channel: fakeChannels(), locks: fakeLocks() };
}

/** Applies every controller change at once (the app batches per frame; tests need no frames). */
function bindNow(controller: ChatController) {
  const store = createStore<ChatSnapshot>(() => controller.getSnapshot());
  controller.subscribe(() => store.setState(controller.getSnapshot(), true));
  return store;
}

/**
 * One tab: its window and session on the shared profile. Every controller it creates plays from the
 * one script `steps` (rounds are taken in the order the tab's runs ask for them).
 */
export function openTab(profile: ReturnType<typeof fakeProfile>, steps: Step[], hash = '', disk: ConversationRepository = profile.disk, maxRuns = 4) {
  const model = scripted(steps);
  const win = fakeWindow(hash);
  const repository = createResilientRepository(async () => disk);
  const tabs = createTabSync({ BroadcastChannel: profile.Channel, locks: profile.locks });
  let n = 0;
  const session = createConversationSession({
    createController: () => new ChatController({ model: () => model.client, tools: createToolRegistry([echo, danger, slow]) }),
    maxRuns: () => maxRuns,
    bind: bindNow,
    repository,
    tabs,
    window: win,
    newId: () => `new-${++n}`,
    undoMs: 50,
  });
  session.start();
  return {
    /** The controller of the conversation on screen. */
    get controller() {
      return session.shown().controller;
    },
    idle: () => waitFor(session.shown().controller, (s) => s.run.phase === 'idle'),
    requests: model.requests,
    win,
    session,
    repository,
    state: () => session.store.getState(),
  };
}

/** Lets queued microtasks, promise chains and zero-delay timers run. */
export const settle = async (rounds = 5) => {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};
