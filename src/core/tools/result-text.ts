/** Shown to the model when a tool succeeded without a value. */
export const NO_OUTPUT_TEXT = '(no output)';

export type SerialiseResult = { ok: true; text: string } | { ok: false; message: string };

/** Turns a tool's value into the text the model sees: strings as they are, anything else as JSON. */
export function serialiseResult(value: unknown): SerialiseResult {
  if (typeof value === 'string') return { ok: true, text: value };
  if (value === undefined) return { ok: true, text: NO_OUTPUT_TEXT };
  // JSON.stringify silently drops functions and symbols and throws engine-specific messages on
  // cycles and BigInt; tracking the path lets the failure say exactly what and where.
  const ancestors: unknown[] = [];
  const path: string[] = [];
  try {
    const text = JSON.stringify(value, function (this: unknown, key: string, v: unknown) {
      // The replacer runs depth-first with the holder as `this`: unwinding to it leaves the current branch.
      while (ancestors.length > 0 && ancestors[ancestors.length - 1] !== this) {
        ancestors.pop();
        path.pop();
      }
      const kind = typeof v;
      if (kind === 'object' && v !== null) {
        if (ancestors.includes(v)) throw new Unserialisable('a circular reference', path, this, key);
        path.push(ancestors.length === 0 ? '' : segment(this, key));
        ancestors.push(v);
      } else if (kind === 'bigint' || kind === 'function' || kind === 'symbol') {
        throw new Unserialisable(kind === 'bigint' ? 'a BigInt' : `a ${kind}`, path, this, key);
      }
      return v;
    });
    return { ok: true, text: text ?? NO_OUTPUT_TEXT };
  } catch (error) {
    const detail = error instanceof Unserialisable ? `it contains ${error.message}` : errorMessage(error);
    return { ok: false, message: `The result could not be serialised: ${detail}` };
  }
}

/** Cuts text to `budget` characters and says so, keeping surrogate pairs whole. */
export function truncateText(text: string, budget: number): { text: string; truncated: boolean } {
  if (text.length <= budget) return { text, truncated: false };
  let end = Math.max(0, Math.floor(budget));
  const last = text.charCodeAt(end - 1);
  if (end > 0 && last >= 0xd800 && last <= 0xdbff) end -= 1;
  return {
    text: `${text.slice(0, end)}\n…[truncated: showing ${end} of ${text.length} characters]`,
    truncated: true,
  };
}

/** A readable message from anything that was thrown. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === 'string') return error;
  try {
    return String(error);
  } catch {
    return 'Unknown error';
  }
}

class Unserialisable extends Error {
  constructor(what: string, path: string[], holder: unknown, key: string) {
    super(`${what} at $${path.join('')}${path.length === 0 ? '' : segment(holder, key)}`);
  }
}

function segment(holder: unknown, key: string): string {
  return Array.isArray(holder) ? `[${key}]` : /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}
