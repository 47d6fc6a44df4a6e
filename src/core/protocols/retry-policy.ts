import { ModelError, type ModelClient, type ModelEvent, type ModelRequest } from './types';

/** What a wrapped client reports before it waits to send a request again. */
export interface RetryInfo {
  /** The attempt about to be made (2 = the first retry). */
  attempt: number;
  maxAttempts: number;
  inMs: number;
  reason: string;
}

export interface RetryOptions {
  /** Total attempts including the first (default 3). */
  maxAttempts?: number;
  /** The longest wait we accept; a longer Retry-After fails at once, saying how long was asked (default 20 s). */
  maxWaitMs?: number;
  /** Waits `ms`, rejecting when the signal aborts (injectable for tests). */
  sleep?(ms: number, signal: AbortSignal): Promise<void>;
  onWait?(info: RetryInfo): void;
}

// 5xx backoff per retry: 1 s, then 2 s.
const BACKOFF_MS = [1_000, 2_000];

/**
 * Wraps a client with our retry policy (the SDK's own retries are off): a request is sent again
 * only while nothing but raw events has been yielded, so a half-streamed answer is never replayed.
 * 429 waits for Retry-After (capped), 5xx backs off, a network failure is retried once; quota
 * errors, client errors (400/401/403/404), stream errors and aborts are never retried.
 */
export function withRetry(client: ModelClient, opts: RetryOptions = {}): ModelClient {
  const maxAttempts = opts.maxAttempts ?? 3;
  const maxWaitMs = opts.maxWaitMs ?? 20_000;
  const sleep = opts.sleep ?? abortableSleep;
  return {
    label: client.label,
    async *stream(request: ModelRequest): AsyncIterable<ModelEvent> {
      for (let attempt = 1; ; attempt++) {
        let started = false;
        try {
          for await (const event of client.stream(request)) {
            if (event.type !== 'raw') started = true;
            yield event;
          }
          return;
        } catch (e) {
          if (started || request.signal.aborted || !(e instanceof ModelError) || attempt >= maxAttempts) throw e;
          const plan = retryPlan(e, attempt, maxWaitMs);
          if (!plan) throw e;
          if ('fail' in plan) throw plan.fail;
          const info: RetryInfo = { attempt: attempt + 1, maxAttempts, inMs: plan.inMs, reason: plan.reason };
          opts.onWait?.(info);
          yield { type: 'retrying', ...info };
          await sleep(plan.inMs, request.signal);
        }
      }
    },
  };
}

type Plan = { inMs: number; reason: string } | { fail: ModelError } | null;

/** Whether (and after how long) a failure before the first token is worth another attempt. */
function retryPlan(e: ModelError, attempt: number, maxWaitMs: number): Plan {
  switch (e.kind) {
    case 'rate_limit': {
      // httpModelError tags quota 429s (by code or by the server's words); waiting will not fix them.
      if (e.code === 'insufficient_quota') return null;
      const inMs = e.retryAfterMs ?? BACKOFF_MS[Math.min(attempt - 1, BACKOFF_MS.length - 1)];
      if (inMs > maxWaitMs) {
        const asked = Math.ceil(inMs / 1000);
        const msg = `Rate limited (HTTP ${e.status ?? 429}): the server asked to wait ${asked} s before trying again — longer than the ${Math.round(maxWaitMs / 1000)} s we wait automatically. Try again later.`;
        return { fail: new ModelError('rate_limit', msg, { status: e.status, retryAfterMs: e.retryAfterMs, code: e.code }) };
      }
      return { inMs, reason: 'Rate limited' };
    }
    case 'server':
      return { inMs: BACKOFF_MS[Math.min(attempt - 1, BACKOFF_MS.length - 1)], reason: `Server error (HTTP ${e.status ?? '5xx'})` };
    case 'network':
      return attempt === 1 ? { inMs: 1_000, reason: 'Connection failed' } : null;
    default:
      return null;
  }
}

/** The user-facing line for a pending retry: "Rate limited — retrying in 3 s (attempt 2 of 3)". */
export function retryStatusText(info: RetryInfo): string {
  return `${info.reason} — retrying in ${Math.max(1, Math.ceil(info.inMs / 1000))} s (attempt ${info.attempt} of ${info.maxAttempts})`;
}

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new ModelError('aborted', 'Stopped.'));
    const onAbort = () => {
      clearTimeout(timer);
      reject(new ModelError('aborted', 'Stopped.'));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
