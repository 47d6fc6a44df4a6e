// The tool-args scenario: one write_file call whose `content` is a long program (write_file asks
// for approval and accepts up to 1 MB, so the run stops with the card waiting: a clean end point).

import { prng } from './prng.mjs';

/** A deterministic program of `bytes` characters (the arguments JSON adds a few bytes around it). */
export function programText(bytes, seed = 7) {
  const r = prng(seed);
  const names = ['total', 'rows', 'buffer', 'limit', 'cursor', 'parsed', 'weights', 'scale'];
  const lines = [];
  let length = 0;
  for (let i = 0; length < bytes; i++) {
    const indent = '  '.repeat(r.int(0, 3));
    const line =
      r.next() < 0.15
        ? `${indent}// step ${i}: "${r.pick(names)}" keeps its\ttab and quotes`
        : `${indent}const ${r.pick(names)}_${i} = ${r.pick(names)}.map((x) => x * ${r.int(1, 99)}).filter(Boolean);`;
    lines.push(line);
    length += line.length + 1;
  }
  return lines.join('\n').slice(0, bytes);
}

export const TOOL_NAME = 'write_file';

/** The call's arguments as the model streams them. */
export function toolArguments(bytes) {
  return JSON.stringify({ name: 'bench.js', content: programText(bytes) });
}
