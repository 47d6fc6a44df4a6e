// Where long unbroken runs get a soft line-break opportunity (<wbr>). Chromium lays out one long
// word (no break opportunity) in time that grows faster than its length — with some font stacks
// and `overflow-wrap: break-word` roughly quadratically — so a 5 MB line from a model could freeze
// the tab for minutes. A break opportunity every RUN characters keeps every word short, which
// keeps layout linear; <wbr> adds no character, so copied text and innerText stay exactly the text.

/** Longest run of non-space characters left without a break opportunity. */
export const SOFT_BREAK_RUN = 48;
/** How far past RUN a break may move to avoid splitting a character cluster. */
const CLUSTER_SLACK = 16;

function isSpace(code: number): boolean {
  // The characters a browser breaks lines at anyway (space, tab, line breaks, NBSP excluded on purpose).
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 12 || code === 0x200b || code === 0x3000;
}

/** A code unit that must stay glued to the one before it: a low surrogate, a joiner, a mark. */
function gluedToPrevious(code: number): boolean {
  return (
    (code >= 0xdc00 && code <= 0xdfff) || // second half of a surrogate pair
    code === 0x200d || // zero-width joiner (emoji sequences)
    (code >= 0xfe00 && code <= 0xfe0f) || // variation selectors
    (code >= 0x0300 && code <= 0x036f) || // combining diacritical marks
    (code >= 0x1ab0 && code <= 0x1aff) ||
    (code >= 0x1dc0 && code <= 0x1dff) ||
    (code >= 0x20d0 && code <= 0x20ff) ||
    (code >= 0xfe20 && code <= 0xfe2f)
  );
}

/**
 * The offsets at which to put a soft break: inside every run of more than `run` non-space
 * characters, one every `run` characters (moved up to a few characters on so a surrogate pair,
 * joiner sequence or combining mark is not split — a run of nothing but marks still gets its
 * breaks). One pass, O(length).
 */
export function softBreakOffsets(text: string, run = SOFT_BREAK_RUN): number[] {
  const offsets: number[] = [];
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isSpace(code)) {
      length = 0;
      continue;
    }
    if (length >= run && (!gluedToPrevious(code) || length >= run + CLUSTER_SLACK)) {
      // A lone low surrogate never starts a break even past the slack: it would split a pair.
      if (!(code >= 0xdc00 && code <= 0xdfff && i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff)) {
        offsets.push(i);
        length = 0;
      }
    }
    length++;
  }
  return offsets;
}

/** Whether `text` has any run long enough to need a soft break (cheap pre-check). */
export function needsSoftBreaks(text: string, run = SOFT_BREAK_RUN): boolean {
  if (text.length <= run) return false;
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    if (isSpace(text.charCodeAt(i))) length = 0;
    else if (++length > run) return true;
  }
  return false;
}

/** `text` cut at its soft-break offsets: put a <wbr> between consecutive pieces. */
export function softBreakPieces(text: string, run = SOFT_BREAK_RUN): string[] {
  const offsets = softBreakOffsets(text, run);
  if (offsets.length === 0) return [text];
  const pieces: string[] = [];
  let start = 0;
  for (const offset of offsets) {
    pieces.push(text.slice(start, offset));
    start = offset;
  }
  pieces.push(text.slice(start));
  return pieces;
}
