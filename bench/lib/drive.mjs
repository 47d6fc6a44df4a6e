// Drives one arm (the app or the naive page) through one measured run in a fresh browser context.

import { instrumentPage } from './instrument.mjs';
import { historyMetrics, streamMetrics } from './metrics.mjs';

const VIEWPORT = { width: 1280, height: 800 };
const WARM_UP = { text: 'Warm-up: **bold**, a list:\n\n- one\n- two\n\n```js\nconst x = 1;\n```', chunkSize: 8, delayMs: 0 };

// Done conditions, evaluated in the page after every DOM change.
const APP_ANSWERED = `() => {
  const answers = document.querySelectorAll('[data-role="assistant"]');
  const last = answers[answers.length - 1];
  return answers.length >= 2 && last.getAttribute('aria-busy') === 'false' && !!document.querySelector('button[title="Send (Enter)"]') && !document.querySelector('[data-rendering]');
}`;
const APP_CALL_READY = `() => [...document.querySelectorAll('button')].some((b) => b.textContent.trim().startsWith('Approve'))`;
const naiveDone = (n) => `() => document.body.dataset.done === '${n}'`;
const historyShown = (marker) => `() => {
  const answers = document.querySelectorAll('[data-role="assistant"]');
  return answers.length > 0 && answers[answers.length - 1].textContent.includes('${marker}') && !document.querySelector('[data-rendering]');
}`;

async function newPage(browser, init) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  await page.addInitScript(instrumentPage);
  if (init) await page.addInitScript(init.fn, init.arg);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  return { context, page, cdp };
}

async function taskSeconds(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'TaskDuration')?.value ?? NaN;
}

async function afterRun(page, cdp, taskStart) {
  const mainThreadMs = ((await taskSeconds(cdp)) - taskStart) * 1000;
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const dom = await page.evaluate(() => window.__bench.domSize());
  return { mainThreadMs, heapMB: usedSize / 2 ** 20, domNodes: dom.nodes, domElements: dom.elements };
}

async function measure(page, cdp, watch, done, trigger, resource = '/chat/completions', timeout = 120_000) {
  const taskStart = await taskSeconds(cdp);
  await page.evaluate((opts) => window.__bench.start(opts), { watch, done, resource });
  await trigger();
  await page.waitForFunction(() => window.__bench.collect() !== null, null, { timeout, polling: 100 });
  const raw = await page.evaluate(() => window.__bench.collect());
  return { raw, taskStart };
}

function settingsFor(mockUrl, key) {
  return {
    fn: ([settings, apiKey]) => {
      localStorage.setItem('callstream.settings', settings);
      sessionStorage.setItem('callstream.apiKey', apiKey);
    },
    arg: [JSON.stringify({ presetId: 'custom', baseURL: `${mockUrl}/v1`, model: 'mock-small', streaming: true, rememberKey: false }), key],
  };
}

async function appSend(page, text) {
  const box = page.getByRole('textbox', { name: 'Message' });
  await box.fill(text);
  return () => box.press('Enter');
}

/** One streamed answer (`script`) in the app; `tool` waits for the call's card instead of the answer. */
export async function appStream(browser, env, script, { tool = false } = {}) {
  const key = `bench-app-${env.nextKey()}`;
  const { context, page, cdp } = await newPage(browser, settingsFor(env.mock.url, key));
  try {
    await page.goto(env.appUrl);
    await env.mock.queue(key, WARM_UP);
    await (await appSend(page, 'warm up'))();
    await page.getByRole('button', { name: 'Send' }).waitFor();
    await page.getByTestId('conversation').getByText('const x = 1;').waitFor();
    await env.mock.queue(key, script);
    const press = await appSend(page, 'bench');
    const { raw, taskStart } = await measure(page, cdp, '[data-testid="conversation"]', tool ? APP_CALL_READY : APP_ANSWERED, press);
    return streamMetrics(raw, await afterRun(page, cdp, taskStart));
  } finally {
    await context.close();
  }
}

/** The same answer in the naive page. */
export async function naiveStream(browser, env, script, { tool = false } = {}) {
  const key = `bench-naive-${env.nextKey()}`;
  const { context, page, cdp } = await newPage(browser);
  try {
    await page.goto(env.naiveUrl);
    const opts = { mockUrl: env.mock.url, key, tools: tool };
    await env.mock.queue(key, WARM_UP);
    await page.evaluate((o) => window.__naive.run(o), opts);
    await env.mock.queue(key, script);
    const trigger = () => page.evaluate((o) => void window.__naive.run(o), opts);
    const { raw, taskStart } = await measure(page, cdp, '#answer', naiveDone(2), trigger);
    return streamMetrics(raw, await afterRun(page, cdp, taskStart));
  } finally {
    await context.close();
  }
}

async function scrollAndMeasure(page, cdp, selector, open, taskStart) {
  await page.waitForTimeout(300); // let deferred work (measuring rows, idle preloads) settle first
  const before = await afterRun(page, cdp, taskStart);
  const scroll = await page.evaluate((sel) => window.__bench.scrollThrough(sel, 150), selector);
  return historyMetrics(open, scroll, before);
}

/** Opens a saved conversation of `conv.messages.length` messages in the app, then scrolls through it. */
export async function appHistory(browser, env, conv, summary, marker) {
  const { context, page, cdp } = await newPage(browser, settingsFor(env.mock.url, 'bench-history'));
  try {
    await page.goto(env.appUrl);
    await page.getByRole('textbox', { name: 'Message' }).waitFor();
    // The app creates its database on start; the conversation goes in beside what it keeps.
    await page.waitForFunction(async () => (await indexedDB.databases()).some((d) => d.name === 'callstream'));
    await page.evaluate(
      ([c, s]) =>
        new Promise((resolve, reject) => {
          const req = indexedDB.open('callstream');
          req.onerror = () => reject(req.error);
          req.onsuccess = () => {
            const tx = req.result.transaction(['conversations', 'summaries'], 'readwrite');
            tx.objectStore('conversations').put(c);
            tx.objectStore('summaries').put(s);
            tx.oncomplete = () => {
              req.result.close();
              resolve(null);
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      [conv, summary],
    );
    const trigger = () => page.evaluate((id) => void (location.hash = `#/c/${encodeURIComponent(id)}`), conv.id);
    const { raw, taskStart } = await measure(page, cdp, '#root', historyShown(marker), trigger, null);
    return await scrollAndMeasure(page, cdp, '[data-testid="conversation"]', raw, taskStart);
  } finally {
    await context.close();
  }
}

/** The same conversation rendered whole by the naive page, then scrolled through. */
export async function naiveHistory(browser, env, dataPath) {
  const { context, page, cdp } = await newPage(browser);
  try {
    await page.goto(env.naiveUrl);
    const trigger = () => page.evaluate((p) => void window.__naive.history(p), dataPath);
    const { raw, taskStart } = await measure(page, cdp, '#root', naiveDone(1), trigger, null);
    return await scrollAndMeasure(page, cdp, '#scroller', raw, taskStart);
  } finally {
    await context.close();
  }
}

// Done when the conversation on screen has answered and no conversation in the sidebar still runs.
const ALL_ANSWERED = `() => {
  const answers = document.querySelectorAll('[data-role="assistant"]');
  const last = answers[answers.length - 1];
  return !!last && last.getAttribute('aria-busy') === 'false' && !!document.querySelector('button[title="Send (Enter)"]') && !document.querySelector('[data-rendering]')
    && !document.querySelector('[data-testid="live-state"], [data-testid="approval-badge"]');
}`;

/**
 * `scripts.length` conversations streaming at once, the last one on screen (one script: a single
 * foreground stream). Every script stalls after its first chunk, long enough for all the sends to
 * land; the measurement covers the streams only, from the last send until every answer is done.
 */
export async function appParallel(browser, env, scripts) {
  const key = `bench-parallel-${env.nextKey()}`;
  const { context, page, cdp } = await newPage(browser, settingsFor(env.mock.url, key));
  try {
    await page.goto(env.appUrl);
    await env.mock.queue(key, WARM_UP);
    await (await appSend(page, 'warm up'))();
    await page.getByRole('button', { name: 'Send' }).waitFor();
    await page.getByTestId('conversation').getByText('const x = 1;').waitFor();
    await env.mock.queue(key, ...scripts);
    for (let i = 0; i < scripts.length; i++) {
      await page.getByRole('button', { name: 'New chat' }).first().click();
      await page.waitForFunction(() => document.querySelector('[data-testid="conversation"]')?.getAttribute('data-message-count') === '0');
      await (await appSend(page, `bench ${i + 1}`))();
      await page.getByRole('button', { name: 'Stop', exact: true }).waitFor();
    }
    const { raw, taskStart } = await measure(page, cdp, 'body', ALL_ANSWERED, async () => {});
    return streamMetrics(raw, await afterRun(page, cdp, taskStart));
  } finally {
    await context.close();
  }
}
