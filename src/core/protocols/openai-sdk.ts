import { ModelError, REDACTED, type ModelRequest } from './types';
import { toModelError } from './openai-errors';
import type { ProtocolId } from './protocol-id';

export interface OpenAISdkOptions {
  baseURL: string;
  apiKey: string;
  timeoutMs?: number;
}

/**
 * The `openai` SDK set up the way every OpenAI-protocol client uses it (loaded on first use, so it
 * stays out of the initial bundle): no SDK retries (ours are in retry-policy), no Authorization
 * header for a keyless local server, and its errors classified for the user.
 */
export async function openAISdk(opts: OpenAISdkOptions) {
  const { default: OpenAI, APIConnectionTimeoutError } = await import('openai');
  const timeoutMs = opts.timeoutMs ?? 120_000;
  const client = new OpenAI({
    apiKey: opts.apiKey || 'unused',
    baseURL: opts.baseURL,
    dangerouslyAllowBrowser: true,
    maxRetries: 0,
    timeout: timeoutMs,
    defaultHeaders: opts.apiKey ? undefined : { Authorization: null },
  });
  // The SDK's timeout error carries no distinguishing name, so it is recognised by class here.
  const classify = (e: unknown) =>
    e instanceof APIConnectionTimeoutError
      ? new ModelError('timeout', `The server sent no response within ${Math.round(timeoutMs / 1000)} s.`)
      : toModelError(e, opts.apiKey);
  return { client, classify };
}

/**
 * Sends one request through an SDK call and reports it to the inspector: the body as sent (the key
 * never part of it) and the HTTP status, on success and on an HTTP error alike.
 */
export async function sendReported(
  request: ModelRequest,
  protocol: ProtocolId,
  url: string,
  apiKey: string,
  body: unknown,
  call: () => { asResponse(): Promise<Response> },
): Promise<Response> {
  request.onWire?.({ type: 'request', protocol, method: 'POST', url, headers: wireHeaders(apiKey), body });
  const response = await call()
    .asResponse()
    .catch((e) => {
      const status = (e as { status?: unknown })?.status;
      if (typeof status === 'number') request.onWire?.({ type: 'response', status, contentType: null });
      throw e;
    });
  request.onWire?.({ type: 'response', status: response.status, contentType: response.headers.get('content-type') });
  return response;
}

/** The headers we set, as the inspector may show them: the key itself never leaves this function. */
export function wireHeaders(apiKey: string): Record<string, string> {
  return { 'content-type': 'application/json', ...(apiKey ? { authorization: `Bearer ${REDACTED}` } : {}) };
}

// The body is read here rather than by the SDK so the inspector gets it exactly as it arrived.
export async function readBody(response: Response, signal: AbortSignal): Promise<string> {
  try {
    return await response.text();
  } catch {
    if (signal.aborted) throw new ModelError('aborted', 'Stopped.');
    throw new ModelError('network', 'The connection dropped while the answer was arriving.');
  }
}

/** A JSON body, or the error that it is not one. */
export function parseBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ModelError('stream', `The server sent a malformed answer: ${text.slice(0, 80)}`);
  }
}
