// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import { executeTool, validateCall } from './execute';
import { createToolRegistry } from './registry';
import type { ToolContext, ToolEvent } from './types';

import { makeTool, run } from './execute-kit.testing';

afterEach(() => {
  vi.useRealTimers();
});

describe('executeTool: results', () => {
  it('returns a plain value as JSON for the model and keeps the value', async () => {
    const value = { temperature: 21, unit: 'C' };
    expect(await run(makeTool(() => value))).toEqual({
      status: 'succeeded',
      value,
      text: '{"temperature":21,"unit":"C"}',
      truncated: false,
    });
  });

  it('passes a string result through unquoted', async () => {
    expect(await run(makeTool(() => 'hello "world"'))).toMatchObject({ text: 'hello "world"' });
  });

  it('says so when the tool returned nothing', async () => {
    expect(await run(makeTool(() => undefined))).toMatchObject({ status: 'succeeded', text: '(no output)' });
  });

  it('awaits a promise and passes the arguments and a signal', async () => {
    let seen: { args: unknown; ctx: ToolContext } | undefined;
    const tool = makeTool(async (args: unknown, ctx: ToolContext) => {
      seen = { args, ctx };
      await Promise.resolve();
      return [1, 2, 3];
    });
    const outcome = await executeTool(tool, { q: 'x' }, { signal: new AbortController().signal });
    expect(outcome).toMatchObject({ status: 'succeeded', value: [1, 2, 3], text: '[1,2,3]' });
    expect(seen?.args).toEqual({ q: 'x' });
    expect(seen?.ctx.signal.aborted).toBe(false);
  });

  it('forwards generator events in order and takes the done result', async () => {
    const events: ToolEvent[] = [];
    const tool = makeTool(async function* () {
      yield { type: 'start', message: 'Counting', total: 2 };
      yield { type: 'progress', current: 1, total: 2, percentage: 50 };
      yield { type: 'content', text: 'half' };
      yield { type: 'progress', current: 2, total: 2, percentage: 100, message: 'almost' };
      yield { type: 'done', result: { count: 2 } };
    });
    const outcome = await run(tool, { onEvent: (e) => events.push(e) });
    expect(events).toEqual([
      { type: 'start', message: 'Counting', total: 2 },
      { type: 'progress', current: 1, total: 2, percentage: 50 },
      { type: 'content', text: 'half' },
      { type: 'progress', current: 2, total: 2, percentage: 100, message: 'almost' },
      { type: 'done', result: { count: 2 } },
    ]);
    expect(outcome).toMatchObject({ status: 'succeeded', value: { count: 2 }, text: '{"count":2}' });
  });

  it('joins content events into the result when no done result comes', async () => {
    const tool = makeTool(async function* () {
      yield { type: 'content', text: 'line 1\n' };
      yield { type: 'progress', percentage: 50 };
      yield { type: 'content', text: 'line 2' };
    });
    expect(await run(tool)).toMatchObject({ status: 'succeeded', value: 'line 1\nline 2', text: 'line 1\nline 2' });
  });

  it('stops at done: later events are not forwarded and the generator is closed', async () => {
    const events: string[] = [];
    let cleanedUp = false;
    const tool = makeTool(async function* () {
      try {
        yield { type: 'done', result: 1 };
        yield { type: 'content', text: 'after done' };
      } finally {
        cleanedUp = true;
      }
    });
    const outcome = await run(tool, { onEvent: (e) => events.push(e.type) });
    await Promise.resolve();
    expect(outcome).toMatchObject({ status: 'succeeded', value: 1 });
    expect(events).toEqual(['done']);
    expect(cleanedUp).toBe(true);
  });

  it('keeps the whole value but truncates a 10 MB result for the model', async () => {
    const big = 'x'.repeat(10 * 1024 * 1024);
    const outcome = await run(makeTool(() => big));
    expect(outcome.status).toBe('succeeded');
    expect(outcome.value).toBe(big);
    expect(outcome.truncated).toBe(true);
    expect(outcome.text).toBe(`${'x'.repeat(16_000)}\n…[truncated: showing 16000 of 10485760 characters]`);
  });

  it('honours a custom result budget, also for error text', async () => {
    expect(await run(makeTool(() => 'abcdef'), { resultBudget: 3 })).toMatchObject({
      text: 'abc\n…[truncated: showing 3 of 6 characters]',
      truncated: true,
    });
    const failed = await run(makeTool(() => Promise.reject(new Error('m'.repeat(50)))), { resultBudget: 10 });
    expect(failed).toMatchObject({ status: 'failed', truncated: true });
    expect(failed.text.startsWith('Error: mmm\n…[truncated')).toBe(true);
    expect(failed.error?.message).toBe('m'.repeat(50));
  });
});

describe('executeTool: failures', () => {
  it('turns an error event into a failure with its code and closes the generator', async () => {
    const events: string[] = [];
    let cleanedUp = false;
    const tool = makeTool(async function* () {
      try {
        yield { type: 'start' };
        yield { type: 'error', message: 'Disk full', code: 'ENOSPC' };
        yield { type: 'done', result: 'unreachable' };
      } finally {
        cleanedUp = true;
      }
    });
    const outcome = await run(tool, { onEvent: (e) => events.push(e.type) });
    await Promise.resolve();
    expect(outcome).toEqual({
      status: 'failed',
      error: { message: 'Disk full', code: 'ENOSPC' },
      text: 'Error: Disk full',
      truncated: false,
    });
    expect(events).toEqual(['start', 'error']);
    expect(cleanedUp).toBe(true);
  });

  it('catches a synchronous throw and keeps a string error code', async () => {
    const tool = makeTool(() => {
      throw Object.assign(new Error('No such file'), { code: 'ENOENT' });
    });
    expect(await run(tool)).toEqual({
      status: 'failed',
      error: { message: 'No such file', code: 'ENOENT' },
      text: 'Error: No such file',
      truncated: false,
    });
  });

  it('catches a rejected promise, even with a non-Error reason', async () => {
    expect(await run(makeTool(() => Promise.reject('went wrong')))).toMatchObject({
      status: 'failed',
      error: { message: 'went wrong' },
      text: 'Error: went wrong',
    });
  });

  it('catches a generator that throws midway, after forwarding what it emitted', async () => {
    const events: string[] = [];
    const tool = makeTool(async function* () {
      yield { type: 'progress', percentage: 10 };
      throw new RangeError('Out of range');
    });
    expect(await run(tool, { onEvent: (e) => events.push(e.type) })).toMatchObject({
      status: 'failed',
      error: { message: 'Out of range' },
    });
    expect(events).toEqual(['progress']);
  });

  it('fails on an event it does not know instead of guessing', async () => {
    const tool = makeTool(async function* () {
      yield { type: 'finished' } as unknown as ToolEvent;
    });
    expect(await run(tool)).toMatchObject({
      status: 'failed',
      error: { message: 'The tool emitted an unknown event: {"type":"finished"}', code: 'bad_event' },
    });
  });

  it.each([
    ['a circular value', () => { const o: Record<string, unknown> = {}; o.me = o; return o; }, 'circular reference at $.me'],
    ['a BigInt', () => ({ n: 1n }), 'a BigInt at $.n'],
    ['a function', () => ({ callback: () => 1 }), 'a function at $.callback'],
  ])('fails cleanly on %s', async (_name, value, detail) => {
    const outcome = await run(makeTool(value));
    expect(outcome.status).toBe('failed');
    expect(outcome.error).toEqual({ message: expect.stringContaining(detail), code: 'unserialisable' });
    expect(outcome.text).toBe(`Error: ${outcome.error?.message}`);
    expect(outcome.value).toBeUndefined();
  });

  it('fails the call when the event listener throws, without throwing itself', async () => {
    const tool = makeTool(async function* () {
      yield { type: 'start' };
      yield { type: 'done', result: 1 };
    });
    const outcome = await run(tool, {
      onEvent: () => {
        throw new Error('listener broke');
      },
    });
    expect(outcome).toMatchObject({ status: 'failed', error: { message: 'listener broke' } });
  });
});

describe('validateCall', () => {
  const weather = makeTool(() => 'sunny', {
    name: 'get_weather',
    parameters: {
      type: 'object',
      properties: { city: { type: 'string' } },
      required: ['city'],
      additionalProperties: false,
    },
  });
  const registry = createToolRegistry([weather, makeTool(() => 1, { name: 'calculator' })]);

  it('returns the tool for valid arguments', () => {
    expect(validateCall(registry, 'get_weather', { city: 'Oslo' })).toEqual({ ok: true, tool: weather });
  });

  it('names the available tools for an unknown one', () => {
    expect(validateCall(registry, 'get_wether', {})).toEqual({
      ok: false,
      error: 'Unknown tool "get_wether". Available tools: get_weather, calculator',
    });
    expect(validateCall(createToolRegistry([]), 'x', {})).toEqual({
      ok: false,
      error: 'Unknown tool "x". No tools are available.',
    });
  });

  it('reports every schema error', () => {
    expect(validateCall(registry, 'get_weather', { city: 3, units: 'C' })).toEqual({
      ok: false,
      error: 'Invalid arguments for "get_weather": (arguments) has unknown property "units"; /city must be string',
    });
    expect(validateCall(registry, 'get_weather', {})).toEqual({
      ok: false,
      error: 'Invalid arguments for "get_weather": (arguments) is missing required property "city"',
    });
  });
});
