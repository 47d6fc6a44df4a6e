import { expect, test, type Page } from '@playwright/test';
import { chatRequests, keyFor, lastAnswer, queue, send, useMock, waitIdle } from './support';

// The retry policy against the mock's fault modes: failures before the first token are retried
// automatically (showing the wait), failures after it never replay the answer and offer Retry.

const RECOVERED = 'Recovered: here is the whole answer.';

async function start(page: Page, key: string, model?: string) {
  await useMock(page, key, { model });
  await page.goto('/');
}

/**
 * Each figure of a retry countdown shows for about a second, which polling can step over on a busy
 * machine; the page keeps every text its status line showed, and the test reads them afterwards.
 */
async function recordStatusLine(page: Page) {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { statusTexts: string[] }).statusTexts = seen;
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid="run-status"]')?.textContent ?? '';
      if (text && seen[seen.length - 1] !== text) seen.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

function statusLineTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { statusTexts: string[] }).statusTexts);
}

test('a 429 with Retry-After 2 counts the wait down and the answer arrives without clicking Retry', async ({ page }, testInfo) => {
  const key = keyFor(testInfo);
  await queue(key, { fault: { type: 'http', status: 429, retryAfter: 2 } }, { text: RECOVERED, delayMs: 0 });
  await start(page, key);
  await recordStatusLine(page);
  await send(page, 'Hello');
  await expect(lastAnswer(page)).toContainText(RECOVERED);
  const countdown = (await statusLineTexts(page)).flatMap((text) => /Rate limited — retrying in (\d+) s \(attempt 2 of 3\)/.exec(text)?.[1] ?? []);
  // It counts down to 1 s in whole seconds (the first figure can round up to 3 s while the wait starts).
  expect(countdown.slice(-2)).toEqual(['2', '1']);
  await waitIdle(page);
  await expect(lastAnswer(page).getByRole('alert')).toHaveCount(0);
  await expect(page.getByTestId('run-status')).not.toContainText('retrying');
  expect(await chatRequests(key)).toHaveLength(2);
});

test('a 500 before any output is retried automatically with backoff', async ({ page }, testInfo) => {
  const key = keyFor(testInfo);
  await queue(key, { fault: { type: 'http', status: 500 } }, { text: RECOVERED, delayMs: 0 });
  await start(page, key);
  await recordStatusLine(page);
  await send(page, 'Hello');
  await expect(lastAnswer(page)).toContainText(RECOVERED);
  const countdown = (await statusLineTexts(page)).flatMap((text) => /Server error \(HTTP 500\) — retrying in (\d+) s \(attempt 2 of 3\)/.exec(text)?.[1] ?? []);
  expect(countdown[countdown.length - 1]).toBe('1');
  await waitIdle(page);
  await expect(lastAnswer(page).getByRole('alert')).toHaveCount(0);
  const reqs = await chatRequests(key);
  expect(reqs).toHaveLength(2);
  // The retry sends the same conversation again.
  expect(reqs[1].body).toEqual(reqs[0].body);
});

test('a connection dropped after some text is not retried; the partial text stays and Retry recovers', async ({ page }, testInfo) => {
  const key = keyFor(testInfo);
  const partial = 'Partial words that arrive before the drop and more.';
  await queue(key, { text: partial, chunkSize: 6, delayMs: 5, fault: { type: 'drop', afterChunks: 3 } }, { text: RECOVERED, delayMs: 0 });
  await start(page, key);
  await send(page, 'Hello');
  const alert = lastAnswer(page).getByRole('alert');
  await expect(alert).toContainText(/connection dropped/i);
  await expect(lastAnswer(page)).toContainText(partial.slice(0, 6));
  expect(await chatRequests(key)).toHaveLength(1);
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(lastAnswer(page)).toContainText(RECOVERED);
  await expect(lastAnswer(page).getByRole('alert')).toHaveCount(0);
  expect(await chatRequests(key)).toHaveLength(2);
});

test('a provider error mid-stream after text is not retried; Retry continues the conversation', async ({ page }, testInfo) => {
  const key = keyFor(testInfo);
  await queue(
    key,
    { text: 'Streaming some text, then the provider gives up.', chunkSize: 6, delayMs: 0, fault: { type: 'error-event', afterChunks: 2, message: 'overloaded' } },
    { text: RECOVERED, delayMs: 0 },
  );
  await start(page, key);
  await send(page, 'Hello');
  const alert = lastAnswer(page).getByRole('alert');
  await expect(alert).toContainText('overloaded');
  await expect(lastAnswer(page)).toContainText('Streaming');
  expect(await chatRequests(key)).toHaveLength(1);
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(lastAnswer(page)).toContainText(RECOVERED);
  await expect(page.locator('[data-role="user"]')).toHaveText(['Hello']);
});

test('a 404 says the model or base URL is wrong and is not retried', async ({ page }, testInfo) => {
  const key = keyFor(testInfo);
  await queue(key, { fault: { type: 'http', status: 404, message: 'The model `no-such-model` does not exist' } });
  await start(page, key, 'no-such-model');
  await send(page, 'Hello');
  const alert = lastAnswer(page).getByRole('alert');
  await expect(alert).toContainText('HTTP 404');
  await expect(alert).toContainText(/model name/);
  await expect(alert).toContainText('no-such-model');
  await expect(alert.getByRole('button', { name: 'Retry' })).toBeVisible();
  await expect(alert.getByRole('button', { name: 'Open settings' })).toBeVisible();
  expect(await chatRequests(key)).toHaveLength(1);
});

test('an insufficient_quota 429 is not retried and says the account is out of quota', async ({ page }, testInfo) => {
  const key = keyFor(testInfo);
  await queue(
    key,
    { fault: { type: 'http', status: 429, retryAfter: 1, code: 'insufficient_quota', message: 'You exceeded your current quota' } },
    { text: RECOVERED, delayMs: 0 },
  );
  await start(page, key);
  await send(page, 'Hello');
  const alert = lastAnswer(page).getByRole('alert');
  await expect(alert).toContainText(/Out of quota — check your plan and billing/);
  await expect(alert).toContainText('You exceeded your current quota');
  await waitIdle(page);
  expect(await chatRequests(key)).toHaveLength(1);
  await expect(lastAnswer(page)).not.toContainText(RECOVERED);
});

test('a Retry-After longer than the cap fails at once, saying how long the server asked to wait', async ({ page }, testInfo) => {
  const key = keyFor(testInfo);
  await queue(key, { fault: { type: 'http', status: 429, retryAfter: 3600 } }, { text: RECOVERED, delayMs: 0 });
  await start(page, key);
  await send(page, 'Hello');
  const alert = lastAnswer(page).getByRole('alert');
  await expect(alert).toContainText('asked to wait 3600 s');
  expect(await chatRequests(key)).toHaveLength(1);
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(lastAnswer(page)).toContainText(RECOVERED);
});
