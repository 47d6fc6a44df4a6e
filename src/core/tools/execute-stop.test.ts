// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CANCELLED_MESSAGE, executeTool } from './execute';
import type { ToolContext } from './types';
import { deferred, makeTool, never, run } from './execute-kit.testing';

afterEach(() => {
  vi.useRealTimers();
});

describe('executeTool: timeout', () => {
  it('fails with a timeout after the default 30 s and aborts the tool', async () => {
    vi.useFakeTimers();
    let toolSignal: AbortSignal | undefined;
    const outcome = run(
      makeTool((_args: unknown, { signal }: ToolContext) => {
        toolSignal = signal;
        return never();
      }),
    );
    await vi.advanceTimersByTimeAsync(29_999);
    expect(toolSignal?.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await outcome).toEqual({
      status: 'failed',
      error: { message: 'Timed out after 30 s', code: 'timeout' },
      text: 'Error: Timed out after 30 s',
      truncated: false,
    });
    expect(toolSignal?.aborted).toBe(true);
    expect((toolSignal?.reason as Error).name).toBe('TimeoutError');
  });

  it("uses the tool's own timeout, and the caller's over it", async () => {
    vi.useFakeTimers();
    const slow = makeTool(never, { timeoutMs: 1500 });
    const own = run(slow);
    await vi.advanceTimersByTimeAsync(1500);
    expect((await own).error?.message).toBe('Timed out after 1.5 s');
    const overridden = run(slow, { timeoutMs: 40 });
    await vi.advanceTimersByTimeAsync(40);
    expect((await overridden).error?.message).toBe('Timed out after 40 ms');
  });

  it('closes a generator that outlives its timeout and forwards nothing after it', async () => {
    const gate = deferred();
    const events: string[] = [];
    let cleanedUp = false;
    const tool = makeTool(async function* () {
      try {
        yield { type: 'start' };
        await gate.promise; // ignores the signal on purpose
        yield { type: 'progress', percentage: 99 };
        yield { type: 'done', result: 'late' };
      } finally {
        cleanedUp = true;
      }
    });
    const outcome = await run(tool, { timeoutMs: 10, onEvent: (e) => events.push(e.type) });
    expect(outcome).toMatchObject({ status: 'failed', error: { code: 'timeout' } });
    gate.resolve();
    await vi.waitFor(() => expect(cleanedUp).toBe(true));
    expect(events).toEqual(['start']);
  });

  it('treats an infinite timeout as none instead of firing at once', async () => {
    vi.useFakeTimers();
    const gate = deferred<string>();
    const outcome = run(makeTool(() => gate.promise), { timeoutMs: Number.POSITIVE_INFINITY });
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    gate.resolve('eventually');
    expect(await outcome).toMatchObject({ status: 'succeeded', value: 'eventually' });
  });

  it('clears its timer once the call settles', async () => {
    vi.useFakeTimers();
    await run(makeTool(() => 1));
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('executeTool: cancellation', () => {
  it('settles as cancelled at once when the user aborts a tool that ignores its signal', async () => {
    const controller = new AbortController();
    let toolSignal: AbortSignal | undefined;
    const started = deferred();
    const tool = makeTool((_args: unknown, ctx: ToolContext) => {
      toolSignal = ctx.signal;
      started.resolve();
      return never();
    });
    const outcome = executeTool(tool, {}, { signal: controller.signal, timeoutMs: 60_000 });
    await started.promise;
    controller.abort();
    const result = await Promise.race([outcome, new Promise((r) => setTimeout(() => r('still waiting'), 50))]);
    expect(result).toEqual({
      status: 'cancelled',
      error: { message: CANCELLED_MESSAGE, code: 'cancelled' },
      text: 'Error: Cancelled by the user',
      truncated: false,
    });
    expect(toolSignal?.aborted).toBe(true);
  });

  it('closes a generator on abort and forwards none of its later events', async () => {
    const controller = new AbortController();
    const gate = deferred();
    const events: string[] = [];
    let cleanedUp = false;
    const tool = makeTool(async function* () {
      try {
        yield { type: 'progress', percentage: 10 };
        await gate.promise;
        yield { type: 'progress', percentage: 90 };
        yield { type: 'done', result: 'finished anyway' };
      } finally {
        cleanedUp = true;
      }
    });
    const outcome = executeTool(tool, {}, { signal: controller.signal, onEvent: (e) => events.push(e.type) });
    await vi.waitFor(() => expect(events).toEqual(['progress']));
    controller.abort();
    expect((await outcome).status).toBe('cancelled');
    gate.resolve();
    await vi.waitFor(() => expect(cleanedUp).toBe(true));
    expect(events).toEqual(['progress']);
  });

  it('does not run the tool at all when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const runTool = vi.fn(() => 1);
    expect(await executeTool(makeTool(runTool), {}, { signal: controller.signal })).toMatchObject({
      status: 'cancelled',
    });
    expect(runTool).not.toHaveBeenCalled();
  });

  it('ignores an abort that comes after the call settled', async () => {
    const controller = new AbortController();
    let toolSignal: AbortSignal | undefined;
    const outcome = await executeTool(
      makeTool((_args: unknown, ctx: ToolContext) => {
        toolSignal = ctx.signal;
        return 'done';
      }),
      {},
      { signal: controller.signal },
    );
    controller.abort();
    expect(outcome.status).toBe('succeeded');
    expect(toolSignal?.aborted).toBe(false);
  });

  it('keeps the cancellation when the tool rejects in reaction to the abort', async () => {
    const controller = new AbortController();
    const tool = makeTool(
      (_args: unknown, { signal }: ToolContext) =>
        new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(new Error('aborted')))),
    );
    const outcome = executeTool(tool, {}, { signal: controller.signal });
    controller.abort();
    expect((await outcome).status).toBe('cancelled');
  });
});

