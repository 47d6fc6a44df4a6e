#!/usr/bin/env node
// `npm run bench`: builds the app and the naive baseline, serves both, starts the mock LLM, and
// measures every scenario of issue 6 in headless Chromium with interleaved arms. Prints one JSON
// document and writes it to bench/results/latest.json. Options:
//   --reps N       repetitions per case (default 3)
//   --only a,b     run only these scenarios (markdown-max, markdown-paced, tool-args, long-history, parallel)
//   --no-build     reuse bench/dist from the previous run
// Ports: BENCH_APP_PORT (4310), BENCH_NAIVE_PORT (4311), BENCH_MOCK_PORT (8790).

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { appHistory, appParallel, appStream, naiveHistory, naiveStream } from './lib/drive.mjs';
import { historyConversation, historySummary, HISTORY_END_MARKER } from './lib/history.mjs';
import { markdownDocument } from './lib/markdown-doc.mjs';
import { growthOf, summarizeScenario, targets } from './lib/report.mjs';
import { serveStatic, startMock } from './lib/serve.mjs';
import { TOOL_NAME, toolArguments } from './lib/tool-args.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? fallback : args[i + 1];
};
const REPS = Number(opt('reps', 3));
const ONLY = opt('only', '').split(',').filter(Boolean);
const wanted = (name) => ONLY.length === 0 || ONLY.includes(name);
const log = (...m) => console.error('[bench]', ...m);

// Scenario shapes (see docs/performance.md). Sizes are what `growth` is computed across.
const MARKDOWN_TOKENS = [5_000, 20_000];
const PACED_TOKENS = 600;
const TOOL_BYTES = [12_800, 51_200, 204_800];
const HISTORY_SIZES = [200, 2_000];
// Four conversations streaming at once (one on screen) against one foreground stream of the same total size.
const PARALLEL_TOKENS = 8_000;
const PARALLEL_RUNS = 4;
const PARALLEL_STALL_MS = 8_000; // longer than the four sends take on a busy machine

function build() {
  log('building the app and the naive page…');
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  execFileSync(npx, ['vite', 'build', '--outDir', 'bench/dist/app', '--emptyOutDir', '--logLevel', 'warn'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  const size = execFileSync(process.execPath, ['scripts/bundle-size.mjs'], { cwd: root, env: { ...process.env, DIST_DIR: 'bench/dist/app' }, encoding: 'utf8' });
  execFileSync(npx, ['vite', 'build', '--config', 'bench/vite.config.ts'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  return Number(/total ([\d.]+) KB gzip/.exec(size)?.[1]);
}

async function main() {
  const started = Date.now();
  const initialKb = args.includes('--no-build') && existsSync(join(here, 'dist/app')) ? null : build();
  const histories = Object.fromEntries(HISTORY_SIZES.map((n) => [n, historyConversation(n)]));
  const data = Object.fromEntries(HISTORY_SIZES.map((n) => [`/bench-data/history-${n}.json`, JSON.stringify(histories[n])]));
  const mock = await startMock(root, Number(process.env.BENCH_MOCK_PORT ?? 8790));
  const app = await serveStatic(join(here, 'dist/app'), Number(process.env.BENCH_APP_PORT ?? 4310));
  const naive = await serveStatic(join(here, 'dist/naive'), Number(process.env.BENCH_NAIVE_PORT ?? 4311), data);
  const executablePath = process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-default-apps', '--disable-quic', '--no-first-run', '--no-default-browser-check', '--enable-precise-memory-info'],
  });
  const chromiumVersion = browser.version();
  let keys = 0;
  const env = { mock, appUrl: app.url, naiveUrl: naive.url, nextKey: () => `${Date.now()}-${keys++}` };

  // Every case of every scenario: how to run it in each arm.
  const cases = [];
  const doc = markdownDocument(Math.max(...MARKDOWN_TOKENS));
  if (wanted('markdown-max'))
    for (const tokens of MARKDOWN_TOKENS) {
      const script = { text: doc.slice(0, tokens * 4), chunkSize: 4, delayMs: 0 };
      cases.push({ scenario: 'markdown-max', size: tokens, app: () => appStream(browser, env, script), naive: () => naiveStream(browser, env, script) });
    }
  if (wanted('markdown-paced')) {
    const script = { text: doc.slice(0, PACED_TOKENS * 4), chunkSize: 4, delayMs: 10 };
    cases.push({ scenario: 'markdown-paced', size: PACED_TOKENS, app: () => appStream(browser, env, script), naive: () => naiveStream(browser, env, script) });
  }
  if (wanted('tool-args'))
    for (const bytes of TOOL_BYTES) {
      const script = { toolCalls: [{ id: 'call_bench', name: TOOL_NAME, arguments: toolArguments(bytes) }], chunkSize: 8, delayMs: 0 };
      cases.push({ scenario: 'tool-args', size: bytes, app: () => appStream(browser, env, script, { tool: true }), naive: () => naiveStream(browser, env, script, { tool: true }) });
    }
  if (wanted('long-history'))
    for (const n of HISTORY_SIZES) {
      const conv = histories[n];
      cases.push({
        scenario: 'long-history',
        size: n,
        app: () => appHistory(browser, env, conv, historySummary(conv), HISTORY_END_MARKER),
        naive: () => naiveHistory(browser, env, `/bench-data/history-${n}.json`),
      });
    }

  if (wanted('parallel')) {
    const text = doc.slice(0, PARALLEL_TOKENS * 4);
    const stalled = (t) => ({ text: t, chunkSize: 4, delayMs: 1, fault: { type: 'stall', afterChunks: 1, ms: PARALLEL_STALL_MS } });
    const quarter = text.length / PARALLEL_RUNS;
    const parts = Array.from({ length: PARALLEL_RUNS }, (_, i) => stalled(text.slice(i * quarter, (i + 1) * quarter)));
    // Arms: "app" is the four conversations, "naive" the single foreground stream (renamed in the report).
    cases.push({ scenario: 'parallel', size: PARALLEL_TOKENS, app: () => appParallel(browser, env, parts), naive: () => appParallel(browser, env, [stalled(text)]) });
  }

  const runs = {};
  try {
    for (let rep = 0; rep < REPS; rep++) {
      for (const c of cases) {
        // Interleaved, alternating which arm goes first, so drift on a shared machine hits both.
        const order = rep % 2 === 0 ? ['app', 'naive'] : ['naive', 'app'];
        for (const arm of order) {
          const t = Date.now();
          const result = await c[arm]();
          ((runs[c.scenario] ??= {})[c.size] ??= { app: [], naive: [] })[arm].push(result);
          log(`rep ${rep + 1}/${REPS} ${c.scenario} ${c.size} ${arm}: ${Date.now() - t} ms`);
        }
      }
    }
  } finally {
    await browser.close();
    await Promise.all([app.close(), naive.close(), mock.close()]);
  }

  const scenarios = {};
  for (const [name, bySize] of Object.entries(runs)) {
    const summary = summarizeScenario(bySize);
    if (name === 'parallel') {
      scenarios[name] = { cases: renameParallelArms(summary) };
      continue;
    }
    scenarios[name] = { cases: summary };
    if (Object.keys(summary).length > 1 && name !== 'long-history')
      scenarios[name].growth = { wallMs: growthOf(summary, 'wallMs'), mainThreadMs: growthOf(summary, 'mainThreadMs') };
  }
  const result = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, node: process.version, chromium: chromiumVersion },
    reps: REPS,
    durationS: Math.round((Date.now() - started) / 1000),
    initialJsKbGzip: initialKb,
    sizes: { 'markdown-max': 'tokens', 'markdown-paced': 'tokens', 'tool-args': 'bytes of arguments', 'long-history': 'messages', parallel: 'tokens in all' },
    scenarios,
    targets: targets(scenarios),
  };
  const json = JSON.stringify(result, null, 2);
  mkdirSync(join(here, 'results'), { recursive: true });
  writeFileSync(join(here, 'results/latest.json'), `${json}\n`);
  console.log(json);
}

/** The parallel scenario compares two app runs: four conversations at once, and one stream of the same size. */
function renameParallelArms(summary) {
  return Object.fromEntries(
    Object.entries(summary).map(([size, c]) => [size, { four: c.app, one: c.naive, fourOverOne: c.appOverNaive, runs: c.runs }]),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
