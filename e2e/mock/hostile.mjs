// Hostile model output for the hostile-content guard (docs/security.md §13): scripts the mock
// streams, at any size. The e2e suite queues them at modest sizes so it stays fast; the bench
// (bench/run.mjs, scenario `hostile`) streams the full sizes.

const run = (n) => 'abcdefghij'.repeat(Math.ceil(n / 10)).slice(0, n);

/** The text of each hostile case, `size` scaling it (characters or items). */
export const HOSTILE_TEXT = {
  /** One line without a single space. */
  'long-line': (size) => run(size),
  /** Inline code holding one unbroken run. */
  'inline-code': (size) => `Before \`${run(size)}\` after.`,
  /** A table whose cell holds one unbroken run. */
  'table-cell': (size) => `| key | value |\n| --- | --- |\n| cell | ${run(size)} |\n\nAfter the table.`,
  /** A link whose text is one unbroken run. */
  'link-text': (size) => `See [${run(size)}](https://example.com/) for more.`,
  /** Lists nested `size` deep on one line. */
  'nested-list': (size) => `${'- '.repeat(size)}deep\n\nAfter the list.`,
  /** Block quotes nested `size` deep. */
  'nested-quote': (size) => `${'>'.repeat(size)} deep\n\nAfter the quote.`,
  /** A table of `size` rows. */
  table: (size) => `| # | name | value |\n| - | ---- | ----- |\n${Array.from({ length: size }, (_, i) => `| ${i} | row ${i} | ${i * 7} |`).join('\n')}\n\nAfter the table.`,
  /** `size` links in one paragraph. */
  links: (size) => Array.from({ length: size }, (_, i) => `[link ${i}](https://example.com/${i})`).join(' '),
  /** `size` zero-width joiners, then `size` combining marks on one base. */
  joiners: (size) => `Joiners: a${'\u200d'.repeat(size)}b and marks: e${'\u0301'.repeat(size)} done.`,
  /** Bidi overrides that never close, and isolates. */
  bidi: () => 'Price: \u202e0.01 USD\u202c then \u202eopen override never closed and \u2067isolate never closed',
  /** Control characters (C0, DEL, C1), which render as nothing or a box but never act. */
  control: () => `Bell\u0007 NUL\u0000 ESC\u001b[31m red? DEL\u007f C1\u0085 end.`,
};

/** A mock script streaming `kind` as the answer (or as reasoning), in `chunkSize` pieces. */
export function hostileAnswer(kind, size = 0, { chunkSize = 4096, delayMs = 0, as = 'text' } = {}) {
  const text = HOSTILE_TEXT[kind](size);
  return as === 'reasoning' ? { reasoning: text, text: 'Done thinking.', chunkSize, delayMs } : { text, chunkSize, delayMs };
}

/** A tool call whose single-line JSON arguments hold a `size`-character string. */
export function hostileToolCall(name, size, { chunkSize = 4096, delayMs = 0 } = {}) {
  return { toolCalls: [{ id: `hostile_${size}`, name, arguments: { name: `${run(40)}.txt`, content: run(size) } }], chunkSize, delayMs };
}

export { run as unbrokenRun };
