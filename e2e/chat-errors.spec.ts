import { expect, test, type Page } from '@playwright/test';
import type { MockScript } from './mock/server-core.mjs';
import { chatRequests, keyFor, lastAnswer, queue, send, useMock, waitIdle } from './support';

// When the provider fails, the answer says what went wrong, offers Retry, and Retry recovers
// without losing the user's message.

const recovery: MockScript = { text: 'Back on track: here is the answer.', delayMs: 0 };

/** `attempts`: how many requests the fault answers (a 5xx is retried automatically before the alert). */
async function expectFailureThenRetry(page: Page, key: string, fault: MockScript, message: RegExp, attempts = 1) {
  await useMock(page, key);
  await queue(key, ...Array.from({ length: attempts }, () => fault), recovery);
  await page.goto('/');
  await send(page, 'Summarize the report');

  const alert = lastAnswer(page).getByRole('alert');
  await expect(alert).toContainText(message);
  await waitIdle(page);
  await expect(alert.getByRole('button', { name: 'Retry' })).toBeVisible();

  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(lastAnswer(page)).toContainText('Back on track: here is the answer.');
  await waitIdle(page);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.locator('[data-role="user"]')).toHaveText(['Summarize the report']);
  await expect(page.locator('[data-role="assistant"]')).toHaveCount(1);

  const requests = await chatRequests(key);
  expect(requests).toHaveLength(attempts + 1);
  // Retry resends the same question.
  const last = (r: (typeof requests)[number]) => (r.body as { messages: { content: string }[] }).messages.at(-1)?.content;
  expect(requests.map(last)).toEqual(requests.map(() => 'Summarize the report'));
}

test('a rejected key (401) is explained, offers Open settings, and Retry recovers', async ({ page }, testInfo) => {
  const key = keyFor(testInfo);
  await useMock(page, key);
  await queue(key, { fault: { type: 'http', status: 401 } });
  await page.goto('/');
  await send(page, 'Hi there');

  const alert = lastAnswer(page).getByRole('alert');
  await expect(alert).toContainText(/rejected the API key/);
  await expect(alert).toContainText('HTTP 401');
  await alert.getByRole('button', { name: 'Open settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('API key')).toHaveValue(key);
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();

  await queue(key, recovery);
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(lastAnswer(page)).toContainText('Back on track: here is the answer.');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.locator('[data-role="user"]')).toHaveText(['Hi there']);
  expect(await chatRequests(key)).toHaveLength(2);
});

test('a server error (500) that persists through the automatic retries says so, and Retry recovers', async ({ page }, testInfo) => {
  await expectFailureThenRetry(page, keyFor(testInfo), { fault: { type: 'http', status: 500 } }, /server had an error \(HTTP 500\)/, 3);
  // A server error is not a key problem: no detour to settings.
  await expect(page.getByRole('button', { name: 'Open settings' })).toHaveCount(0);
});

test('a dropped connection mid-answer says so and Retry recovers', async ({ page }, testInfo) => {
  await expectFailureThenRetry(
    page,
    keyFor(testInfo),
    { text: 'This answer will be cut off somewhere in the middle of this sentence.', chunkSize: 6, delayMs: 5, fault: { type: 'drop', afterChunks: 3 } },
    /connection/i,
  );
  // The broken partial round was dropped by Retry, not glued to the new answer.
  await expect(lastAnswer(page)).not.toContainText('This answer will be');
});

test('a rate limit (429) longer than we wait for tells the user how long the server asked', async ({ page }, testInfo) => {
  const key = keyFor(testInfo);
  await useMock(page, key);
  await queue(key, { fault: { type: 'http', status: 429, retryAfter: 60 } });
  await page.goto('/');
  await send(page, 'Quick question');

  const alert = lastAnswer(page).getByRole('alert');
  await expect(alert).toContainText('Rate limited');
  await expect(alert).toContainText('asked to wait 60 s');
  await expect(alert.getByRole('button', { name: 'Retry' })).toBeVisible();
  await expect(alert.getByRole('button', { name: 'Open settings' })).toHaveCount(0);
});
