// The fetch the MCP transport uses. It gives every JSON-RPC request its own AbortController so that
// cancelling a request also ends *our* side of its HTTP exchange at once.
//
// Why: with Streamable HTTP a tools/call answers with an event stream that the server closes when the
// call ends. The SDK sends notifications/cancelled on Cancel but keeps reading that stream, and a server
// that ignores cancellation never closes it. Browsers allow six connections per host, so a handful of
// cancels used to starve every later request to that server (an instant call sat "Running" for 20 s+).
// The SDK shares one AbortController for the whole transport, so the per-request one lives here.
//
// A cancelled stream that carried event ids would also be "resumed" by the SDK (a GET with
// Last-Event-ID), which reopens the very stream we just closed; those resumptions are answered here
// with 405, which the SDK takes as "no stream to resume".

type Fetch = (url: string | URL, init?: RequestInit) => Promise<Response>;

type RequestId = string | number;

interface Live {
  controller: AbortController;
  /** Event ids seen on this request's stream: a later resumption from any of them is refused. */
  eventIds: Set<string>;
}

export interface RequestFetch {
  fetch: Fetch;
  /** How many request exchanges are open right now (for tests). */
  openCount(): number;
}

const MAX_REMEMBERED_EVENT_IDS = 1000;

export function createRequestFetch(base: Fetch = (url, init) => globalThis.fetch(url, init)): RequestFetch {
  const live = new Map<RequestId, Live>();
  const cancelledEventIds = new Set<string>();

  const cancel = (id: RequestId) => {
    const entry = live.get(id);
    if (!entry) return;
    live.delete(id);
    for (const eventId of entry.eventIds) cancelledEventIds.add(eventId);
    // Keep the memory bounded in a long session: the oldest ids go first (a Set keeps insertion order).
    for (const old of cancelledEventIds) {
      if (cancelledEventIds.size <= MAX_REMEMBERED_EVENT_IDS) break;
      cancelledEventIds.delete(old);
    }
    entry.controller.abort(new DOMException('The MCP request was cancelled.', 'AbortError'));
  };

  const fetch: Fetch = async (url, init = {}) => {
    const method = (init.method ?? 'GET').toUpperCase();
    if (method === 'GET') {
      const lastEventId = new Headers(init.headers).get('last-event-id');
      if (lastEventId && cancelledEventIds.has(lastEventId)) return new Response(null, { status: 405 });
      return base(url, init);
    }
    if (method !== 'POST') return base(url, init);

    const message = parse(init.body);
    if (message.kind === 'cancelled') {
      // End the cancelled exchange before the notification goes out: it may need that very connection.
      cancel(message.requestId);
      return base(url, init);
    }
    if (message.kind !== 'request') return base(url, init);

    const entry: Live = { controller: new AbortController(), eventIds: new Set() };
    const { id } = message;
    live.set(id, entry);
    const signal = init.signal ? AbortSignal.any([init.signal, entry.controller.signal]) : entry.controller.signal;
    const done = () => {
      if (live.get(id) === entry) live.delete(id);
    };
    let response: Response;
    try {
      response = await base(url, { ...init, signal });
    } catch (error) {
      done();
      throw error;
    }
    const type = response.headers.get('content-type') ?? '';
    if (!response.body || !/^\s*text\/event-stream/i.test(type)) {
      // A JSON answer is read whole by the SDK right away; nothing stays open.
      done();
      return response;
    }
    const body = response.body.pipeThrough(eventIdTap((eventId) => entry.eventIds.add(eventId), done));
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  };

  return { fetch, openCount: () => live.size };
}

type Outgoing = { kind: 'request'; id: RequestId } | { kind: 'cancelled'; requestId: RequestId } | { kind: 'other' };

function parse(body: RequestInit['body']): Outgoing {
  if (typeof body !== 'string') return { kind: 'other' };
  let message: unknown;
  try {
    message = JSON.parse(body);
  } catch {
    return { kind: 'other' };
  }
  if (!message || typeof message !== 'object' || Array.isArray(message)) return { kind: 'other' };
  const { id, method, params } = message as { id?: unknown; method?: unknown; params?: { requestId?: unknown } };
  if (method === 'notifications/cancelled' && isId(params?.requestId)) return { kind: 'cancelled', requestId: params.requestId };
  if (typeof method === 'string' && isId(id)) return { kind: 'request', id };
  return { kind: 'other' };
}

const isId = (value: unknown): value is RequestId => typeof value === 'string' || typeof value === 'number';

/** Passes bytes through untouched and reports each SSE `id:` field; `end` runs when the stream ends either way. */
function eventIdTap(onId: (id: string) => void, end: () => void): TransformStream<Uint8Array, Uint8Array> {
  const decoder = new TextDecoder();
  let partial = '';
  const scan = (text: string) => {
    const lines = (partial + text).split(/\r\n|\r|\n/);
    partial = lines.pop() ?? '';
    for (const line of lines) if (line.startsWith('id:')) onId(line.slice(line.startsWith('id: ') ? 4 : 3));
  };
  return new TransformStream({
    transform(chunk, controller) {
      scan(decoder.decode(chunk, { stream: true }));
      controller.enqueue(chunk);
    },
    flush() {
      end();
    },
    cancel() {
      end();
    },
  } as Transformer<Uint8Array, Uint8Array>);
}
