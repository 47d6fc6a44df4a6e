// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createRequestFetch } from './request-fetch';

// A server that never ends a call's event stream (it ignores cancellation): each POST answers with a
// stream that stays open until the request's signal aborts.
function neverEndingServer() {
  const seen: { method: string; body?: string; lastEventId: string | null }[] = [];
  const aborted: string[] = [];
  const base = async (_url: string | URL, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    seen.push({ method, body: init.body as string | undefined, lastEventId: new Headers(init.headers).get('last-event-id') });
    const id = init.body ? String(JSON.parse(init.body as string).id) : '';
    if (method !== 'POST' || !init.body || !(init.body as string).includes('"id"')) return new Response(null, { status: 202 });
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode(`id: ev-${id}-1\ndata: \n\n`));
        // The id field split across two chunks still counts.
        controller.enqueue(encoder.encode(`id: ev-${id}`));
        controller.enqueue(encoder.encode(`-2\ndata: {"jsonrpc":"2.0","method":"notifications/progress","params":{}}\n\n`));
        init.signal?.addEventListener('abort', () => {
          aborted.push(id);
          controller.error(init.signal!.reason);
        });
      },
    });
    return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
  };
  return { base, seen, aborted };
}

const post = (message: object) => ({ method: 'POST', body: JSON.stringify(message), headers: { 'content-type': 'application/json' } });
const call = (id: number) => post({ jsonrpc: '2.0', id, method: 'tools/call', params: { name: 'slow' } });
const cancelled = (requestId: number) => post({ jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId } });

async function readAll(response: Response) {
  const reader = response.body!.getReader();
  let text = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return { text, error: null };
      text += new TextDecoder().decode(value);
    }
  } catch (error) {
    return { text, error };
  }
}

describe('createRequestFetch', () => {
  it('a cancellation ends the cancelled request’s stream at once, before the notification is sent', async () => {
    const server = neverEndingServer();
    const { fetch, openCount } = createRequestFetch(server.base);
    const streams = await Promise.all([1, 2, 3].map((id) => fetch('http://mcp.test/mcp', call(id))));
    expect(openCount()).toBe(3);
    const reading = readAll(streams[1]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    await fetch('http://mcp.test/mcp', cancelled(2));
    const { text, error } = await reading;
    expect(text).toContain('id: ev-2-2');
    expect(error).toMatchObject({ name: 'AbortError' });
    expect(server.aborted).toEqual(['2']);
    expect(openCount()).toBe(2);
    // The abort happened before the notification reached the server.
    expect(server.seen.at(-1)!.body).toContain('notifications/cancelled');
  });

  it('refuses to resume a cancelled stream from any of its event ids, and passes other resumptions on', async () => {
    const server = neverEndingServer();
    const { fetch } = createRequestFetch(server.base);
    const response = await fetch('http://mcp.test/mcp', call(7));
    const reading = readAll(response);
    // Let the tap see the events before the cancellation.
    await new Promise((resolve) => setTimeout(resolve, 0));
    await fetch('http://mcp.test/mcp', cancelled(7));
    await reading;
    const resume = await fetch('http://mcp.test/mcp', { method: 'GET', headers: new Headers({ 'last-event-id': 'ev-7-2' }) });
    expect(resume.status).toBe(405);
    expect(server.seen.filter((s) => s.method === 'GET')).toEqual([]);
    await fetch('http://mcp.test/mcp', { method: 'GET', headers: { 'last-event-id': 'ev-other-1' } });
    expect(server.seen.filter((s) => s.method === 'GET').map((s) => s.lastEventId)).toEqual(['ev-other-1']);
  });

  it('the transport’s own abort still ends every exchange, and a finished stream is forgotten', async () => {
    const transport = new AbortController();
    const server = neverEndingServer();
    const { fetch } = createRequestFetch(server.base);
    const response = await fetch('http://mcp.test/mcp', { ...call(1), signal: transport.signal });
    const reading = readAll(response);
    transport.abort();
    expect((await reading).error).toBeTruthy();
    expect(server.aborted).toEqual(['1']);

    const json = createRequestFetch(async () => new Response('{"jsonrpc":"2.0","id":5,"result":{}}', { headers: { 'content-type': 'application/json' } }));
    await json.fetch('http://mcp.test/mcp', call(5));
    expect(json.openCount()).toBe(0);
    // A cancellation for something already finished changes nothing.
    await json.fetch('http://mcp.test/mcp', cancelled(5));
    expect(json.openCount()).toBe(0);
  });
});
