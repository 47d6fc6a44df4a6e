import type { ModelClient, ModelEvent, ModelRequest } from './types';
import { ModelError, REDACTED } from './types';
import { readSse } from './read-sse';
import { decodeStream, withWireText } from './stream-decoder';
import { httpModelError, UNREACHABLE_MESSAGE } from './shared';
import { anthropicMessageEvents, createAnthropicStreamDecoder } from './anthropic-messages-stream';
import { toAnthropicRequest } from './anthropic-messages-request';

export { createAnthropicStreamDecoder, anthropicMessageEvents } from './anthropic-messages-stream';
export { toAnthropicRequest, toAnthropicMessages } from './anthropic-messages-request';

export interface AnthropicOptions {
  /** Without `/v1`, e.g. https://api.anthropic.com (a trailing `/v1` is tolerated). */
  baseURL: string;
  apiKey: string;
  model: string;
  streaming: boolean;
  /** Required by the API; 4096 fits every current model's output limit. */
  maxTokens?: number;
  /** No bytes for this long while streaming means the stream stalled. */
  idleTimeoutMs?: number;
  /** How long to wait for response headers (and for the whole body when not streaming). */
  timeoutMs?: number;
}

/**
 * Anthropic Messages API over plain `fetch`. Deliberately not @anthropic-ai/sdk: it weighs ~80 KB
 * gzip, pulls telemetry dependencies, and its own stream parser would be a second code path that
 * the replay tool could not share — here the body goes through the same SSE decoder and
 * `createAnthropicStreamDecoder` that `npm run replay` uses.
 */
export function createAnthropicClient(opts: AnthropicOptions): ModelClient {
  const url = `${opts.baseURL.trim().replace(/\/+$/, '').replace(/\/v1$/, '')}/v1/messages`;
  return {
    label: opts.model,
    async *stream(request: ModelRequest): AsyncIterable<ModelEvent> {
      const body = toAnthropicRequest(request.messages, request.tools, {
        model: opts.model,
        maxTokens: opts.maxTokens ?? 4096,
        stream: opts.streaming,
      });
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        'anthropic-version': '2023-06-01',
        // Without it the API refuses CORS requests from a page.
        'anthropic-dangerous-direct-browser-access': 'true',
        ...(opts.apiKey ? { 'x-api-key': opts.apiKey } : {}),
      };
      const deadline = linkedTimeout(request.signal, opts.timeoutMs ?? 120_000);
      try {
        let response: Response;
        const shown = opts.apiKey ? { ...headers, 'x-api-key': REDACTED } : headers;
        request.onWire?.({ type: 'request', protocol: 'anthropic-messages', method: 'POST', url, headers: shown, body });
        try {
          response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body), signal: deadline.signal });
        } catch {
          throw deadline.error() ?? new ModelError('network', UNREACHABLE_MESSAGE);
        }
        const contentType = response.headers.get('content-type');
        request.onWire?.({ type: 'response', status: response.status, contentType });
        if (!response.ok) throw await httpError(response, opts.apiKey, deadline);
        if (!opts.streaming || (contentType ?? '').includes('application/json')) {
          // A gateway may answer a streaming request with one JSON message; read it the same way.
          const { json, text } = await readJson(response, deadline);
          yield* withWireText(anthropicMessageEvents(json), text, json);
          return;
        }
        deadline.clear();
        yield* decodeStream(readSse(response, request.signal, opts.idleTimeoutMs ?? 60_000), createAnthropicStreamDecoder());
      } finally {
        deadline.clear();
      }
    },
  };
}

async function httpError(response: Response, apiKey: string, deadline: LinkedTimeout): Promise<ModelError> {
  let text = '';
  try {
    text = await response.text();
  } catch {
    if (deadline.error()) throw deadline.error();
  }
  let detail = text.slice(0, 300);
  try {
    const json = JSON.parse(text);
    detail = String(json?.error?.message ?? json?.message ?? detail);
  } catch {
    // Not JSON (a proxy's HTML page): keep the start of the text.
  }
  return httpModelError(response.status, detail, response.headers.get('retry-after'), apiKey);
}

async function readJson(response: Response, deadline: LinkedTimeout): Promise<{ json: unknown; text: string }> {
  let text: string;
  try {
    text = await response.text();
  } catch {
    throw deadline.error() ?? new ModelError('network', 'The connection dropped while the answer was arriving.');
  }
  try {
    return { json: JSON.parse(text), text };
  } catch {
    throw new ModelError('stream', `The server sent a malformed answer: ${text.slice(0, 80)}`);
  }
}

interface LinkedTimeout {
  signal: AbortSignal;
  /** Why the request was aborted: stopped by the user, or timed out; undefined if neither. */
  error(): ModelError | undefined;
  clear(): void;
}

/** An AbortSignal that follows the caller's signal and also fires after `ms`. */
function linkedTimeout(outer: AbortSignal, ms: number): LinkedTimeout {
  const inner = new AbortController();
  let timedOut = false;
  const onAbort = () => inner.abort();
  outer.addEventListener('abort', onAbort, { once: true });
  if (outer.aborted) inner.abort();
  const timer = setTimeout(() => {
    timedOut = true;
    inner.abort();
  }, ms);
  return {
    signal: inner.signal,
    error() {
      if (outer.aborted) return new ModelError('aborted', 'Stopped.');
      if (timedOut) return new ModelError('timeout', 'The server did not answer in time.');
      return undefined;
    },
    clear() {
      clearTimeout(timer);
      outer.removeEventListener('abort', onAbort);
    },
  };
}
