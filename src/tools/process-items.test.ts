// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ToolEvent } from '../core/tools/types';
import { validateArgs } from '../core/tools/validate';
import { createProcessItemsTool, sleep } from './process-items';

const tool = createProcessItemsTool();
const start = (args: object, signal: AbortSignal) => tool.run(args, { signal }) as AsyncGenerator<ToolEvent>;

afterEach(() => {
  vi.useRealTimers();
});

describe('process_items', () => {
  it('emits start, one progress per item in order, then done', async () => {
    vi.useFakeTimers();
    const events: ToolEvent[] = [];
    const collecting = (async () => {
      for await (const event of start({ count: 4, delayMs: 100, label: 'Import' }, new AbortController().signal))
        events.push(event);
    })();
    await vi.advanceTimersByTimeAsync(400);
    await collecting;
    expect(events[0]).toEqual({ type: 'start', total: 4, message: 'Import: 4 items' });
    expect(events.slice(1, 5)).toEqual(
      [1, 2, 3, 4].map((current) => ({
        type: 'progress',
        current,
        total: 4,
        percentage: current * 25,
        message: `Processing item ${current} of 4`,
      })),
    );
    expect(events[5]).toEqual({
      type: 'done',
      result: { label: 'Import', processed: 4, elapsedMs: 400, summary: 'Processed 4 items for Import.' },
    });
    expect(events).toHaveLength(6);
  });

  it('waits delayMs between items', async () => {
    vi.useFakeTimers();
    const iterator = start({ count: 3, delayMs: 500 }, new AbortController().signal);
    expect((await iterator.next()).value).toMatchObject({ type: 'start', total: 3 });
    let settled = false;
    const next = iterator.next().then((result) => ((settled = true), result));
    await vi.advanceTimersByTimeAsync(499);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect((await next).value).toMatchObject({ type: 'progress', current: 1, message: 'Processing item 1 of 3' });
  });

  it('stops promptly on abort, with no further events and no timer left behind', async () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    const events: ToolEvent[] = [];
    const collecting = (async () => {
      for await (const event of start({ count: 20, delayMs: 1000 }, controller.signal)) events.push(event);
    })();
    await vi.advanceTimersByTimeAsync(2500);
    controller.abort();
    await collecting; // resolves without advancing the clock: the pending sleep ended on abort
    expect(events.map((e) => e.type)).toEqual(['start', 'progress', 'progress']);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('emits nothing when already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const events: ToolEvent[] = [];
    for await (const event of start({}, controller.signal)) events.push(event);
    expect(events).toEqual([]);
  });

  it('uses 20 items by default and validates bounds', async () => {
    vi.useFakeTimers();
    const iterator = start({}, new AbortController().signal);
    expect((await iterator.next()).value).toMatchObject({ total: 20 });
    expect(validateArgs(tool.parameters, { count: 0 })).toMatchObject({ ok: false });
    expect(validateArgs(tool.parameters, { count: 501 })).toMatchObject({ ok: false });
    expect(validateArgs(tool.parameters, { delayMs: 5 })).toMatchObject({ ok: false });
    expect(validateArgs(tool.parameters, { count: 500, delayMs: 2000, label: 'x' })).toEqual({ ok: true });
    expect(tool.timeoutMs).toBeGreaterThan(500 * 2000);
  });
});

describe('sleep', () => {
  it('resolves true after the delay and false on abort', async () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    const done = sleep(100, controller.signal);
    await vi.advanceTimersByTimeAsync(100);
    expect(await done).toBe(true);
    const cut = sleep(100, controller.signal);
    controller.abort();
    expect(await cut).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });
});
