// Line-level patterns of CommonMark and GFM block syntax, as the block scanner needs them.

export const ATX = /^#{1,6}(?:[ \t]|$)/;
export const FENCE_OPEN = /^(?:`{3,}(?!.*`)|~{3,})/;
export const FENCE_CLOSE = /^(`{3,}|~{3,})[ \t]*$/;
export const SETEXT = /^(?:=+|-+)[ \t]*$/;
export const THEMATIC = /^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
export const LIST_MARKER = /^(?:([*+-])|(\d{1,9})([.)]))(?=[ \t]|$)/;
export const DELIMITER_ROW = /^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
// A paragraph opening with `[label]:` (or a label still open at the line's end) may hold a
// link reference or footnote definition, which resolves across the whole document.
export const DEFINITION_START = /^\[(?:[^\\\]]|\\.)*(?:\]:|\\?$)/;

const TAG_NAME = '[A-Za-z][A-Za-z0-9-]*';
const ATTRIBUTE =
  '(?:\\s+[a-zA-Z_:][a-zA-Z0-9:._-]*(?:\\s*=\\s*(?:[^"\'=<>`\\x00-\\x20]+|\'[^\']*\'|"[^"]*"))?)';
export const HTML_OPEN: RegExp[] = [
  /^<(?:script|pre|textarea|style)(?:\s|>|$)/i,
  /^<!--/,
  /^<[?]/,
  /^<![A-Za-z]/,
  /^<!\[CDATA\[/,
  /^<[/]?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:\s|[/]?[>]|$)/i,
  new RegExp(`^(?:<${TAG_NAME}${ATTRIBUTE}*\\s*/?>|</${TAG_NAME}\\s*>)\\s*$`),
];
export const HTML_CLOSE: (RegExp | null)[] = [
  /<\/(?:script|pre|textarea|style)>/i,
  /-->/,
  /\?>/,
  />/,
  /\]\]>/,
  null,
  null,
];

/** Index of the first non-space character at or after `from` (tabs are expanded first). */
export function nextNonSpace(line: string, from: number): number {
  let i = from;
  while (i < line.length && line.charCodeAt(i) === 32) i++;
  return i;
}

/** Tab stops every 4 columns, as CommonMark counts indentation; content tabs do not matter here. */
export function expandTabs(line: string): string {
  if (!line.includes('\t')) return line;
  let out = '';
  for (const ch of line) {
    if (ch === '\t') out += ' '.repeat(4 - (out.length % 4));
    else out += ch;
  }
  return out;
}
