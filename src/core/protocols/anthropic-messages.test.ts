// @vitest-environment node
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAnthropicClient, type AnthropicOptions } from './anthropic-messages';
import { ModelError, type ModelEvent, type ModelRequest } from './types';

const fixture = readFileSync(new URL('./__fixtures__/streams/anthropic-messages-anthropic-text-then-tool.sse', import.meta.url));
const KEY = 'sk-ant-secret-123';

interface Call {
  url: string;
  init: RequestInit;
}

/** Stubs fetch with one answer per call; records what was sent. */
function stubFetch(...answers: ((init: RequestInit) => Response | Promise<Response>)[]): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    const answer = answers.shift();
    if (!answer) throw new Error('unexpected fetch');
    return answer(init);
  });
  return calls;
}
afterEach(() => vi.unstubAllGlobals());

/** A body that sends `bytes` in small pieces, then optionally hangs. */
function sseBody(bytes: Uint8Array, opts: { pieces?: number; hang?: boolean; onCancel?: () => void } = {}): ReadableStream<Uint8Array> {
  const size = Math.ceil(bytes.length / (opts.pieces ?? 7));
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at < bytes.length) {
        controller.enqueue(bytes.slice(at, (at += size)));
      } else if (!opts.hang) controller.close();
      else return new Promise(() => {});
    },
    cancel: opts.onCancel,
  });
}
const sse = (body: ReadableStream<Uint8Array>) => new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

const base: AnthropicOptions = { baseURL: 'https://api.example.test', apiKey: KEY, model: 'claude-test', streaming: true };
const request = (signal = new AbortController().signal): ModelRequest => ({
  messages: [
    { role: 'system', content: 'Be brief.' },
    { role: 'user', content: 'Weather in Paris?' },
  ],
  tools: [{ name: 'get_weather', description: 'Weather', parameters: { type: 'object', properties: { location: { type: 'string' } } } }],
  signal,
});
async function collect(opts: Partial<AnthropicOptions> = {}, req = request()): Promise<ModelEvent[]> {
  const out: ModelEvent[] = [];
  for await (const e of createAnthropicClient({ ...base, ...opts }).stream(req)) if (e.type !== 'raw') out.push(e);
  return out;
}
const failure = (p: Promise<unknown>) => p.then(() => Promise.reject(new Error('expected a failure')), (e) => e as ModelError);

describe('Anthropic client (stubbed fetch)', () => {
  it('posts to /v1/messages with the Anthropic headers and decodes the stream', async () => {
    const calls = stubFetch(() => sse(sseBody(fixture)));
    const events = await collect();
    expect(calls[0].url).toBe('https://api.example.test/v1/messages');
    expect(calls[0].init.method).toBe('POST');
    expect(calls[0].init.headers).toEqual({
      'content-type': 'application/json',
      'anthropic-version': '2023-06-01',
      'anthropic-dangerous-direct-browser-access': 'true',
      'x-api-key': KEY,
    });
    const body = JSON.parse(String(calls[0].init.body));
    expect(body).toMatchObject({ model: 'claude-test', max_tokens: 4096, system: 'Be brief.', stream: true });
    expect(body.tools[0]).toMatchObject({ name: 'get_weather', input_schema: { type: 'object' } });
    expect(events.filter((e) => e.type === 'text-delta').map((e) => (e as { text: string }).text).join('')).toBe(
      "I'll check the current weather in Paris for you.",
    );
    expect(events.find((e) => e.type === 'tool-call-end')).toMatchObject({ id: 'toolu_01NRLabsLyVHZPKxbKvkfSMn', args: { location: 'Paris' } });
    expect(events.at(-1)).toMatchObject({ type: 'finish', reason: 'tool_calls', rawReason: 'tool_use' });
  });

  it('accepts a base URL that already ends in /v1, and sends no key header without a key', async () => {
    const calls = stubFetch(() => sse(sseBody(fixture)));
    await collect({ baseURL: 'https://gw.example.test/anthropic/v1/', apiKey: '' });
    expect(calls[0].url).toBe('https://gw.example.test/anthropic/v1/messages');
    expect(calls[0].init.headers).not.toHaveProperty('x-api-key');
  });

  it('does non-streaming requests, and reads a JSON answer to a streaming request the same way', async () => {
    const message = { type: 'message', content: [{ type: 'text', text: 'Hello.' }], stop_reason: 'end_turn', usage: { input_tokens: 2, output_tokens: 1 } };
    const calls = stubFetch(
      () => json(200, message),
      () => json(200, message),
    );
    for (const streaming of [false, true]) {
      const events = await collect({ streaming, maxTokens: 64 });
      expect(events).toEqual([
        { type: 'text-delta', text: 'Hello.' },
        { type: 'finish', reason: 'stop', rawReason: 'end_turn', usage: { inputTokens: 2, outputTokens: 1 } },
      ]);
    }
    expect(JSON.parse(String(calls[0].init.body))).toMatchObject({ stream: false, max_tokens: 64 });
  });

  it('classifies HTTP errors from Anthropic’s error body and never echoes the key', async () => {
    const error = (type: string, message: string) => ({ type: 'error', error: { type, message } });
    stubFetch(
      () => json(401, error('authentication_error', `invalid x-api-key ${KEY}`)),
      () => json(429, error('rate_limit_error', 'Slow down'), { 'retry-after': '3' }),
      () => json(529, error('overloaded_error', 'Overloaded')),
      () => new Response('<html>Bad gateway</html>', { status: 502 }),
      () => json(400, error('invalid_request_error', 'messages: roles must alternate')),
    );
    const auth = await failure(collect());
    expect(auth).toMatchObject({ kind: 'auth', status: 401 });
    expect(auth.message).toMatch(/HTTP 401.*invalid x-api-key/);
    expect(auth.message).not.toContain(KEY);
    const limited = await failure(collect());
    expect(limited).toMatchObject({ kind: 'rate_limit', retryAfterMs: 3000 });
    expect(limited.message).toMatch(/Try again in 3 s/);
    expect(await failure(collect())).toMatchObject({ kind: 'server', status: 529, message: expect.stringContaining('Overloaded') });
    expect(await failure(collect())).toMatchObject({ kind: 'server', message: expect.stringContaining('Bad gateway') });
    expect(await failure(collect())).toMatchObject({ kind: 'bad_request', message: expect.stringContaining('roles must alternate') });
  });

  it('reports an unreachable server, an in-stream error event and a stream that ends early', async () => {
    const enc = new TextEncoder();
    stubFetch(
      () => Promise.reject(new TypeError('Failed to fetch')),
      () => sse(sseBody(enc.encode('event: message_start\ndata: {"type":"message_start","message":{"id":"m"}}\n\nevent: error\ndata: {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}\n\n'))),
      () => sse(sseBody(fixture.subarray(0, 900))),
    );
    expect(await failure(collect())).toMatchObject({ kind: 'network', message: expect.stringMatching(/CORS/) });
    expect(await failure(collect())).toMatchObject({ kind: 'stream', detail: { type: 'overloaded_error' } });
    expect(await failure(collect())).toMatchObject({ kind: 'stream', message: expect.stringMatching(/closed before the answer finished/) });
  });

  it('stops on abort and closes the stream', async () => {
    let cancelled = false;
    stubFetch(() => sse(sseBody(fixture.subarray(0, 700), { pieces: 2, hang: true, onCancel: () => void (cancelled = true) })));
    const abort = new AbortController();
    const err = await failure(
      (async () => {
        for await (const e of createAnthropicClient(base).stream(request(abort.signal))) if (e.type === 'text-delta') abort.abort();
      })(),
    );
    expect(err).toMatchObject({ kind: 'aborted' });
    expect(cancelled).toBe(true);
  });

  it('gives up on a stalled stream (idle watchdog) and on headers that never come', async () => {
    stubFetch(
      () => sse(sseBody(fixture.subarray(0, 300), { hang: true })),
      (init) => new Promise((_, reject) => init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))),
    );
    expect(await failure(collect({ idleTimeoutMs: 50 }))).toMatchObject({ kind: 'timeout' });
    expect(await failure(collect({ timeoutMs: 50 }))).toMatchObject({ kind: 'timeout', message: expect.stringMatching(/did not answer in time/) });
  });
});
