// A line-by-line model of CommonMark/GFM block structure, deep enough to know where a new
// top-level block begins. It follows the reference algorithm (continue open containers, then
// try block starts, then lazy continuation) but tracks only what decides block boundaries:
// block quotes, list items, and the leaf kinds that change how later lines are read.

import {
  ATX,
  DEFINITION_START,
  DELIMITER_ROW,
  expandTabs,
  FENCE_CLOSE,
  FENCE_OPEN,
  HTML_CLOSE,
  HTML_OPEN,
  LIST_MARKER,
  nextNonSpace,
  SETEXT,
  THEMATIC,
} from './markdown-syntax';

type Container =
  | { kind: 'quote' }
  | { kind: 'item'; need: number; marker: string; hasContent: boolean };

type Leaf =
  | { kind: 'none' }
  | { kind: 'paragraph'; lines: number; pipe: boolean }
  | { kind: 'table' }
  | { kind: 'fence'; char: string; length: number }
  | { kind: 'indented' }
  // `end` null: the block ends at a blank line (HTML block types 6 and 7).
  | { kind: 'html'; end: RegExp | null };

/** Mutable scanner state; a plain value so it can be cloned and resumed. */
export interface ScanState {
  containers: Container[];
  leaf: Leaf;
  prevBlank: boolean;
  /** Marker of the list that is the current top-level block, if any. */
  topList: string | null;
  /** Whether the current top-level block has any non-blank line yet. */
  blockHasContent: boolean;
  /** A link reference or footnote definition was seen: blocks depend on each other. */
  definitions: boolean;
}

const NONE: Leaf = { kind: 'none' };
const GT = 62;

/** A fresh state at the start of a document. */
export function createScanState(): ScanState {
  return {
    containers: [],
    leaf: NONE,
    prevBlank: false,
    topList: null,
    blockHasContent: false,
    definitions: false,
  };
}

/** Copies a state so a look-ahead can run without disturbing the original. */
export function cloneScanState(state: ScanState): ScanState {
  return { ...state, leaf: { ...state.leaf }, containers: state.containers.map((c) => ({ ...c })) };
}

/** The open fenced code block at the end of what was scanned, with the prefix its closing line needs. */
export function openFence(state: ScanState): { fence: string; prefix: string } | null {
  if (state.leaf.kind !== 'fence') return null;
  const prefix = state.containers.map((c) => (c.kind === 'quote' ? '> ' : ' '.repeat(c.need))).join('');
  return { fence: state.leaf.char.repeat(state.leaf.length), prefix };
}

/**
 * Feeds one line (without its line ending) and returns true when a new top-level block starts
 * at this line, so that everything before it renders the same on its own.
 */
export function scanLine(state: ScanState, raw: string): boolean {
  const line = expandTabs(raw.endsWith('\r') ? raw.slice(0, -1) : raw);
  const wasBlank = state.prevBlank;
  // Conservative where micromark strays from a fresh start: it reads the line after indented
  // code as an interruption, and a fence or HTML block cut off by a closing list keeps or drops
  // its trailing blank lines depending on what follows.
  const leafOpen = state.leaf.kind === 'indented' || state.leaf.kind === 'fence' || state.leaf.kind === 'html';
  const prevTopList = state.topList;
  const blank = nextNonSpace(line, 0) >= line.length;
  state.prevBlank = blank;

  let pos = 0;
  let matched = 0;
  for (const c of state.containers) {
    const ns = nextNonSpace(line, pos);
    if (c.kind === 'quote') {
      if (ns - pos > 3 || line.charCodeAt(ns) !== GT) break;
      pos = line.charCodeAt(ns + 1) === 32 ? ns + 2 : ns + 1;
    } else if (ns >= line.length) {
      // A list item may begin with at most one blank line.
      if (!c.hasContent) break;
      pos = ns;
    } else if (ns - pos >= c.need) {
      pos += c.need;
    } else break;
    matched++;
  }

  const allMatched = matched === state.containers.length;
  const leaf = state.leaf;
  if (allMatched) {
    const ns = nextNonSpace(line, pos);
    if (leaf.kind === 'fence') {
      const close = ns - pos <= 3 ? FENCE_CLOSE.exec(line.slice(ns)) : null;
      if (close && close[1][0] === leaf.char && close[1].length >= leaf.length) state.leaf = NONE;
      return false;
    }
    if (leaf.kind === 'html' && leaf.end) {
      if (leaf.end.test(line.slice(pos))) state.leaf = NONE;
      return false;
    }
    if (leaf.kind === 'html' && ns < line.length) return false;
    if (leaf.kind === 'indented' && (ns >= line.length || ns - pos >= 4)) return false;
  }

  let closed = allMatched;
  const closeUnmatched = () => {
    if (closed) return;
    state.containers.length = matched;
    state.leaf = NONE;
    closed = true;
  };

  let opened = false;
  let leafStarted = false;
  // As in micromark: decided once per line, so it also binds list items nested on this line,
  // and indented code counts as something a list item would interrupt.
  const itemInterrupting = allMatched && (leaf.kind === 'paragraph' || leaf.kind === 'indented');
  for (;;) {
    const ns = nextNonSpace(line, pos);
    const indent = ns - pos;
    const tipIsParagraph = state.leaf.kind === 'paragraph';
    const interrupting = allMatched && !opened && tipIsParagraph;

    if (ns >= line.length) break;
    if (indent >= 4) {
      if (tipIsParagraph) break;
      closeUnmatched();
      state.leaf = { kind: 'indented' };
      leafStarted = true;
      break;
    }
    if (line.charCodeAt(ns) === GT) {
      closeUnmatched();
      state.containers.push({ kind: 'quote' });
      state.leaf = NONE;
      pos = line.charCodeAt(ns + 1) === 32 ? ns + 2 : ns + 1;
      opened = true;
      continue;
    }
    const rest = line.slice(ns);
    if (!allMatched && !opened && tipIsParagraph && HTML_OPEN[6].test(rest) && !HTML_OPEN.slice(0, 6).some((re) => re.test(rest))) {
      // micromark quirk: a lazy line opening a lone tag starts an HTML block inside the open
      // containers instead of closing them.
      state.leaf = { kind: 'html', end: null };
      leafStarted = true;
      break;
    }
    const fence = FENCE_OPEN.exec(rest);
    const htmlType = HTML_OPEN.findIndex((re, i) => re.test(rest) && (i < 6 || !tipIsParagraph));
    if (ATX.test(rest)) {
      closeUnmatched();
      state.leaf = NONE;
    } else if (fence) {
      closeUnmatched();
      state.leaf = { kind: 'fence', char: fence[0][0], length: fence[0].length };
    } else if (htmlType >= 0) {
      closeUnmatched();
      const end = HTML_CLOSE[htmlType];
      state.leaf = end && end.test(rest) ? NONE : { kind: 'html', end };
    } else if (interrupting && SETEXT.test(rest)) {
      state.leaf = NONE;
    } else if (THEMATIC.test(rest)) {
      closeUnmatched();
      state.leaf = NONE;
    } else {
      const item = LIST_MARKER.exec(rest);
      const after = item ? ns + item[0].length : 0;
      const afterNs = item ? nextNonSpace(line, after) : 0;
      const emptyItem = item !== null && afterNs >= line.length;
      if (item && !(itemInterrupting && (emptyItem || (item[2] !== undefined && item[2] !== '1')))) {
        closeUnmatched();
        const spaces = afterNs - after;
        const padding = item[0].length + (emptyItem || spaces >= 5 ? 1 : spaces);
        state.containers.push({ kind: 'item', need: indent + padding, marker: item[1] ?? item[3], hasContent: !emptyItem });
        state.leaf = NONE;
        pos = emptyItem ? line.length : ns + padding;
        opened = true;
        continue;
      }
      break;
    }
    leafStarted = true;
    break;
  }

  const restNs = nextNonSpace(line, pos);
  const restBlank = restNs >= line.length;
  if (!leafStarted) {
    if (!opened && !allMatched && !restBlank && state.leaf.kind === 'paragraph') {
      return false; // lazy continuation: the unmatched containers stay open
    }
    closeUnmatched();
    const tip = state.leaf;
    if (restBlank) {
      if (tip.kind === 'paragraph' || tip.kind === 'table' || tip.kind === 'html') state.leaf = NONE;
    } else if (tip.kind === 'paragraph') {
      if (tip.lines === 1 && tip.pipe && DELIMITER_ROW.test(line.slice(restNs))) state.leaf = { kind: 'table' };
      else tip.lines++;
    } else if (tip.kind !== 'table') {
      const rest = line.slice(restNs);
      state.leaf = { kind: 'paragraph', lines: 1, pipe: rest.includes('|') };
      if (DEFINITION_START.test(rest)) state.definitions = true;
    }
  }
  if (!restBlank || leafStarted) {
    for (const c of state.containers) if (c.kind === 'item') c.hasContent = true;
  }

  const first = state.containers[0];
  const newTopItem = matched === 0 && opened && first?.kind === 'item' ? first.marker : null;
  if (first?.kind === 'item') state.topList = first.marker;
  else if (!blank) state.topList = null;

  const boundary =
    wasBlank &&
    !blank &&
    !leafOpen &&
    nextNonSpace(line, 0) < 4 &&
    matched === 0 &&
    state.blockHasContent &&
    (newTopItem === null || newTopItem !== prevTopList);
  if (boundary) state.blockHasContent = false;
  if (!blank) state.blockHasContent = true;
  return boundary;
}

/**
 * Judges a line from its first characters only: true or false when the line, however it goes
 * on, will (not) start a new top-level block as `scanLine` would decide; null while unsure.
 */
export function peekBoundary(state: ScanState, start: string): boolean | null {
  const line = expandTabs(start.endsWith('\r') ? start.slice(0, -1) : start);
  const ns = nextNonSpace(line, 0);
  if (ns >= line.length) return null;
  const leaf = state.leaf.kind;
  if (!state.prevBlank || !state.blockHasContent || ns >= 4) return false;
  if (leaf === 'indented' || leaf === 'fence' || leaf === 'html') return false;
  // After a blank line only list items are still open; enough indentation continues them.
  const first = state.containers[0];
  if (first?.kind === 'item' && ns >= first.need) return false;
  if (state.topList === null) return true;
  // The line might still become another item of the same list.
  const rest = line.slice(ns);
  const marker = /^(?:([*+-])|\d{1,9}([.)])?)/.exec(rest);
  if (!marker || marker[0] === '') return true;
  const kind = marker[1] ?? marker[2];
  if (kind === undefined) return marker[0].length === rest.length ? null : true;
  if (kind !== state.topList) return true;
  const after = rest[marker[0].length];
  return after === undefined || after === ' ' || after === '\t' ? null : true;
}
