import type { ConversationRepository } from '../store/persistence/types';
import { createMemoryRepository } from '../store/persistence/memory-repository';
import { createResilientRepository } from '../store/persistence/resilient-repository';
import { createTabSync } from '../store/persistence/tab-sync';
import { fakeChannels, fakeLocks } from '../store/persistence/tab-fakes.testing';
import { setup, type Step } from '../core/run/controller-test-kit.testing';
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

/** One tab: its own controller (playing `steps`), window and session, on the shared profile. */
export function openTab(profile: ReturnType<typeof fakeProfile>, steps: Step[], hash = '', disk: ConversationRepository = profile.disk) {
  const kit = setup(steps);
  const win = fakeWindow(hash);
  const repository = createResilientRepository(async () => disk);
  const tabs = createTabSync({ BroadcastChannel: profile.Channel, locks: profile.locks });
  let n = 0;
  const session = createConversationSession({ controller: kit.controller, repository, tabs, window: win, newId: () => `new-${++n}`, undoMs: 50 });
  session.start();
  return { ...kit, win, session, repository, state: () => session.store.getState() };
}

/** Lets queued microtasks, promise chains and zero-delay timers run. */
export const settle = async (rounds = 5) => {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};
