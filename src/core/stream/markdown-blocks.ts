import { cloneScanState, createScanState, openFence, peekBoundary, scanLine, type ScanState } from './markdown-scan';

// Enough of a line's start to judge it: indentation, a list marker of up to nine digits, one more.
const PEEK_LENGTH = 16;

/** One top-level slice of a markdown document; `complete` blocks never change again. */
export interface MarkdownBlock {
  key: string;
  text: string;
  complete: boolean;
}

export interface BlockSplit {
  /** Consecutive slices whose concatenation is the whole text. */
  blocks: MarkdownBlock[];
  /**
   * The text has link reference or footnote definitions, which resolve across blocks: render it
   * as one unit instead of block by block.
   */
  hasDefinitions: boolean;
}

export interface BlockSplitter {
  /**
   * Splits `fullText`. When it extends the previous text only the new lines are scanned; the
   * last unterminated line is not judged until it ends, unless `final` says no more text comes.
   */
  update(fullText: string, options?: { final?: boolean }): BlockSplit;
}

/** Splits a finished markdown document into top-level blocks that render the same one by one. */
export function splitBlocks(text: string): string[] {
  return createBlockSplitter()
    .update(text, { final: true })
    .blocks.map((b) => b.text);
}

/** Creates a splitter for a growing document; completed blocks keep their key and text. */
export function createBlockSplitter(): BlockSplitter {
  let seen = '';
  let state: ScanState = createScanState();
  let completed: MarkdownBlock[] = [];
  let tailStart = 0;
  let lineStart = 0;
  let peeked = -1; // start of the unterminated line already judged by its beginning
  let last: { text: string; final: boolean; split: BlockSplit } | null = null;

  const complete = (text: string, end: number) => {
    completed.push({ key: `b${completed.length}`, text: text.slice(tailStart, end), complete: true });
    tailStart = end;
  };

  return {
    update(fullText, options) {
      const final = options?.final ?? false;
      if (last && last.text === fullText && last.final === final) return last.split;
      // One comparison of the already-seen prefix; anything but an extension starts over.
      if (!fullText.startsWith(seen)) {
        state = createScanState();
        completed = [];
        tailStart = 0;
        lineStart = 0;
        peeked = -1;
      }
      seen = fullText;

      for (let nl = fullText.indexOf('\n', lineStart); nl !== -1; nl = fullText.indexOf('\n', lineStart)) {
        if (scanLine(state, fullText.slice(lineStart, nl)) && lineStart > tailStart) complete(fullText, lineStart);
        lineStart = nl + 1;
      }
      // A long last line (a paragraph still streaming) often settles the boundary before it ends,
      // which lets the block before it become complete right away.
      if (peeked !== lineStart && lineStart < fullText.length) {
        const verdict = peekBoundary(state, fullText.slice(lineStart, lineStart + PEEK_LENGTH));
        if (verdict !== null) peeked = lineStart;
        if (verdict && lineStart > tailStart) complete(fullText, lineStart);
      }

      const blocks = completed.slice();
      let definitions = state.definitions;
      let tail = tailStart;
      if (final && lineStart < fullText.length) {
        // Judge the unterminated last line on a copy: more text may still arrive later.
        const lookahead = cloneScanState(state);
        if (scanLine(lookahead, fullText.slice(lineStart)) && lineStart > tail) {
          blocks.push({ key: `b${blocks.length}`, text: fullText.slice(tail, lineStart), complete: true });
          tail = lineStart;
        }
        definitions = lookahead.definitions;
      }
      if (tail < fullText.length) {
        blocks.push({ key: `b${blocks.length}`, text: fullText.slice(tail), complete: final });
      }

      const split = { blocks, hasDefinitions: definitions };
      last = { text: fullText, final, split };
      return split;
    },
  };
}

const PARTIAL_FENCE_LINE = /^[ \t>]*([`~]+)[ \t]*$/;

/**
 * Display-only: closes a code fence left open at the end of a streaming tail, dropping a
 * half-typed closing fence line, so the code block does not flicker while it streams.
 */
export function closeTail(tail: string): string {
  const state = createScanState();
  let start = 0;
  for (let nl = tail.indexOf('\n'); nl !== -1; nl = tail.indexOf('\n', start)) {
    scanLine(state, tail.slice(start, nl));
    start = nl + 1;
  }
  const open = openFence(state);
  if (!open) return tail;
  let body = tail;
  const partial = PARTIAL_FENCE_LINE.exec(tail.slice(start));
  if (partial && partial[1][0] === open.fence[0] && !partial[1].includes(open.fence[0] === '`' ? '~' : '`')) {
    body = tail.slice(0, start);
  }
  return `${body}${body.endsWith('\n') ? '' : '\n'}${open.prefix}${open.fence}`;
}
