import { ModelError } from './types';

/** What the provider (or our protocol checks) said went wrong inside a stream, kept verbatim for the replay tool. */
export interface StreamErrorDetail {
  message: string;
  type: string | null;
  code: string | null;
}

/**
 * An error that arrived inside an otherwise successful response: an `error` SSE event, an `error`
 * object in a chunk, a malformed line, or a protocol violation. `detail` holds the provider's own words.
 */
export class StreamError extends ModelError {
  readonly detail: StreamErrorDetail;
  constructor(userMessage: string, detail: StreamErrorDetail) {
    super('stream', userMessage);
    this.name = 'StreamError';
    this.detail = detail;
  }
}

/** A StreamError from a provider error payload: `{error: {...}}`, `{type: 'error', error: {...}}`, `{message}` or a bare string. */
export function providerStreamError(payload: unknown): StreamError {
  const outer = payload as { error?: unknown } | null;
  const inner = outer && typeof outer === 'object' && 'error' in outer ? outer.error : payload;
  const e = (typeof inner === 'string' ? { message: inner } : (inner ?? {})) as { message?: unknown; type?: unknown; code?: unknown };
  const message = typeof e.message === 'string' && e.message ? e.message : 'unknown error';
  const detail = { message, type: scalar(e.type), code: scalar(e.code) };
  return new StreamError(`The provider reported an error mid-stream: ${message}`, detail);
}

/** A StreamError for a stream our decoder cannot accept (malformed JSON, protocol violations). */
export function invalidStreamError(userMessage: string, message: string): StreamError {
  return new StreamError(userMessage, { message, type: 'invalid_stream', code: null });
}

function scalar(v: unknown): string | null {
  return typeof v === 'string' || typeof v === 'number' ? String(v) : null;
}
