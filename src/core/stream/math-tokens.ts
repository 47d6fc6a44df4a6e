/**
 * Finds TeX math in markdown before the markdown parser sees it. Markdown treats `\,`, `\(`, `\[`,
 * `\{` as escapes and drops their backslash, and `_`/`*` inside math as emphasis, so math must be
 * cut out first and put back as its exact source.
 *
 * Delimiters: `$…$` and `\(…\)` inline (one line), `$$…$$` and `\[…\]` display (may span lines).
 * Rules that keep ordinary text ordinary:
 * - nothing inside fenced code or inline code spans is math;
 * - `\$` is a literal dollar;
 * - `$` opens only before a non-space, closes only after a non-space and not before a digit, and
 *   another `$` that cannot close ends the attempt (so "$5 and $10" stays text);
 * - math never crosses a blank line or a line that would start a new markdown block (a heading,
 *   a list item, a quote, a fence), so a text split into blocks finds the same math as the whole.
 */

import { splitBlocks } from './markdown-blocks';

export type MathDelimiter = '$' | '$$' | '\\(' | '\\[';

export interface MathSpan {
  /** Offsets of the whole span, delimiters included, in the input text. */
  start: number;
  end: number;
  /** The TeX between the delimiters, exactly as written. */
  tex: string;
  display: boolean;
  delimiter: MathDelimiter;
}

const FENCE = /^[ \t]*(`{3,}|~{3,})/;
/** Lines that end a paragraph-like run in the block splitter: math never reaches across them. */
const BLOCK_START = /^[ \t]*(?:$|#{1,6}(?:[ \t]|$)|>|[-*+][ \t]|\d{1,9}[.)][ \t]|`{3,}|~{3,}|(?:[-*_][ \t]*){3,}$|=+[ \t]*$)/;

const CLOSER: Record<MathDelimiter, string> = { $: '$', $$: '$$', '\\(': '\\)', '\\[': '\\]' };

/**
 * All math spans of a markdown text, in order, never overlapping. The text is scanned block by
 * block (the same top-level blocks the streaming view renders apart), so a whole answer and its
 * blocks rendered one by one always find the same math.
 */
export function findMath(text: string): MathSpan[] {
  if (!text.includes('$') && !text.includes('\\')) return [];
  const spans: MathSpan[] = [];
  let offset = 0;
  for (const block of splitBlocks(text)) {
    for (const [from, to] of proseRanges(block)) scanProse(block, from, to, spans, offset);
    offset += block.length;
  }
  return spans;
}

/** The parts of the text outside fenced code blocks, as [start, end) offsets. */
function proseRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  let pos = 0;
  let proseStart = 0;
  let fence: { char: string; length: number } | null = null;
  while (pos <= text.length) {
    const nl = text.indexOf('\n', pos);
    const lineEnd = nl === -1 ? text.length : nl;
    const line = text.slice(pos, lineEnd);
    const trimmed = line.replace(/^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?/, '');
    const m = FENCE.exec(trimmed);
    if (fence) {
      if (m && m[1][0] === fence.char && m[1].length >= fence.length && trimmed.slice(m[0].length).trim() === '') {
        fence = null;
        proseStart = lineEnd + 1;
      }
    } else if (m) {
      if (pos > proseStart) ranges.push([proseStart, pos]);
      fence = { char: m[1][0], length: m[1].length };
    }
    if (nl === -1) break;
    pos = nl + 1;
  }
  if (!fence && proseStart < text.length) ranges.push([proseStart, text.length]);
  return ranges;
}

const isSpace = (c: string | undefined) => c === undefined || c === ' ' || c === '\t' || c === '\n' || c === '\r';
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

function scanProse(text: string, from: number, to: number, out: MathSpan[], offset: number) {
  let i = from;
  while (i < to) {
    const c = text[i];
    if (c === '`') {
      // A code span: a run of n backticks up to the next run of exactly n; unmatched runs are literal.
      let n = 1;
      while (text[i + n] === '`') n++;
      const close = findBacktickRun(text, i + n, to, n);
      i = close === -1 ? i + n : close + n;
      continue;
    }
    if (c === '\\') {
      const next = text[i + 1];
      if (next === '(' || next === '[') {
        const span = matchDelimited(text, i, to, next === '(' ? '\\(' : '\\[');
        if (span) {
          out.push(shift(span, offset));
          i = span.end;
          continue;
        }
      }
      i += 2; // an escape: the next character is literal (`\$`, `\\`, `\``)
      continue;
    }
    if (c === '$') {
      const delimiter: MathDelimiter = text[i + 1] === '$' ? '$$' : '$';
      const span = delimiter === '$$' ? matchDelimited(text, i, to, '$$') : matchInlineDollar(text, i, to);
      if (span) {
        out.push(shift(span, offset));
        i = span.end;
        continue;
      }
      i += delimiter.length;
      continue;
    }
    i++;
  }
}

const shift = (span: MathSpan, offset: number): MathSpan => (offset ? { ...span, start: span.start + offset, end: span.end + offset } : span);

function findBacktickRun(text: string, from: number, to: number, n: number): number {
  let i = text.indexOf('`', from);
  while (i !== -1 && i < to) {
    let run = 1;
    while (text[i + run] === '`') run++;
    if (run === n) return i;
    i = text.indexOf('`', i + run);
  }
  return -1;
}

/** `$$…$$`, `\(…\)`, `\[…\]`: the first unescaped closer, within the allowed lines. */
function matchDelimited(text: string, start: number, to: number, delimiter: MathDelimiter): MathSpan | null {
  const closer = CLOSER[delimiter];
  const multiline = delimiter !== '\\(';
  let i = start + delimiter.length;
  while (i < to) {
    const c = text[i];
    if (c === '\n') {
      if (!multiline || startsBlock(text, i + 1, to)) return null;
    } else if (c === '\\' && delimiter !== '$$' && text.startsWith(closer, i)) {
      return spanOf(text, start, i + closer.length, delimiter);
    } else if (c === '\\') {
      i += 2;
      continue;
    } else if (delimiter === '$$' && text.startsWith('$$', i)) {
      return spanOf(text, start, i + 2, delimiter);
    }
    i++;
  }
  return null;
}

/** `$…$` on one line, with the currency rules above. */
function matchInlineDollar(text: string, start: number, to: number): MathSpan | null {
  if (isSpace(text[start + 1])) return null;
  let i = start + 1;
  while (i < to) {
    const c = text[i];
    if (c === '\n') return null;
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (c === '$') {
      if (!isSpace(text[i - 1]) && !isDigit(text[i + 1]) && text[i + 1] !== '$') return spanOf(text, start, i + 1, '$');
      return null; // a `$` that cannot close opens something else (another price): give up on this one
    }
    i++;
  }
  return null;
}

function startsBlock(text: string, lineStart: number, to: number): boolean {
  if (lineStart >= to) return true;
  const nl = text.indexOf('\n', lineStart);
  const line = text.slice(lineStart, nl === -1 || nl > to ? to : nl);
  return BLOCK_START.test(line);
}

function spanOf(text: string, start: number, end: number, delimiter: MathDelimiter): MathSpan | null {
  const open = delimiter.length;
  const tex = text.slice(start + open, end - CLOSER[delimiter].length);
  if (tex.trim() === '') return null;
  return { start, end, tex, display: delimiter === '$$' || delimiter === '\\[', delimiter };
}

/** Private-use characters around a span's index: markdown gives them no meaning. */
export const MATH_OPEN = '\uE000';
export const MATH_CLOSE = '\uE001';
export const MATH_PLACEHOLDER = /\uE000(\d+)\uE001/g;

export interface ProtectedMath {
  /** The text with every math span replaced by a placeholder. */
  text: string;
  spans: (MathSpan & { source: string })[];
}

/** Replaces each math span by a placeholder the markdown parser leaves alone. */
export function protectMath(text: string): ProtectedMath {
  const found = findMath(text);
  if (found.length === 0) return { text, spans: [] };
  let out = '';
  let last = 0;
  const spans = found.map((span, index) => {
    out += text.slice(last, span.start) + MATH_OPEN + index + MATH_CLOSE;
    last = span.end;
    return { ...span, source: text.slice(span.start, span.end) };
  });
  return { text: out + text.slice(last), spans };
}

/** Puts the original source back wherever a placeholder ended up as literal text (code, URLs). */
export function restoreMath(value: string, spans: ProtectedMath['spans']): string {
  if (!value.includes(MATH_OPEN)) return value;
  return value.replace(MATH_PLACEHOLDER, (whole, index: string) => spans[Number(index)]?.source ?? whole);
}
