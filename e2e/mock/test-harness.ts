// Shared harness for the mock server's own tests: one server per test file, small helpers.
import { afterAll, beforeAll, expect } from 'vitest';
import OpenAI from 'openai';
import type { ChatCompletionChunk } from 'openai/resources/chat/completions';
import { startMockServer, type MockRequestRecord, type MockScript, type MockServer } from './server-core.mjs';

let server: MockServer;

/** Starts a mock server on a free port for the calling test file. */
export function useMockServer(): void {
  beforeAll(async () => {
    server = await startMockServer({ port: 0 });
  });
  afterAll(async () => {
    await server.close();
  });
}

export const mockUrl = (): string => server.url;

export const client = (apiKey: string) => new OpenAI({ apiKey, baseURL: `${server.url}/v1`, maxRetries: 0 });

export async function queue(key: string, responses: MockScript[]): Promise<void> {
  const res = await fetch(`${server.url}/__mock/queue?key=${encodeURIComponent(key)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ responses }),
  });
  expect(res.status).toBe(200);
}

export async function requests(key: string): Promise<MockRequestRecord[]> {
  const res = await fetch(`${server.url}/__mock/requests?key=${encodeURIComponent(key)}`);
  return (await res.json()) as MockRequestRecord[];
}

/** Polls the request log until `done` holds (closing is observed asynchronously by the server). */
export async function waitForRecord(key: string, done: (r: MockRequestRecord) => boolean): Promise<MockRequestRecord> {
  for (let i = 0; i < 100; i++) {
    const found = (await requests(key)).find(done);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`no matching request recorded for ${key}`);
}

export function chatFetch(key: string, body: Record<string, unknown>, init: RequestInit = {}): Promise<Response> {
  return fetch(`${server.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'mock-small', ...body }),
    ...init,
  });
}

export async function collectChunks(apiKey: string, content: string): Promise<ChatCompletionChunk[]> {
  const stream = await client(apiKey).chat.completions.create({
    model: 'mock-small',
    messages: [{ role: 'user', content }],
    stream: true,
  });
  const chunks: ChatCompletionChunk[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return chunks;
}

/** Assembles tool calls the way a client must: by index, id and name only on the first fragment. */
export function assembleToolCalls(chunks: ChatCompletionChunk[]) {
  const calls: { id?: string; name?: string; args: string; fragments: number }[] = [];
  for (const chunk of chunks) {
    for (const frag of chunk.choices[0]?.delta.tool_calls ?? []) {
      const call = (calls[frag.index] ??= { args: '', fragments: 0 });
      if (call.fragments > 0) {
        expect(frag.id).toBeUndefined();
        expect(frag.function?.name).toBeUndefined();
      }
      call.id ??= frag.id;
      call.name ??= frag.function?.name;
      call.args += frag.function?.arguments ?? '';
      call.fragments++;
    }
  }
  return calls;
}
