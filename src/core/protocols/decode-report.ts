import type { DecodeWarningCode, ModelEvent } from './types';

/**
 * "Nothing dropped in silence": what a decoder does with a piece it cannot turn into text,
 * reasoning, a call or a known no-op. Shared by every protocol so they all report the same way.
 */
export type WarningEvent = Extract<ModelEvent, { type: 'warning' }>;

export function warning(code: DecodeWarningCode, message: string, data?: unknown, visible = carriesWords(data)): WarningEvent {
  return { type: 'warning', code, message, visible, ...(data !== undefined ? { data } : {}) };
}

/** Every non-empty string anywhere inside a JSON value (keys excluded). */
export function stringsIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') {
    if (value) out.push(value);
  } else if (Array.isArray(value)) {
    for (const v of value) stringsIn(v, out);
  } else if (value && typeof value === 'object') {
    for (const v of Object.values(value)) stringsIn(v, out);
  }
  return out;
}

// A piece's own type, id and position name it; they are not words meant for the user.
const LABEL_KEYS = new Set(['type', 'id', 'index']);

/** Whether a dropped piece held words a person would have seen (strings beyond its type, id and index). */
export function carriesWords(value: unknown): boolean {
  if (!isRecord(value)) return hasStrings(value);
  return Object.entries(value).some(([k, v]) => !LABEL_KEYS.has(k) && hasStrings(v));
}

export function hasStrings(value: unknown): boolean {
  return stringsIn(value).length > 0;
}

/** The keys of `obj` a decoder does not know, when any of them carries a string; null otherwise. */
export function leftover(obj: object, known: ReadonlySet<string>): Record<string, unknown> | null {
  let rest: Record<string, unknown> | null = null;
  for (const [k, v] of Object.entries(obj)) {
    if (known.has(k) || !hasStrings(v)) continue;
    (rest ??= {})[k] = v;
  }
  return rest;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function preview(s: string, max = 80): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}
