import { expect, test } from '@playwright/test';
import { useSandboxHarness } from './harness/sandbox-fixture';

// Escape attempts that e2e/sandbox.spec.ts does not already make, against the same harness and
// canary: every one must fail with an error in the result and reach nothing.

const sandbox = useSandboxHarness();
const { openHarness, runJs } = sandbox;

test('beacons, images, preconnect hints and WebRTC have nothing to work with', async ({ page }) => {
  await openHarness(page);
  const c = sandbox.canary.origin;
  expect((await runJs(page, `navigator.sendBeacon('${c}/beacon', 'secret')`)).error).toMatch(
    // A worker's navigator has no sendBeacon in Chromium; the runner blocks it where one exists.
    /^(TypeError: navigator\.sendBeacon is not a function|Error: sendBeacon is not available in the sandbox)/,
  );
  expect((await runJs(page, `new RTCPeerConnection({ iceServers: [{ urls: 'stun:127.0.0.1:3478' }] })`)).error).toMatch(
    // Chromium exposes no WebRTC to workers; the runner blocks it should a browser add it.
    /^(ReferenceError: RTCPeerConnection is not defined|Error: RTCPeerConnection is not available in the sandbox)/,
  );
  // The code runs in a worker: there is no DOM to add an <img>, <link rel=preconnect> or <form> to.
  expect((await runJs(page, `new Image().src = '${c}/img'`)).error).toMatch(/^ReferenceError: Image is not defined/);
  expect(
    (await runJs(page, `const l = document.createElement('link'); l.rel = 'preconnect'; l.href = '${c}'; document.head.append(l)`)).error,
  ).toMatch(/^ReferenceError: document is not defined/);
  expect(await runJs(page, '[typeof Image, typeof document, typeof HTMLFormElement, typeof RTCPeerConnection]')).toEqual({
    logs: [],
    value: ['undefined', 'undefined', 'undefined', 'undefined'],
  });
  await page.waitForTimeout(300); // a leaked beacon or connection would land within this window
  expect(sandbox.canary.hits).toEqual([]);
});

test("the app's DOM, cookies, storage, top window and API key are out of reach", async ({ page }) => {
  await openHarness(page);
  await page.evaluate(() => {
    document.cookie = 'session=host-cookie';
    localStorage.setItem('callstream.apiKey', 'sk-host-secret');
    sessionStorage.setItem('callstream.apiKey', 'sk-host-secret');
  });
  const probes = [
    'typeof top', 'typeof parent', 'typeof opener', 'typeof document', 'typeof localStorage', 'typeof sessionStorage',
    'typeof cookieStore', 'typeof location.assign',
  ];
  expect(await runJs(page, `[${probes.join(', ')}]`)).toEqual({
    logs: [],
    value: ['undefined', 'undefined', 'undefined', 'undefined', 'undefined', 'undefined', 'undefined', 'undefined'],
  });
  // A worker's location is its own blob: URL, read-only; the origin is opaque.
  expect(await runJs(page, '[location.protocol, self.origin]')).toEqual({ logs: [], value: ['blob:', 'null'] });
  expect((await runJs(page, 'top.location.href = "https://example.com/"')).error).toMatch(/^ReferenceError: top is not defined/);
  expect((await runJs(page, 'navigator.storage.getDirectory()')).error).toMatch(
    // An opaque-origin worker gets no navigator.storage at all; elsewhere the runner's stand-in throws.
    /^(TypeError: Cannot read properties of undefined \(reading 'getDirectory'\)|Error: storage is not available in the sandbox)/,
  );
  expect((await runJs(page, "caches.open('x')")).error).toMatch(/^(ReferenceError: caches is not defined|Error: caches is not available in the sandbox)/);
  // Nothing the code can see holds the key, whatever it searches.
  const search = await runJs(page, 'JSON.stringify(Object.getOwnPropertyNames(self).map((k) => { try { return String(self[k]); } catch { return ""; } }))');
  expect(JSON.stringify(search)).not.toContain('sk-host-secret');
  expect(JSON.stringify(search)).not.toContain('host-cookie');
  expect(page.url()).toBe(sandbox.harness.url('/e2e/harness/sandbox.html'));
  await expect.poll(() => page.evaluate(() => localStorage.getItem('callstream.apiKey'))).toBe('sk-host-secret');
});

test('a memory bomb is stopped by the time limit while the page keeps ticking', async ({ page }) => {
  await openHarness(page);
  const bomb = 'const a = []; while (true) a.push(new Array(1e6).fill(1));';
  const { ticks, result } = await page.evaluate((code) => window.mainThreadTicksDuring(code, 1500), bomb);
  // Either the time limit or the worker's own out-of-memory ends it; both are reported, and fast.
  expect(result.error).toMatch(/^(Timed out after 1\.5 s|.*(memory|Memory|allocation).*)$/);
  expect(ticks).toBeGreaterThanOrEqual(10); // the host's 50 ms timer kept firing: a frozen page counts 0
  expect(await page.locator('iframe').count()).toBe(0);
  await expect.poll(() => page.workers().length).toBe(0);
  expect(await runJs(page, '"alive"')).toEqual({ logs: [], value: 'alive' });
});

test('the page stays responsive to animation frames during an endless loop', async ({ page }) => {
  await openHarness(page);
  const frames = await page.evaluate(async () => {
    let count = 0;
    let running = true;
    const tick = () => {
      count++;
      if (running) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    const result = await window.runJs('for (;;) {}', 1000);
    running = false;
    return { count, result };
  });
  expect(frames.result).toEqual({ logs: [], error: 'Timed out after 1 s' });
  expect(frames.count).toBeGreaterThanOrEqual(10); // ~60 in a second; a blocked main thread paints none
});
