import { createStore, useStore, type StoreApi } from 'zustand';
import type { ChatController, ChatSnapshot } from '../core/run/chat-controller';

type Schedule = (flush: () => void) => void;

const nextFrame: Schedule = (flush) =>
  typeof requestAnimationFrame === 'function' && !document.hidden ? requestAnimationFrame(flush) : setTimeout(flush, 16);

/**
 * Binds a ChatController to a zustand store, applying its changes at most once per animation frame:
 * a burst of stream deltas becomes one store update and one React commit, and the last delta always
 * lands because every change schedules a flush.
 */
export function bindChatStore(controller: ChatController, schedule: Schedule = nextFrame): StoreApi<ChatSnapshot> {
  const store = createStore<ChatSnapshot>(() => controller.getSnapshot());
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    const snap = controller.getSnapshot();
    if (snap !== store.getState()) store.setState(snap, true);
  };
  controller.subscribe(() => {
    if (scheduled) return;
    scheduled = true;
    schedule(flush);
  });
  return store;
}

/** React hook over a bound chat store. */
export function useChat<T>(store: StoreApi<ChatSnapshot>, selector: (s: ChatSnapshot) => T): T {
  return useStore(store, selector);
}
