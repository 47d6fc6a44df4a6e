import { ModelError, type ModelErrorKind, type ModelEvent } from './types';

/*
 * What every protocol client shares, whatever its wire format: parsing a call's arguments, the
 * warning for a stream cut mid-line, and turning an HTTP error into a user-facing ModelError.
 */

/** Parses streamed arguments: "" means {}; a JSON string holding JSON (double-encoded) is unwrapped. */
/** Name given to a call whose name never arrived, so it is reported to the model instead of vanishing. */
export const UNNAMED_CALL = 'unnamed_tool_call';

/** A call's arguments from their JSON text: empty means `{}`; a JSON string holding JSON is unwrapped once. */
export function parseArgs(text: string): { args: unknown; parseError?: string } {
  if (text.trim() === '') return { args: {} };
  try {
    let value: unknown = JSON.parse(text);
    if (typeof value === 'string' && /^\s*[{[]/.test(value)) value = JSON.parse(value);
    return { args: value };
  } catch (e) {
    return { args: undefined, parseError: `Arguments are not valid JSON: ${(e as Error).message}` };
  }
}

// The last line of a stream cut mid-line is truncation, not garbage: end() then reports the early end.
export function cutOff(warnings: string[]): ModelEvent[] {
  warnings.push('The last line of the stream was cut off mid-line and could not be read.');
  return [];
}

/** Shown when the request never reached the server; shared by every protocol client. */
export const UNREACHABLE_MESSAGE =
  'Could not reach the server. Is it running, is the base URL right, and does it allow requests from this page (CORS)?';

/**
 * A ModelError for an HTTP error status, used by every protocol: `detail` is the server's own
 * message (OpenAI `{error:{message}}`, Anthropic `{type:'error', error:{type, message}}`).
 */
export function httpModelError(status: number, detail: string, retryAfter: string | null, apiKey: string, code?: string): ModelError {
  const text = scrubKey(detail, apiKey).trim();
  const retryAfterMs = parseRetryAfter(retryAfter);
  const quota = status === 429 && isQuotaError(code, text);
  const [kind, lead] = quota ? (['rate_limit', 'Out of quota — check your plan and billing with the provider'] as const) : classify(status);
  const wait = kind === 'rate_limit' && !quota && retryAfterMs !== undefined ? ` Try again in ${Math.ceil(retryAfterMs / 1000)} s.` : '';
  const opts = { status, retryAfterMs, code: quota ? (code ?? 'insufficient_quota') : code };
  return new ModelError(kind, `${lead} (HTTP ${status})${text ? `: ${text}` : '.'}${wait}`, opts);
}

/** A 429 that waiting will not fix: the account is out of credit, not merely sending too fast. */
export function isQuotaError(code: string | undefined, message: string): boolean {
  return code === 'insufficient_quota' || /\b(quota|billing)\b/i.test(message);
}

/** Removes the API key from text that may echo it (some servers repeat the header in errors). */
export function scrubKey(text: string, apiKey: string): string {
  return apiKey ? text.split(apiKey).join('[redacted]') : text;
}

function classify(status: number): [ModelErrorKind, string] {
  if (status === 401) return ['auth', 'The server rejected the API key — check it in Settings'];
  if (status === 403) return ['forbidden', 'Access denied — the key may lack permission for this model'];
  if (status === 404) return ['not_found', 'Not found — check the base URL and the model name'];
  if (status === 429) return ['rate_limit', 'Rate limited or out of quota'];
  if (status >= 500) return ['server', 'The server had an error'];
  return ['bad_request', 'The server refused the request'];
}

/** Retry-After in seconds or as an HTTP date. */
export function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
