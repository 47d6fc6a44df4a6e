import type { ToolCallState } from '../../core/conversation/types';

/** How long a folded line's argument and result previews may get before they end with "…". */
const ARG_CHARS = 60;
const RESULT_CHARS = 40;

// The argument that says most about a call, in order of how telling it usually is.
const TELLING_KEYS = ['path', 'file', 'filename', 'expression', 'url', 'query', 'command', 'code', 'name', 'city', 'text'];

function clip(text: string, max: number): string {
  const line = text.trim().split('\n')[0].trim();
  const chars = Array.from(line);
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : line + (text.trim().includes('\n') ? ' …' : '');
}

/** The most telling argument of a call for its folded line (a path, an expression, a URL, the first line of code). */
export function tellingArgument(call: ToolCallState): string | undefined {
  const args = call.editedArgs !== undefined ? call.editedArgs : call.args;
  if (args === null || typeof args !== 'object' || Array.isArray(args)) return undefined;
  const record = args as Record<string, unknown>;
  const key = TELLING_KEYS.find((k) => typeof record[k] === 'string' && (record[k] as string).trim()) ?? Object.keys(record).find((k) => typeof record[k] === 'string' && (record[k] as string).trim());
  if (key) return clip(record[key] as string, ARG_CHARS);
  const number = Object.values(record).find((v) => typeof v === 'number');
  return number !== undefined ? String(number) : undefined;
}

/** What a folded line says about the result; the words are the interface's, so this is a code. */
export type ResultPreview =
  | { type: 'value'; text: string }
  | { type: 'count'; count: number; noun: 'files' | 'items' | 'lines' | 'bytes' }
  | { type: 'text'; text: string }
  | { type: 'error'; text: string }
  /** The model called a tool that does not exist here. */
  | { type: 'unknown' }
  | { type: 'cancelled'; current?: number; total?: number }
  | { type: 'none' };

/** A short preview of a settled call's result: `= 42`, `3 files`, the first words of an error. */
export function resultPreview(call: ToolCallState): ResultPreview {
  switch (call.status) {
    case 'succeeded':
      return valuePreview(call.outcome && call.outcome.value !== undefined ? call.outcome.value : (call.outcome?.text ?? call.resultText));
    case 'failed':
      return { type: 'error', text: clip(call.outcome?.error?.message ?? call.resultText ?? '', RESULT_CHARS) };
    case 'invalid':
      // The card already names the tool: the preview starts at the failing field ("/count must be integer").
      if (call.denied) return { type: 'none' };
      if (call.unknownTool) return { type: 'unknown' };
      return { type: 'error', text: clip(call.validationError.replace(/^Invalid arguments for "[^"]*": /, ''), RESULT_CHARS) };
    case 'cancelled':
      return cancelledAt(call);
    default:
      return { type: 'none' };
  }
}

/** How far a cancelled call had got, when its tool reported progress ("Cancelled at 4 / 12"). */
export function cancelledAt(call: ToolCallState): Extract<ResultPreview, { type: 'cancelled' }> {
  const { current, total } = call.progress ?? {};
  return typeof current === 'number' ? { type: 'cancelled', current, ...(typeof total === 'number' ? { total } : {}) } : { type: 'cancelled' };
}

function valuePreview(value: unknown): ResultPreview {
  if (typeof value === 'number' || typeof value === 'boolean') return { type: 'value', text: String(value) };
  if (typeof value === 'string') return value.trim() ? { type: 'text', text: clip(value, RESULT_CHARS) } : { type: 'none' };
  if (Array.isArray(value)) return { type: 'count', count: value.length, noun: 'items' };
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    // The calculator answers {expression, result}; many tools name their one answer `result` or `value`.
    for (const key of ['result', 'value', 'answer']) {
      const v = record[key];
      if (typeof v === 'number' || typeof v === 'boolean') return { type: 'value', text: String(v) };
      if (typeof v === 'string' && v.trim()) return { type: 'value', text: clip(v, RESULT_CHARS) };
    }
    if (Array.isArray(record.files)) return { type: 'count', count: record.files.length, noun: 'files' };
    if (Array.isArray(record.entries)) return { type: 'count', count: record.entries.length, noun: 'files' };
    if (Array.isArray(record.items)) return { type: 'count', count: record.items.length, noun: 'items' };
    if (Array.isArray(record.results)) return { type: 'count', count: record.results.length, noun: 'items' };
    for (const key of ['summary', 'text', 'content']) {
      const v = record[key];
      if (typeof v === 'string' && v.includes('\n')) return { type: 'count', count: v.split('\n').length, noun: 'lines' };
      if (typeof v === 'string' && v.trim()) return { type: 'text', text: clip(v, RESULT_CHARS) };
    }
    if (typeof record.bytes === 'number') return { type: 'count', count: record.bytes, noun: 'bytes' };
    if (typeof record.message === 'string' && record.message.trim()) return { type: 'text', text: clip(record.message, RESULT_CHARS) };
  }
  return { type: 'none' };
}

/** Counts for a group of calls of one round: "3 tools · 2 done · 1 waiting". */
export interface GroupCounts {
  total: number;
  done: number;
  waiting: number;
  running: number;
  failed: number;
  other: number;
}

export function groupCounts(calls: readonly ToolCallState[]): GroupCounts {
  const counts: GroupCounts = { total: calls.length, done: 0, waiting: 0, running: 0, failed: 0, other: 0 };
  for (const c of calls) {
    if (c.status === 'succeeded') counts.done++;
    else if (c.status === 'pending_approval') counts.waiting++;
    else if (c.status === 'running' || c.status === 'queued' || c.status === 'streaming_args') counts.running++;
    else if (c.status === 'failed' || c.status === 'invalid' || c.status === 'incomplete') counts.failed++;
    else counts.other++;
  }
  return counts;
}
