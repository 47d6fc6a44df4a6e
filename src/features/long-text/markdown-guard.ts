// Which markdown blocks are too hostile to format. A block's parse and render grow with its size
// (react-markdown takes ~5-10 ms per 4,000 characters, all in one task) and its nesting (each
// level of list or quote is a level of recursion in the parser, React and layout; 10,000 levels
// overflow the stack). Such a block is shown as plain text instead — every character kept.

/** A single block longer than this is shown as plain text (one parse would be a long task). */
export const MARKDOWN_BLOCK_LIMIT = 24_000;
/** Lists and quotes nested deeper than this are shown as plain text. */
export const MARKDOWN_DEPTH_LIMIT = 24;

export type PlainReason = 'too_long' | 'too_deep';

// One container marker at a line's start: a quote ">" or a list bullet / number followed by a space.
const CONTAINER = /^[ \t]{0,3}(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))[ \t]?/;

/**
 * Nesting a line opens with its container markers ("> > - 1. x"). Indentation is not counted: it
 * is legitimate in code, and nesting by indentation needs quadratic text, which the length limit
 * already catches.
 */
function lineDepth(text: string, start: number, end: number): number {
  let depth = 0;
  const i = start;
  // Markers are matched on a short window at a time, so a line costs O(its length).
  let rest = text.slice(i, Math.min(end, i + 16));
  let at = i;
  for (;;) {
    const match = CONTAINER.exec(rest);
    if (!match || match[0].length === 0) break;
    depth++;
    if (depth > MARKDOWN_DEPTH_LIMIT) return depth;
    at += match[0].length;
    rest = text.slice(at, Math.min(end, at + 16));
  }
  return depth;
}

/** Why `block` should be shown as plain text, or null when it is safe to format. O(length). */
export function plainReason(block: string): PlainReason | null {
  if (block.length > MARKDOWN_BLOCK_LIMIT) return 'too_long';
  let start = 0;
  while (start <= block.length) {
    let end = block.indexOf('\n', start);
    if (end === -1) end = block.length;
    if (lineDepth(block, start, end) > MARKDOWN_DEPTH_LIMIT) return 'too_deep';
    start = end + 1;
  }
  return null;
}
