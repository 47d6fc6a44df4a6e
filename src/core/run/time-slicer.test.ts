import { describe, expect, it } from 'vitest';
import { createTimeSlicer, yieldToEventLoop } from './time-slicer';

describe('createTimeSlicer', () => {
  it('is due once the budget is spent (checked every few calls) and starts over after yielding', async () => {
    let now = 100;
    let reads = 0;
    let yields = 0;
    const clock = () => {
      reads++;
      return now;
    };
    const slicer = createTimeSlicer(8, clock, async () => {
      yields++;
    });
    const dueWithin = (calls: number) => Array.from({ length: calls }, () => slicer.due()).some(Boolean);
    now = 108;
    expect(dueWithin(8)).toBe(false);
    now = 108.5;
    expect(dueWithin(8)).toBe(true);
    // The clock is read on a fraction of the calls only: 1 at creation + 2 for 16 calls.
    expect(reads).toBe(3);
    await slicer.yieldNow();
    expect(yields).toBe(1);
    expect(dueWithin(8)).toBe(false);
    now = 117;
    expect(dueWithin(8)).toBe(true);
  });
});

describe('yieldToEventLoop', () => {
  it('lets a queued timer run before the consumer carries on', async () => {
    const order: string[] = [];
    setTimeout(() => order.push('timer'), 0);
    // Busy for a moment so the timer is certainly due, as a burst of stream events would be.
    const until = Date.now() + 5;
    while (Date.now() < until) {
      /* spin */
    }
    await Promise.resolve();
    order.push('microtask');
    // A message round trip can beat a timer, so go round until the timer has had its turn.
    for (let i = 0; i < 10 && !order.includes('timer'); i++) await yieldToEventLoop();
    order.push('after yield');
    expect(order).toEqual(['microtask', 'timer', 'after yield']);
  });
});
