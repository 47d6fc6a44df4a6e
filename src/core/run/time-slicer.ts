/**
 * Main-thread time a stream consumer may use before letting the browser paint and handle input.
 * A network read can hold thousands of events (a fast model, a burst after a stall); folded in
 * one go they make a long task however cheap each event is.
 */
export const SLICE_MS = 8;

export interface TimeSlicer {
  /** The current slice is used up: the caller should `await yieldNow()` before going on. */
  due(): boolean;
  /** Goes round the event loop (so pending frames and input run), then starts a new slice. */
  yieldNow(): Promise<void>;
}

type Clock = () => number;

const defaultClock: Clock = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/**
 * A macrotask turn at normal priority (a message to ourselves). Not scheduler.yield: its
 * continuations outrank rendering, so a long burst would still hold back the next frame.
 */
export function yieldToEventLoop(): Promise<void> {
  if (typeof MessageChannel === 'function') {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

// Reading the clock costs about as much as folding a text delta; every few calls is close enough.
const CALLS_PER_CLOCK_READ = 8;

/** Creates a slicer; the clock and the yield are injectable for tests. */
export function createTimeSlicer(budgetMs = SLICE_MS, clock: Clock = defaultClock, yieldFn = yieldToEventLoop): TimeSlicer {
  let start = clock();
  let calls = 0;
  return {
    due() {
      if (++calls % CALLS_PER_CLOCK_READ !== 0) return false;
      return clock() - start > budgetMs;
    },
    async yieldNow() {
      await yieldFn();
      start = clock();
      calls = 0;
    },
  };
}
