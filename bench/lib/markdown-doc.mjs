// A seeded markdown answer like a long model reply: headings, paragraphs with inline marks,
// nested lists, GFM tables, many fenced code blocks and quotes. ~4 characters per token.

import { prng } from './prng.mjs';

export const CHARS_PER_TOKEN = 4;

const WORDS = (
  'the stream parser keeps each block once and renders only its tail while tokens arrive from the model ' +
  'a request carries tools with schemas so arguments are validated before anything runs in the browser ' +
  'latency matters less than steadiness because people read along as the answer grows on screen ' +
  'virtual rows measure themselves with observers and the list follows the bottom unless you scroll away'
).split(' ');

const LANGS = ['ts', 'py', 'json', 'bash', 'rust', 'sql'];
const IDENT = ['value', 'index', 'buffer', 'result', 'tokens', 'offset', 'parser', 'render', 'count', 'frame'];

function sentence(r, min = 6, max = 16) {
  const n = r.int(min, max);
  const words = [];
  for (let i = 0; i < n; i++) {
    let w = r.pick(WORDS);
    const roll = r.next();
    if (roll < 0.05) w = `**${w}**`;
    else if (roll < 0.09) w = `\`${r.pick(IDENT)}()\``;
    else if (roll < 0.11) w = `*${w}*`;
    else if (roll < 0.12) w = `[${w}](https://example.com/${r.pick(IDENT)})`;
    words.push(w);
  }
  const s = words.join(' ');
  return `${s[0].toUpperCase()}${s.slice(1)}.`;
}

function paragraph(r) {
  return Array.from({ length: r.int(2, 5) }, () => sentence(r)).join(' ');
}

function list(r) {
  const ordered = r.next() < 0.4;
  const items = [];
  const n = r.int(3, 7);
  for (let i = 0; i < n; i++) {
    items.push(`${ordered ? `${i + 1}.` : '-'} ${sentence(r, 4, 12)}`);
    if (r.next() < 0.25) for (let j = 0; j < r.int(1, 3); j++) items.push(`   - ${sentence(r, 3, 8)}`);
  }
  return items.join('\n');
}

function table(r) {
  const cols = r.int(3, 5);
  const head = Array.from({ length: cols }, (_, i) => (i === 0 ? 'Name' : r.pick(IDENT)));
  const rows = Array.from({ length: r.int(3, 8) }, () =>
    Array.from({ length: cols }, (_, i) => (i === 0 ? `\`${r.pick(IDENT)}\`` : String(r.int(1, 9999)))),
  );
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

function code(r) {
  const lang = r.pick(LANGS);
  const lines = [];
  for (let i = 0; i < r.int(5, 24); i++) {
    const indent = '  '.repeat(r.int(0, 3));
    const a = r.pick(IDENT);
    const b = r.pick(IDENT);
    lines.push(`${indent}${lang === 'py' ? '' : 'const '}${a}_${i} = ${b}(${r.int(0, 99)}, "${r.pick(WORDS)}");`);
  }
  return `\`\`\`${lang}\n${lines.join('\n')}\n\`\`\``;
}

const quote = (r) => `> ${sentence(r)}\n> ${sentence(r)}`;

/** Deterministic markdown of about `tokens` tokens (never shorter). */
export function markdownDocument(tokens, seed = 20240607) {
  const r = prng(seed);
  const target = tokens * CHARS_PER_TOKEN;
  const blocks = [`# ${sentence(r, 3, 6).slice(0, -1)}`, paragraph(r)];
  let length = blocks.join('\n\n').length;
  let section = 1;
  while (length < target) {
    const roll = r.next();
    let block;
    if (roll < 0.08) block = `## ${section++}. ${sentence(r, 2, 5).slice(0, -1)}`;
    else if (roll < 0.12) block = `### ${sentence(r, 2, 4).slice(0, -1)}`;
    else if (roll < 0.42) block = paragraph(r);
    else if (roll < 0.6) block = list(r);
    else if (roll < 0.7) block = table(r);
    else if (roll < 0.95) block = code(r);
    else block = quote(r);
    blocks.push(block);
    length += block.length + 2;
  }
  return blocks.join('\n\n');
}
