import { describe, expect, it } from 'vitest';
import { createThrottle } from './throttle';
import { manualClock } from './manual-clock.testing';

describe('createThrottle', () => {
  it('runs at once after a quiet spell, then at most once per interval, and never drops the last request', () => {
    const { clock, advance } = manualClock();
    const runs: number[] = [];
    const t = createThrottle(() => runs.push(clock.now()), 500, clock);
    t.schedule();
    expect(runs).toEqual([0]);
    for (let i = 0; i < 10; i++) {
      advance(100);
      t.schedule();
    }
    advance(1000);
    // Requests every 100 ms for a second: never closer than 500 ms, and the request made at 1000
    // (after that run) gets its own run at 1500.
    expect(runs).toEqual([0, 500, 1000, 1500]);
  });

  it('flush runs now and drops the scheduled run; cancel just drops it', () => {
    const { clock, advance, pending } = manualClock();
    let runs = 0;
    const t = createThrottle(() => runs++, 500, clock);
    t.schedule();
    advance(10);
    t.schedule();
    expect(pending()).toBe(1);
    t.flush();
    expect(runs).toBe(2);
    expect(pending()).toBe(0);
    advance(100);
    t.schedule();
    t.cancel();
    advance(1000);
    expect(runs).toBe(2);
  });
});
