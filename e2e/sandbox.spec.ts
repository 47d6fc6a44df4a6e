import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { useSandboxHarness } from './harness/sandbox-fixture';

// run_javascript's sandbox in real Chromium: what runs, what is blocked, and that nothing leaks.
// Every escape attempt aims at a local canary server; a passing test means it received nothing.

const sandbox = useSandboxHarness();
const { openHarness, runJs } = sandbox;

test('runs code and returns logs and the value', async ({ page }) => {
  await openHarness(page);
  expect(await runJs(page, "console.log('sum', [1, 2]); console.warn('careful'); 6 * 7")).toEqual({
    logs: ['sum [1,2]', '[warn] careful'],
    value: 42,
  });
  expect(await runJs(page, "await new Promise((r) => setTimeout(r, 20));\nreturn new Map([['a', 1]])")).toEqual({
    logs: [],
    value: [['a', 1]],
  });
  expect(await runJs(page, 'const a = 1;\nnull.x')).toEqual({
    logs: [],
    error: "TypeError: Cannot read properties of null (reading 'x') (line 2)",
  });
  expect(await runJs(page, '[typeof document, typeof window, typeof localStorage, typeof parent]')).toEqual({
    logs: [],
    value: ['undefined', 'undefined', 'undefined', 'undefined'],
  });
});

test('network, storage and messaging attempts fail with clear errors and reach nothing', async ({ page }) => {
  await openHarness(page);
  const c = sandbox.canary.origin;
  const attempts: Record<string, string> = {
    fetch: `await fetch('${c}/fetch')`,
    XMLHttpRequest: `const x = new XMLHttpRequest(); x.open('GET', '${c}/xhr'); x.send()`,
    WebSocket: `new WebSocket('${c.replace('http', 'ws')}/ws')`,
    EventSource: `new EventSource('${c}/sse')`,
    importScripts: `importScripts('${c}/script.js')`,
    Worker: `new Worker('${c}/worker.js')`,
    indexedDB: `indexedDB.open('db')`,
    postMessage: `postMessage({ type: 'result', value: 'forged' })`,
  };
  for (const [name, code] of Object.entries(attempts)) {
    const result = await runJs(page, code);
    expect(result.error, name).toMatch(new RegExp(`^Error: ${name} is not available in the sandbox`));
  }
  expect((await runJs(page, `await import('${c}/module.js')`)).error).toMatch(/^TypeError: Failed to fetch dynamically imported module/);
  await page.waitForTimeout(300);
  expect(sandbox.canary.hits).toEqual([]);
});

test('the sandbox CSP alone blocks the network from a worker, though the canary is reachable', async ({ page }) => {
  await openHarness(page);
  const c = sandbox.canary.origin;
  // A worker with none of the runner's stand-ins: only the inherited CSP stands in the way.
  const worker = `
    const tries = {
      fetch: () => fetch('${c}/raw-fetch').then((r) => 'status ' + r.status),
      xhr: () => new Promise((ok, no) => { const x = new XMLHttpRequest(); x.open('GET', '${c}/raw-xhr'); x.onload = () => ok('status ' + x.status); x.onerror = () => no(new Error('xhr failed')); x.send(); }),
      websocket: () => new Promise((ok, no) => { const w = new WebSocket('${c.replace('http', 'ws')}/raw-ws'); w.onopen = () => ok('open'); w.onerror = () => no(new Error('ws failed')); }),
      importScripts: async () => importScripts('${c}/raw.js'),
      nestedWorker: () => new Promise((ok) => { const w = new Worker(URL.createObjectURL(new Blob(["fetch('${c}/raw-nested').then(() => postMessage('fetched'), (e) => postMessage(String(e)))"]))); w.onmessage = (e) => ok(e.data); }),
      indexedDB: () => new Promise((ok, no) => { const r = indexedDB.open('x'); r.onsuccess = () => ok('opened'); r.onerror = () => no(r.error); }),
    };
    (async () => {
      const out = {};
      for (const [name, attempt] of Object.entries(tries)) {
        try { out[name] = 'ok: ' + await attempt(); } catch (e) { out[name] = 'blocked: ' + e.name; }
      }
      postMessage(out);
    })();`;
  const html = `<script>const w = new Worker(URL.createObjectURL(new Blob([${JSON.stringify(worker).replace(/</g, '\\u003c')}]))); w.onmessage = (e) => parent.postMessage(e.data, '*');</script>`;

  const locked = await page.evaluate((h) => window.rawSandboxFrame(h, { csp: true, waitMs: 8000, messages: 1 }), html);
  expect(locked).toEqual([
    {
      fetch: 'blocked: TypeError',
      xhr: 'blocked: Error',
      websocket: 'blocked: Error',
      importScripts: 'blocked: NetworkError',
      nestedWorker: 'ok: TypeError: Failed to fetch',
      indexedDB: 'blocked: SecurityError',
    },
  ]);
  await page.waitForTimeout(300);
  expect(sandbox.canary.hits).toEqual([]);

  // Control: the same worker without the CSP does reach the canary, so the silence above is the CSP's doing.
  const open = (await page.evaluate((h) => window.rawSandboxFrame(h, { csp: false, waitMs: 8000, messages: 1 }), html)) as Record<string, string>[];
  expect(open[0].fetch).toBe('ok: status 200');
  expect(sandbox.canary.requests()).toContain('GET /raw-fetch');
});

test("the host page's frame-src 'self' stops a sandboxed frame from navigating itself out", async ({ page }) => {
  const policy = `<meta http-equiv="Content-Security-Policy" content="frame-src 'self'" />`;
  expect(readFileSync('index.html', 'utf8')).toContain(policy);
  expect(readFileSync('e2e/harness/sandbox.html', 'utf8')).toContain(policy);
  const c = sandbox.canary.origin;
  const escapes = [
    `<script>location.href = '${c}/navigate?secret=1'</script>`,
    `<meta http-equiv="refresh" content="0;url=${c}/refresh">`,
  ];
  const tryEscapes = async () => {
    sandbox.canary.reset();
    for (const html of escapes) await page.evaluate((h) => window.rawSandboxFrame(h, { csp: true, waitMs: 1500 }), html);
    await page.waitForTimeout(300);
    return sandbox.canary.requests();
  };

  // Control: the frame's own CSP does not cover navigation, so without the host's policy it leaks.
  await page.goto(sandbox.harness.url('/e2e/harness/sandbox-without-frame-policy.html'));
  await page.waitForFunction(() => window.sandboxReady === true);
  expect(await tryEscapes()).toEqual(['GET /navigate?secret=1', 'GET /refresh']);

  await openHarness(page);
  // Chromium may open a bare TCP connection before the policy check; no request is ever sent.
  expect(await tryEscapes()).toEqual([]);
  // And the real sandbox still works under that policy.
  expect(await runJs(page, '"still runs"')).toEqual({ logs: [], value: 'still runs' });
});

test('an endless loop is stopped from outside without freezing the page', async ({ page }) => {
  await openHarness(page);
  const running = page.evaluate(() => window.mainThreadTicksDuring("console.log('spinning'); while (true) {}", 1500));
  await expect.poll(() => page.workers().length).toBe(1);
  const { ticks, result } = await running;
  expect(result).toEqual({ logs: ['spinning'], error: 'Timed out after 1.5 s' });
  expect(ticks).toBeGreaterThanOrEqual(15); // about 30 ticks of 50 ms: the page kept running (a frozen page: 0)
  expect(await page.locator('iframe').count()).toBe(0);
  await expect.poll(() => page.workers().length).toBe(0); // removing the frame ended the worker
  expect(await runJs(page, '1 + 1')).toEqual({ logs: [], value: 2 });
});

test('aborting stops the run at once and removes its frame', async ({ page }) => {
  await openHarness(page);
  const { error, elapsedMs } = await page.evaluate(() => window.runJsAndAbort('while (true) {}', 300));
  expect(error).toBe('AbortError: Stopped by the user');
  expect(elapsedMs).toBeLessThan(1000);
  expect(await page.locator('iframe').count()).toBe(0);
});
