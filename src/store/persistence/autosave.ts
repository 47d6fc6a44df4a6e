import type { Conversation } from '../../core/conversation/types';
import { createThrottle, realClock, type Clock } from './throttle';

/** What autosave watches: the chat controller's snapshot and change notifications. */
export interface AutosaveSource {
  getSnapshot(): { conversation: Conversation; run: { phase: string } };
  subscribe(listener: () => void): () => void;
}

export interface AutosaveOptions<R> {
  source: AutosaveSource;
  save(conversation: Conversation): Promise<R>;
  onSaved?(conversation: Conversation, result: R): void;
  onError?(error: unknown): void;
  /** The streaming interval; phase changes and idle edits save at once. Default 500 ms. */
  intervalMs?: number;
  clock?: Clock;
}

export interface Autosave {
  /** Saves the current conversation if it changed; resolves once every write so far has finished. */
  flush(): Promise<void>;
  /** Treats this object as already stored (one just read from storage), so it is not written back. */
  markSaved(conversation: Conversation): void;
  /** While paused nothing is written (the conversation belongs to another tab's run). */
  setPaused(paused: boolean): void;
  /**
   * The page is about to go away (a reload, a link): saves the run as it stands, then writes nothing
   * for `ms`. Leaving aborts the stream, and the "connection dropped" that follows must not be saved
   * over the run, which the next load then shows as interrupted. If the page is still here after
   * `ms` (the navigation did not happen), saving resumes with the latest state.
   */
  holdForUnload(ms: number): void;
  dispose(): void;
}

/**
 * Saves the active conversation while a run streams — at most once per interval — and at once on
 * every run phase change and on idle edits, so a reload loses at most one interval. Writes are
 * serialized and coalesced: one in flight, the newest waiting. Empty conversations are not saved.
 */
export function createAutosave<R>(opts: AutosaveOptions<R>): Autosave {
  const { source } = opts;
  let lastSaved: Conversation | null = null;
  let lastPhase = source.getSnapshot().run.phase;
  let paused = false;
  let waiting: Conversation | null = null;
  let tail: Promise<void> = Promise.resolve();
  let checkQueued = false;
  let heldUntil = -Infinity;
  const clock = opts.clock ?? realClock;

  const write = (conv: Conversation) => {
    if (paused || clock.now() < heldUntil || conv === lastSaved || conv.messages.length === 0) return;
    lastSaved = conv;
    const alreadyQueued = waiting !== null;
    waiting = conv;
    if (alreadyQueued) return; // the queued write will take the newest
    tail = tail.then(async () => {
      const next = waiting!;
      waiting = null;
      try {
        const result = await opts.save(next);
        opts.onSaved?.(next, result);
      } catch (error) {
        opts.onError?.(error);
      }
    });
  };

  const throttle = createThrottle(() => write(source.getSnapshot().conversation), opts.intervalMs ?? 500, clock);

  const check = (force: boolean) => {
    const snap = source.getSnapshot();
    const phase = snap.run.phase;
    const phaseChanged = phase !== lastPhase;
    lastPhase = phase;
    if (snap.conversation === lastSaved) return throttle.cancel();
    if (force || phaseChanged || phase === 'idle') {
      throttle.cancel();
      write(snap.conversation);
    } else throttle.schedule();
  };

  // Bursts of notifications (a stop settles several calls) are checked once, before anything else runs.
  const unsubscribe = source.subscribe(() => {
    if (checkQueued) return;
    checkQueued = true;
    queueMicrotask(() => {
      checkQueued = false;
      check(false);
    });
  });

  return {
    flush() {
      check(true);
      return tail;
    },
    markSaved(conv) {
      lastSaved = conv;
      throttle.cancel();
    },
    setPaused(value) {
      paused = value;
      if (value) throttle.cancel();
    },
    holdForUnload(ms) {
      check(true);
      heldUntil = clock.now() + ms;
      throttle.cancel();
      clock.setTimeout(() => check(true), ms);
    },
    dispose() {
      unsubscribe();
      throttle.cancel();
    },
  };
}
