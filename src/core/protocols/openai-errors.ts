import { ModelError } from './types';
import { httpModelError, scrubKey, UNREACHABLE_MESSAGE } from './shared';

/** Classifies an `openai` SDK error into a user-facing ModelError; the key is scrubbed from any text. */
export function toModelError(e: unknown, apiKey: string): ModelError {
  if (e instanceof ModelError) return e;
  const err = e as { name?: string; status?: number; message?: string; headers?: Headers | Record<string, string>; error?: any };
  if (err?.name === 'APIUserAbortError' || err?.name === 'AbortError') return new ModelError('aborted', 'Stopped.');
  if (err?.name === 'APIConnectionTimeoutError') return new ModelError('timeout', 'The server did not answer in time.');
  if (err?.name === 'APIConnectionError' || (err?.status === undefined && err?.name !== 'OpenAIError')) {
    return new ModelError('network', UNREACHABLE_MESSAGE);
  }
  const status = err.status;
  if (status === undefined) return new ModelError('bad_request', scrubKey(err.message ?? 'Unknown error', apiKey));
  const detail = String(err.error?.message ?? err.error?.error?.message ?? err.message ?? '').replace(/^\d{3}\s*/, '');
  const code = err.error?.code ?? err.error?.error?.code ?? (err as { code?: unknown }).code;
  return httpModelError(status, detail, header(err.headers, 'retry-after'), apiKey, typeof code === 'string' ? code : undefined);
}

function header(headers: Headers | Record<string, string> | undefined, name: string): string | null {
  if (!headers) return null;
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name);
  return (headers as Record<string, string>)[name] ?? null;
}

