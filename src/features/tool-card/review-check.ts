import type { ToolCallState } from '../../core/conversation/types';
import { validateArgs } from '../../core/tools/validate';
import { translator, type Translator } from '../../i18n';
import { messages } from './messages';

export type ArgsCheck = { ok: true; value: Record<string, unknown> } | { ok: false; errors: string[] };

const english = translator(messages, 'en');

/**
 * Parses the dialog's text and checks it the way the run will: JSON, an object, then the tool's
 * schema. `t` words our own problems; the parser's and the schema's details stay as they come.
 */
export function checkArgsText(text: string, schema: Record<string, unknown> | undefined, t: Translator<keyof typeof messages.en> = english): ArgsCheck {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [t('jsonSyntax', { error: error instanceof Error ? error.message : String(error) })] };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, errors: [t('notAnObject')] };
  }
  if (schema) {
    const result = validateArgs(schema, value);
    if (!result.ok) return { ok: false, errors: result.errors };
  }
  return { ok: true, value: value as Record<string, unknown> };
}

/** What the dialog starts from: the arguments that ran (edited ones win), else the raw text to repair. */
export function initialArgsText(call: ToolCallState): string {
  const args = call.editedArgs !== undefined ? call.editedArgs : call.args;
  if (args !== undefined) return JSON.stringify(args, null, 2);
  try {
    return JSON.stringify(JSON.parse(call.argsText), null, 2);
  } catch {
    return call.argsText.trim() === '' ? '{}' : call.argsText;
  }
}

/** Structural equality for JSON values, blind to key order and whitespace. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => sameJson(item, b[i]));
  }
  const ak = Object.keys(a as object);
  const bk = Object.keys(b as object);
  if (ak.length !== bk.length) return false;
  return ak.every(
    (key) =>
      Object.prototype.hasOwnProperty.call(b, key) &&
      sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}
