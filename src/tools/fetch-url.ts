import type { ToolDefinition } from '../core/tools/types';

export const DEFAULT_FETCH_LIMIT_BYTES = 100 * 1024;
const MAX_FETCH_LIMIT_BYTES = 1024 * 1024;
export const CORS_MESSAGE =
  'The request was blocked or failed (CORS or network). Many sites do not allow reading from another origin in the browser.';

export interface FetchUrlOptions {
  /** The fetch to use; the global one (looked up at call time) when absent. */
  fetch?: typeof fetch;
  /** How long to wait for the response and its body. */
  timeoutMs?: number;
}

interface FetchUrlArgs {
  url: string;
  maxBytes?: number;
}

const TEXTUAL = /^(text\/|application\/(json|xml|xhtml\+xml|javascript|ecmascript|x-www-form-urlencoded|x-ndjson|yaml|x-yaml|csv|rss\+xml|atom\+xml)|image\/svg\+xml|[^;]*\+(json|xml))/i;

function isTextual(contentType: string): boolean {
  return contentType === '' || TEXTUAL.test(contentType.trim());
}

function parseHttpUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`"${raw}" is not an absolute URL; give one that starts with https:// or http://.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Error(`Only http:// and https:// URLs can be fetched, not ${url.protocol} URLs.`);
  return url;
}

async function readText(response: Response, limit: number): Promise<{ text: string; truncated: boolean }> {
  const decoder = new TextDecoder();
  if (!response.body) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    const truncated = bytes.byteLength > limit;
    return { text: decoder.decode(bytes.subarray(0, limit), { stream: truncated }), truncated };
  }
  const reader = response.body.getReader();
  let received = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { text: text + decoder.decode(), truncated: false };
    if (received + value.byteLength > limit) {
      // Not flushing the decoder drops a character cut in half at the limit.
      text += decoder.decode(value.subarray(0, limit - received), { stream: true });
      reader.cancel().catch(() => undefined);
      return { text, truncated: true };
    }
    received += value.byteLength;
    text += decoder.decode(value, { stream: true });
  }
}

/** fetch_url: GET an http(s) URL from the browser and return its text, capped in size. */
export function createFetchUrlTool(options: FetchUrlOptions = {}): ToolDefinition {
  const timeoutMs = options.timeoutMs ?? 20_000;
  return {
    name: 'fetch_url',
    description:
      'Downloads a web page or API response with an HTTP GET from the user\'s browser and returns its status, content type ' +
      'and text (the first 100 KB unless maxBytes says otherwise; truncated: true when cut). The user is asked to approve ' +
      'each request. Only http and https URLs work, no cookies are sent, and many sites block reads from a browser (CORS), ' +
      'which fails with an error: public APIs that allow CORS work best.',
    parameters: {
      type: 'object',
      properties: {
        url: { type: 'string', minLength: 1, maxLength: 8000, description: 'Absolute http:// or https:// URL to GET.' },
        maxBytes: {
          type: 'integer',
          minimum: 1,
          maximum: MAX_FETCH_LIMIT_BYTES,
          description: `Most bytes of the body to return (default ${DEFAULT_FETCH_LIMIT_BYTES}, at most ${MAX_FETCH_LIMIT_BYTES}).`,
        },
      },
      required: ['url'],
      additionalProperties: false,
    },
    policy: 'ask',
    // The executor's own deadline must not pre-empt this tool's clearer timeout message.
    timeoutMs: timeoutMs + 5_000,
    async run(args: FetchUrlArgs, { signal }) {
      const url = parseHttpUrl(args.url);
      const limit = args.maxBytes ?? DEFAULT_FETCH_LIMIT_BYTES;
      const deadline = AbortSignal.timeout(timeoutMs);
      const combined = AbortSignal.any([signal, deadline]);
      const doFetch = options.fetch ?? globalThis.fetch;
      const rethrow = (error: unknown, whileReading: boolean): never => {
        if (signal.aborted) throw signal.reason;
        if (deadline.aborted) throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${url.href}`);
        if (error instanceof TypeError)
          throw new Error(whileReading ? `The connection failed while reading ${url.href}.` : CORS_MESSAGE);
        throw error;
      };

      let response: Response;
      try {
        response = await doFetch(url.href, { method: 'GET', credentials: 'omit', redirect: 'follow', signal: combined });
      } catch (error) {
        return rethrow(error, false);
      }
      const contentType = response.headers.get('content-type') ?? '';
      const base = { url: response.url || url.href, status: response.status, contentType };
      if (!isTextual(contentType)) {
        response.body?.cancel().catch(() => undefined);
        return { ...base, text: '', truncated: false, note: `The body is binary (${contentType}) and was not read.` };
      }
      try {
        return { ...base, ...(await readText(response, limit)) };
      } catch (error) {
        return rethrow(error, true);
      }
    },
  };
}
