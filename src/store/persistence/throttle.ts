export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface Throttle {
  /** Runs now if the last run was at least `intervalMs` ago, else once when the interval is up. */
  schedule(): void;
  /** Runs now and forgets any scheduled run. */
  flush(): void;
  /** Forgets a scheduled run. */
  cancel(): void;
}

/** Leading and trailing throttle: at most one run per interval, and the last request always runs. */
export function createThrottle(run: () => void, intervalMs: number, clock: Clock = realClock): Throttle {
  let lastRun = -Infinity;
  let timer: unknown = null;
  const fire = () => {
    timer = null;
    lastRun = clock.now();
    run();
  };
  const cancel = () => {
    if (timer !== null) clock.clearTimeout(timer);
    timer = null;
  };
  return {
    schedule() {
      if (timer !== null) return;
      const wait = lastRun + intervalMs - clock.now();
      if (wait <= 0) fire();
      else timer = clock.setTimeout(fire, wait);
    },
    flush() {
      cancel();
      fire();
    },
    cancel,
  };
}
