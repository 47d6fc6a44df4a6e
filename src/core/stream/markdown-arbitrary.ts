// Test support: fast-check generators of markdown documents mixing the constructs whose block
// boundaries are easy to get wrong. Imported by tests only.
import fc from 'fast-check';

const word = fc.constantFrom(
  'alpha',
  'beta',
  'gamma',
  '**bold**',
  '*em*',
  '`code`',
  '[link](https://example.com)',
  'a|b',
  '-',
  '1.',
  '>',
  '#',
  '<b>',
  'end.',
  // Math and what must stay text: the tokenizer must find the same spans block by block as whole.
  '$x^2$',
  '$$\\int_0^1 x\\,dx$$',
  '\\(a_1\\)',
  '\\[b\\]',
  '$5',
  '$$',
  '\\(',
  '\\$',
);
const words = fc.array(word, { minLength: 1, maxLength: 4 }).map((ws) => ws.join(' '));
const indent = (n: number) => ' '.repeat(n);
const reindent = (block: string, n: number) =>
  block
    .split('\n')
    .map((l) => (l.trim() === '' ? l : indent(n) + l))
    .join('\n');

const heading = fc.tuple(fc.integer({ min: 1, max: 6 }), words).map(([n, w]) => `${'#'.repeat(n)} ${w}`);
const setext = fc.tuple(words, fc.constantFrom('===', '---', '-')).map(([w, u]) => `${w}\n${u}`);
const paragraph = fc.array(words, { minLength: 1, maxLength: 3 }).map((ls) => ls.join('\n'));
const rule = fc.constantFrom('---', '***', '___', '- - -', '* * *');

const codeLine = fc.oneof(
  words,
  fc.constantFrom('', '', '```', '~~~', '````', '# not a heading', '- not a list', '    indented', '> no quote'),
);
export const fencedCode = fc
  .record({
    ind: fc.integer({ min: 0, max: 3 }),
    char: fc.constantFrom('`', '~'),
    len: fc.integer({ min: 3, max: 5 }),
    lang: fc.constantFrom('', 'js', 'python', 'text'),
    body: fc.array(codeLine, { maxLength: 5 }),
    close: fc.constantFrom<'same' | 'longer' | 'indented' | 'none'>('same', 'same', 'longer', 'indented', 'none'),
  })
  .map(({ ind, char, len, lang, body, close }) => {
    const fence = char.repeat(len);
    const closing =
      close === 'none' ? [] : [`${close === 'indented' ? '  ' : indent(ind)}${fence}${close === 'longer' ? char : ''}`];
    return [`${indent(ind)}${fence}${lang}`, ...body, ...closing].join('\n');
  });

const table = fc
  .record({
    cols: fc.integer({ min: 1, max: 3 }),
    rows: fc.integer({ min: 0, max: 3 }),
    pipes: fc.boolean(),
    cell: fc.constantFrom('a', 'b', '**x**', '`y`', '1'),
  })
  .map(({ cols, rows, pipes, cell }) => {
    const row = (c: string) => {
      const inner = Array.from({ length: cols }, () => c).join(' | ');
      return pipes || cols === 1 ? `| ${inner} |` : inner;
    };
    return [row('h'), row('---'), ...Array.from({ length: rows }, () => row(cell))].join('\n');
  });

const indentedCode = fc
  .array(fc.oneof(words, fc.constant('')), { minLength: 1, maxLength: 3 })
  .map((ls) => ['    first', ...ls.map((l) => (l ? `    ${l}` : ''))].join('\n'));

const html = fc.constantFrom('<div>\nalpha\n</div>', '<!--\nnote\n\nmore\n-->', '<br>', '<details>\n<summary>x</summary>\n</details>');

type Leafy = fc.Arbitrary<string>;
const simple: Leafy = fc.oneof(heading, paragraph, fencedCode, table, rule);

const listItemBody = (width: number) =>
  fc
    .tuple(
      words,
      fc.array(
        fc.oneof(
          paragraph.map((p) => `\n\n${reindent(p, width)}`),
          fencedCode.map((c) => `\n${reindent(c, width)}`),
          fc.constant('\nlazy continuation'),
          fc.constantFrom('\n<br>', '\n<div>', '\n<!-- c -->'),
          fc.constant(`\n${indent(width)}- nested`),
          fc.constant(`\n\n${indent(width)}1. nested ordered\n${indent(width)}2. second`),
          fc.constant(`\n${indent(width)}> quoted`),
        ),
        { maxLength: 2 },
      ),
    )
    .map(([first, extra]) => first + extra.join(''));

export const list = fc
  .record({
    marker: fc.constantFrom('-', '*', '+', '.', ')'),
    count: fc.integer({ min: 1, max: 4 }),
    loose: fc.boolean(),
    spaces: fc.integer({ min: 1, max: 2 }),
  })
  .chain(({ marker, count, loose, spaces }) => {
    const ordered = marker === '.' || marker === ')';
    const markers = Array.from({ length: count }, (_, i) => (ordered ? `${i + 1}${marker}` : marker));
    return fc
      .tuple(...markers.map((m) => listItemBody(m.length + spaces).map((body) => `${m}${indent(spaces)}${body}`)))
      .map((items) => items.join(loose ? '\n\n' : '\n'));
  });

const quoteLine = fc.oneof(words, fc.constantFrom('', '- item', '```', '> nested', '    code'));
export const quote = fc
  .tuple(fc.array(quoteLine, { minLength: 1, maxLength: 4 }), fc.constantFrom('', 'lazy line', '<span>', '- after'))
  .map(([ls, lazy]) => [...ls.map((l) => (l ? `> ${l}` : '>')), ...(lazy ? [lazy] : [])].join('\n'));

const block = fc.oneof(simple, setext, list, quote, indentedCode, html);
const separator = fc.constantFrom('\n', '\n\n', '\n\n', '\n\n\n', '\n  \n');

/** A markdown document of 1–8 blocks with assorted separators. */
export const markdownDocument = fc
  .tuple(fc.array(fc.tuple(block, separator), { minLength: 1, maxLength: 8 }), fc.boolean())
  .map(([parts, trailingNewline]) => {
    const text = parts.map(([b, s]) => b + s).join('');
    return trailingNewline ? text : text.replace(/\s+$/, '');
  });

/** Cuts a text into consecutive chunks at the given sorted offsets. */
export function chunkText(text: string, cuts: number[]): string[] {
  const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const chunks: string[] = [];
  let prev = 0;
  for (const p of points) {
    if (p > prev) chunks.push(text.slice(prev, p));
    prev = Math.max(prev, p);
  }
  if (prev < text.length) chunks.push(text.slice(prev));
  return chunks;
}
