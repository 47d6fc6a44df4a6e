// Markdown syntax read aloud is noise ("hash hash Packing list", "pipe Item pipe"); the words stay.
const RULES: [RegExp, string][] = [
  [/^\s*(```|~~~).*$/gm, ''], // code fences
  [/^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/gm, ''], // table separator rows
  [/!\[([^\]]*)\]\([^)]*\)/g, '$1'], // images: their alt text
  [/\[([^\]]+)\]\([^)]*\)/g, '$1'], // links: their words
  [/^\s{0,3}(#{1,6}|>+)\s*/gm, ''], // heading and quote markers
  [/^\s*[-*+]\s+(\[[ xX]\]\s+)?/gm, ''], // bullets and task boxes
  [/(\*\*|__|~~|`)/g, ''], // emphasis and code marks
  [/(\s*\|\s*)+/g, ', '], // table cells, rows run on
];

/** Plain words for a screen reader from a stretch of streamed markdown; empty when nothing is left to say. */
export function speakable(markdown: string): string {
  let text = markdown;
  for (const [pattern, replacement] of RULES) text = text.replace(pattern, replacement);
  return text
    .replace(/\s+/g, ' ')
    .replace(/^[\s,]+|[\s,]+$/g, '')
    .trim();
}
