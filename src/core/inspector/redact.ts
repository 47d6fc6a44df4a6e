import { REDACTED } from '../protocols/types';

export { REDACTED };

// Header and body fields that carry credentials, whatever provider or gateway names them.
const SECRET_FIELD = /^(authorization|proxy-authorization|x-api-key|api[-_]?key|x-goog-api-key|access[-_]?token|secret|password|token)$/i;

/** Replaces every occurrence of each secret in the text (secrets shorter than 4 characters are ignored: too common to be a key). */
export function scrubText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 4 && out.includes(secret)) out = out.split(secret).join(REDACTED);
  return out;
}

/**
 * A copy of a JSON-like value with credential fields (`authorization`, `x-api-key`, `api_key` …)
 * replaced by `[redacted]` and every known secret scrubbed from every string, keys included.
 */
export function redactValue(value: unknown, secrets: readonly string[]): unknown {
  if (typeof value === 'string') return scrubText(value, secrets);
  if (Array.isArray(value)) return value.map((v) => redactValue(v, secrets));
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const name = scrubText(key, secrets);
    out[name] = SECRET_FIELD.test(key) && typeof v === 'string' && v !== '' ? redactCredential(v) : redactValue(v, secrets);
  }
  return out;
}

/** Redacted headers: credential headers masked, secrets scrubbed from the rest. */
export function redactHeaders(headers: Record<string, string>, secrets: readonly string[]): Record<string, string> {
  return redactValue(headers, secrets) as Record<string, string>;
}

// "Bearer <key>" keeps its scheme, so the inspector still shows how the key was sent.
function redactCredential(value: string): string {
  const scheme = /^(Bearer|Basic|Token)\s+/i.exec(value);
  return scheme ? `${scheme[1]} ${REDACTED}` : REDACTED;
}
