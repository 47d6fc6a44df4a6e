// Prints the initial JavaScript the page loads (entry + modulepreloads, gzip) and fails above the budget.
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

// What the page needs before it can show anything; everything else (protocol decoders, the
// highlighter, KaTeX, the MCP SDK, panels, the sandbox runner) loads when first used.
const BUDGET_KB = 180;
const dist = process.env.DIST_DIR ?? 'dist';
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const initial = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\/?([^"]+\.js)"/g)].map((m) => m[1]);
const kb = (bytes) => Math.round((bytes / 1024) * 10) / 10;
const size = (file) => {
  const buf = readFileSync(join(dist, file));
  return { file, raw: kb(buf.length), gzip: kb(gzipSync(buf, { level: 9 }).length) };
};
const rows = [...new Set(initial)].map(size);
const total = rows.reduce((sum, r) => sum + r.gzip, 0);
const lazy = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js') && !initial.includes(`assets/${f}`)).map((f) => size(`assets/${f}`));
console.log('Initial JavaScript (loaded with the page):');
for (const r of rows) console.log(`  ${r.file}  ${r.raw} KB min, ${r.gzip} KB gzip`);
console.log(`  total ${Math.round(total * 10) / 10} KB gzip (budget ${BUDGET_KB} KB)`);
console.log(`Loaded on demand: ${lazy.length} chunks, ${Math.round(lazy.reduce((s, r) => s + r.gzip, 0))} KB gzip`);
for (const r of lazy.sort((a, b) => b.gzip - a.gzip)) console.log(`  ${r.file}  ${r.raw} KB min, ${r.gzip} KB gzip`);
if (total > BUDGET_KB) {
  console.error(`Initial JavaScript is ${total} KB gzip, over the ${BUDGET_KB} KB budget.`);
  process.exit(1);
}
