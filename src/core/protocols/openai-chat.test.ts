// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockRequestRecord, type MockScript, type MockServer } from '../../../e2e/mock/server-core.mjs';
import { createOpenAIChatClient } from './openai-chat';
import { ModelError, type ModelEvent } from './types';

let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer({ port: 0 });
});
afterAll(() => mock.close());

let n = 0;
async function queue(scripts: MockScript[]): Promise<string> {
  const key = `k${++n}-${Date.now()}`;
  await fetch(`${mock.url}/__mock/queue?key=${key}`, { method: 'POST', body: JSON.stringify({ responses: scripts }) });
  return key;
}
async function requests(key: string): Promise<MockRequestRecord[]> {
  return (await fetch(`${mock.url}/__mock/requests?key=${key}`)).json();
}

async function collect(key: string, streaming = true, signal = new AbortController().signal): Promise<ModelEvent[]> {
  const client = createOpenAIChatClient({ baseURL: `${mock.url}/v1`, apiKey: key, model: 'mock-small', streaming });
  const out: ModelEvent[] = [];
  for await (const e of client.stream({ messages: [{ role: 'user', content: 'hi' }], tools: [], signal })) if (e.type !== 'raw') out.push(e);
  return out;
}

const textOf = (events: ModelEvent[]) => events.map((e) => (e.type === 'text-delta' ? e.text : '')).join('');

describe('OpenAI chat client against the mock server', () => {
  for (const streaming of [true, false]) {
    it(`assembles text and a tool call (${streaming ? 'streaming' : 'non-streaming'})`, async () => {
      const key = await queue([{ text: 'Héllo 🙂 world', toolCalls: [{ id: 'call_1', name: 'calc', arguments: { expression: '1+2' } }], delayMs: 0, chunkSize: 3 }]);
      const events = await collect(key, streaming);
      expect(textOf(events)).toBe('Héllo 🙂 world');
      expect(events.find((e) => e.type === 'tool-call-end')).toMatchObject({ id: 'call_1', name: 'calc', args: { expression: '1+2' } });
      expect(events.at(-1)).toMatchObject({ type: 'finish', reason: 'tool_calls' });
      const [req] = await requests(key);
      expect((req.body as { stream?: boolean }).stream ?? false).toBe(streaming);
      if (streaming) expect(events.filter((e) => e.type === 'text-delta').length).toBeGreaterThan(2);
    });
  }

  it('classifies HTTP errors with the status and never echoes the key', async () => {
    const cases: [number, string][] = [[401, 'auth'], [403, 'forbidden'], [404, 'not_found'], [500, 'server'], [400, 'bad_request']];
    for (const [status, kind] of cases) {
      const key = await queue([{ fault: { type: 'http', status, message: 'nope' } }]);
      const err = await collect(key).catch((e) => e);
      expect(err).toBeInstanceOf(ModelError);
      expect(err).toMatchObject({ kind, status });
      expect(err.message).toContain(`HTTP ${status}`);
      expect(err.message).not.toContain(key);
    }
  });

  it('reads Retry-After on 429', async () => {
    const key = await queue([{ fault: { type: 'http', status: 429, retryAfter: 2 } }]);
    const err = await collect(key).catch((e) => e);
    expect(err).toMatchObject({ kind: 'rate_limit', retryAfterMs: 2000 });
    expect(err.message).toMatch(/Try again in 2 s/);
  });

  it('reports a dropped connection instead of ending silently', async () => {
    const key = await queue([{ text: 'a long answer that drops', chunkSize: 2, delayMs: 0, fault: { type: 'drop', afterChunks: 3 } }]);
    const err = await collect(key).catch((e) => e);
    expect(err).toBeInstanceOf(ModelError);
    expect(err.message).toMatch(/connection/i);
  });

  it('reports a malformed line clearly', async () => {
    const key = await queue([{ text: 'abcdef', chunkSize: 2, delayMs: 0, fault: { type: 'malformed', afterChunks: 1 } }]);
    await expect(collect(key)).rejects.toThrow(/malformed stream line/);
  });

  it('reports an in-stream error event', async () => {
    const key = await queue([{ text: 'abcdef', chunkSize: 2, delayMs: 0, fault: { type: 'error-event', afterChunks: 1, message: 'overloaded' } }]);
    await expect(collect(key)).rejects.toThrow(/overloaded/);
  });

  it('closes the connection when aborted', async () => {
    const key = await queue([{ text: 'x'.repeat(400), chunkSize: 2, delayMs: 10 }]);
    const abort = new AbortController();
    const client = createOpenAIChatClient({ baseURL: `${mock.url}/v1`, apiKey: key, model: 'm', streaming: true });
    let seen = 0;
    const err = await (async () => {
      for await (const e of client.stream({ messages: [{ role: 'user', content: 'hi' }], tools: [], signal: abort.signal }))
        if (e.type === 'text-delta' && ++seen === 3) abort.abort();
    })().catch((e) => e);
    expect(err).toMatchObject({ kind: 'aborted' });
    await expect.poll(async () => (await requests(key))[0]?.closedEarly, { timeout: 2000 }).toBe(true);
  });

  it('sends no Authorization header when no key is set', async () => {
    const client = createOpenAIChatClient({ baseURL: `${mock.url}/v1`, apiKey: '', model: 'm', streaming: true });
    await fetch(`${mock.url}/__mock/reset?key=default`, { method: 'POST' });
    for await (const _ of client.stream({ messages: [{ role: 'user', content: 'keyless' }], tools: [], signal: new AbortController().signal }));
    const [req] = await requests('default');
    expect(req.headers.authorization).toBeUndefined();
  });

  it('stops a stalled stream with the idle watchdog', async () => {
    const key = await queue([{ text: 'abcdef', chunkSize: 2, delayMs: 0, fault: { type: 'stall', afterChunks: 1 } }]);
    const client = createOpenAIChatClient({ baseURL: `${mock.url}/v1`, apiKey: key, model: 'm', streaming: true, idleTimeoutMs: 300 });
    const err = await (async () => {
      for await (const _ of client.stream({ messages: [{ role: 'user', content: 'hi' }], tools: [], signal: new AbortController().signal }));
    })().catch((e) => e);
    expect(err).toMatchObject({ kind: 'timeout' });
  });

  describe('reasoning sent back (DeepSeek thinking mode)', () => {
    const history = [
      { role: 'user' as const, content: 'hi' },
      { role: 'assistant' as const, content: '', reasoning: 'think', toolCalls: [{ id: 'c1', name: 'f', argsText: '{}' }] },
      { role: 'tool' as const, toolCallId: 'c1', name: 'f', content: 'done' },
    ];
    const ask = 'Missing `reasoning_content` field in the assistant message at message index 1.';
    async function run(key: string, model: string, sendReasoning?: boolean | 'auto') {
      const client = createOpenAIChatClient({ baseURL: `${mock.url}/v1`, apiKey: key, model, streaming: true, sendReasoning });
      const out: ModelEvent[] = [];
      for await (const e of client.stream({ messages: history, tools: [], signal: new AbortController().signal })) out.push(e);
      return out;
    }
    const echoed = (r: MockRequestRecord) => (r.body as { messages: { reasoning_content?: string }[] }).messages[1].reasoning_content;

    it('auto: retries once with reasoning_content after a 400 that asks for it, then keeps sending it', async () => {
      const key = await queue([{ fault: { type: 'http', status: 400, message: ask } }, { text: 'ok', delayMs: 0 }, { text: 'again', delayMs: 0 }]);
      expect(textOf(await run(key, `ds-${key}`))).toBe('ok');
      expect(textOf(await run(key, `ds-${key}`))).toBe('again');
      const [first, retry, next] = await requests(key);
      expect(echoed(first)).toBeUndefined();
      expect(echoed(retry)).toBe('think');
      expect(echoed(next)).toBe('think');
    });

    it('false: never sends it and surfaces the 400', async () => {
      const key = await queue([{ fault: { type: 'http', status: 400, message: ask } }]);
      await expect(run(key, `ds-${key}`, false)).rejects.toMatchObject({ kind: 'bad_request', status: 400 });
      expect(await requests(key)).toHaveLength(1);
    });

    it('true: sends it from the first request', async () => {
      const key = await queue([{ text: 'ok', delayMs: 0 }]);
      await run(key, `ds-${key}`, true);
      expect(echoed((await requests(key))[0])).toBe('think');
    });
  });
});
