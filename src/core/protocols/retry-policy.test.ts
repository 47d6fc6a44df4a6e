// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { httpModelError } from './shared';
import { retryStatusText, withRetry, type RetryInfo } from './retry-policy';
import { createSseDecoder } from './sse-decoder';
import { StreamError } from './stream-error';
import { ModelError, type ModelClient, type ModelEvent } from './types';

type Step = ModelEvent[] | { events?: ModelEvent[]; error: unknown };

/** A client whose n-th call yields the n-th step's events and then throws its error, if any. */
function scripted(steps: Step[]) {
  const calls = { count: 0 };
  const client: ModelClient = {
    label: 'fake',
    async *stream() {
      const step = steps[calls.count++];
      if (!step) throw new Error('no more steps');
      const events = Array.isArray(step) ? step : (step.events ?? []);
      for (const e of events) yield e;
      if (!Array.isArray(step)) throw step.error;
    },
  };
  return { client, calls };
}

async function run(client: ModelClient, opts: { maxWaitMs?: number; signal?: AbortSignal } = {}) {
  const slept: number[] = [];
  const waits: RetryInfo[] = [];
  const events: ModelEvent[] = [];
  const wrapped = withRetry(client, { maxWaitMs: opts.maxWaitMs, sleep: async (ms) => void slept.push(ms), onWait: (i) => waits.push(i) });
  let error: unknown;
  try {
    for await (const e of wrapped.stream({ messages: [], tools: [], signal: opts.signal ?? new AbortController().signal })) events.push(e);
  } catch (e) {
    error = e;
  }
  return { slept, waits, events, error };
}

const ok: ModelEvent[] = [{ type: 'text-delta', text: 'hi' }, { type: 'finish', reason: 'stop' }];
const http = (status: number, detail = 'x', retryAfter: string | null = null, code?: string) => httpModelError(status, detail, retryAfter, '', code);

describe('withRetry', () => {
  it('honours Retry-After on 429, announcing the wait before sleeping, then streams the answer', async () => {
    const { client, calls } = scripted([{ error: http(429, 'slow down', '3') }, ok]);
    const { slept, events, error } = await run(client);
    expect(error).toBeUndefined();
    expect(calls.count).toBe(2);
    expect(slept).toEqual([3000]);
    expect(events[0]).toEqual({ type: 'retrying', attempt: 2, maxAttempts: 3, inMs: 3000, reason: 'Rate limited' });
    expect(events.slice(1)).toEqual(ok);
    expect(retryStatusText(events[0] as RetryInfo)).toBe('Rate limited — retrying in 3 s (attempt 2 of 3)');
  });

  it('fails at once when Retry-After exceeds the cap, saying how long the server asked', async () => {
    const { client, calls } = scripted([{ error: http(429, 'slow down', '3600') }, ok]);
    const { slept, error } = await run(client, { maxWaitMs: 20_000 });
    expect(calls.count).toBe(1);
    expect(slept).toEqual([]);
    expect(error).toBeInstanceOf(ModelError);
    expect((error as ModelError).kind).toBe('rate_limit');
    expect((error as ModelError).message).toMatch(/asked to wait 3600 s/);
  });

  it('never retries a quota error, whether flagged by code or by message', async () => {
    for (const err of [http(429, 'nope', '1', 'insufficient_quota'), http(429, 'You exceeded your current quota', '1')]) {
      const { client, calls } = scripted([{ error: err }, ok]);
      const { error, slept } = await run(client);
      expect(calls.count).toBe(1);
      expect(slept).toEqual([]);
      expect((error as ModelError).code).toBe('insufficient_quota');
      expect((error as ModelError).message).toMatch(/Out of quota/);
    }
  });

  it('backs off 1 s then 2 s on 5xx and gives up after three attempts', async () => {
    const { client, calls } = scripted([{ error: http(500) }, { error: http(502) }, { error: http(503, 'down') }, ok]);
    const { slept, waits, error } = await run(client);
    expect(calls.count).toBe(3);
    expect(slept).toEqual([1000, 2000]);
    expect(waits.map((w) => w.attempt)).toEqual([2, 3]);
    expect((error as ModelError).status).toBe(503);
  });

  it('retries a network failure once only', async () => {
    const net = () => new ModelError('network', 'Could not reach the server.');
    const { client, calls } = scripted([{ error: net() }, { error: net() }, ok]);
    const { slept, error } = await run(client);
    expect(calls.count).toBe(2);
    expect(slept).toEqual([1000]);
    expect((error as ModelError).kind).toBe('network');
  });

  it('never retries 400, 401, 403, 404, stream errors or timeouts', async () => {
    const errors = [http(400), http(401), http(403), http(404), new StreamError('bad', { message: 'm', type: null, code: null }), new ModelError('timeout', 't')];
    for (const err of errors) {
      const { client, calls } = scripted([{ error: err }, ok]);
      const { error, slept } = await run(client);
      expect(calls.count).toBe(1);
      expect(slept).toEqual([]);
      expect(error).toBe(err);
    }
  });

  it('never retries after the first token, so a half-streamed answer is not replayed', async () => {
    const { client, calls } = scripted([{ events: [{ type: 'text-delta', text: 'Hel' }], error: http(500) }, ok]);
    const { events, error, slept } = await run(client);
    expect(calls.count).toBe(1);
    expect(slept).toEqual([]);
    expect(events).toEqual([{ type: 'text-delta', text: 'Hel' }]);
    expect((error as ModelError).kind).toBe('server');
  });

  it('still retries when only raw events came before the failure', async () => {
    const { client, calls } = scripted([{ events: [{ type: 'raw', data: {} }], error: http(500) }, ok]);
    const { error } = await run(client);
    expect(error).toBeUndefined();
    expect(calls.count).toBe(2);
  });

  it('does not retry once the request was aborted, and a stop during the wait ends it', async () => {
    const abort = new AbortController();
    abort.abort();
    const { client, calls } = scripted([{ error: http(500) }, ok]);
    await run(client, { signal: abort.signal });
    expect(calls.count).toBe(1);

    const live = new AbortController();
    const second = scripted([{ error: http(429, 'x', '5') }, ok]);
    const wrapped = withRetry(second.client);
    const it = wrapped.stream({ messages: [], tools: [], signal: live.signal })[Symbol.asyncIterator]();
    expect((await it.next()).value).toMatchObject({ type: 'retrying', inMs: 5000 });
    const pending = it.next();
    live.abort();
    await expect(pending).rejects.toMatchObject({ kind: 'aborted' });
    expect(second.calls.count).toBe(1);
  });

  it('passes non-ModelErrors through untouched', async () => {
    const boom = new TypeError('bug');
    const { client, calls } = scripted([{ error: boom }, ok]);
    expect((await run(client)).error).toBe(boom);
    expect(calls.count).toBe(1);
  });
});

describe('stream decoding faults', () => {
  it('replaces invalid UTF-8 with U+FFFD instead of throwing', () => {
    const d = createSseDecoder();
    const bytes = new Uint8Array([...new TextEncoder().encode('data: a'), 0xff, 0xc3, ...new TextEncoder().encode('b\n\n')]);
    expect(d.push(bytes)).toEqual([{ event: undefined, data: 'a\uFFFD\uFFFDb' }]);
  });

  it('decodes a single 5 MB line fed in 16 KB chunks without quadratic blowup', () => {
    const payload = 'x'.repeat(5 * 1024 * 1024);
    const bytes = new TextEncoder().encode(`data: ${payload}\n\n`);
    const d = createSseDecoder();
    const started = performance.now();
    const out = [];
    for (let i = 0; i < bytes.length; i += 16 * 1024) out.push(...d.push(bytes.subarray(i, i + 16 * 1024)));
    out.push(...d.end());
    const ms = performance.now() - started;
    expect(out).toHaveLength(1);
    expect(out[0].data.length).toBe(payload.length);
    // Re-scanning the whole buffer per chunk would take minutes here; linear decoding takes well under a second.
    expect(ms).toBeLessThan(5000);
  });
});

describe('first-byte timeout and unknown events', () => {
  it('fails a request whose headers never come within timeoutMs as a timeout, which is not retried', async () => {
    const { startMockServer } = await import('../../../e2e/mock/server-core.mjs');
    const { createOpenAIChatClient } = await import('./openai-chat');
    const mock = await startMockServer({ port: 0 });
    try {
      const key = `first-byte-${Date.now()}`;
      const script = { text: 'late', fault: { type: 'stall', ms: 3000 } };
      await fetch(`${mock.url}/__mock/queue?key=${key}`, { method: 'POST', body: JSON.stringify({ responses: [script, script] }) });
      const inner = createOpenAIChatClient({ baseURL: `${mock.url}/v1`, apiKey: key, model: 'mock-small', streaming: false, timeoutMs: 300 });
      const started = Date.now();
      const { error, slept } = await run(inner);
      expect((error as ModelError).kind).toBe('timeout');
      expect((error as ModelError).message).toMatch(/no response within 0 s|no response within/);
      expect(slept).toEqual([]);
      expect(Date.now() - started).toBeLessThan(2500);
    } finally {
      await mock.close();
    }
  });

  it('ignores an unknown chunk type in an OpenAI stream and keeps the text around it', async () => {
    const { chunkEvents } = await import('./openai-chat');
    async function* lines() {
      yield '{"choices":[{"index":0,"delta":{"content":"Hel"}}]}';
      yield { event: 'mystery', data: '{"object":"something.new","payload":1}' };
      yield '{"object":"chat.completion.unknown_kind"}';
      yield '{"choices":[{"index":0,"delta":{"content":"lo"}}]}';
      yield '{"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}';
      yield '[DONE]';
    }
    const events: ModelEvent[] = [];
    for await (const e of chunkEvents(lines())) if (e.type !== 'raw') events.push(e);
    expect(events.map((e) => (e.type === 'text-delta' ? e.text : '')).join('')).toBe('Hello');
    expect(events.at(-1)).toMatchObject({ type: 'finish', reason: 'stop' });
  });
});
