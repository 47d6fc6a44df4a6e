import { expect, test, type Page, type Request } from '@playwright/test';
import { MOCK, keyFor, lastAnswer, openSettings, queue, send, useMock, waitIdle } from './support';

// The API key is the mock's queue name, so each test's key is distinctive and its own.
function secretFor(testInfo: Parameters<typeof keyFor>[0]) {
  return `sk-secret-${keyFor(testInfo)}`;
}

/** Every request the page makes that carries the key anywhere: URL, headers or body. */
function watchKeyedRequests(page: Page, key: string) {
  const keyed: Request[] = [];
  page.on('request', (request) => {
    const text = [request.url(), JSON.stringify(request.headers()), request.postData() ?? ''].join('\n');
    if (text.includes(key)) keyed.push(request);
  });
  return keyed;
}

/** All conversations saved in IndexedDB, as one JSON string. */
async function savedConversations(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('callstream');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('conversations')) return resolve('[]');
          const all = db.transaction('conversations').objectStore('conversations').getAll();
          all.onsuccess = () => resolve(JSON.stringify(all.result));
          all.onerror = () => reject(all.error);
        };
      }),
  );
}

test('the key stays out of console logs, the URL and saved conversations, and goes only to the configured origin', async ({ page }, testInfo) => {
  const key = secretFor(testInfo);
  const consoleLines: string[] = [];
  page.on('console', (message) => consoleLines.push(message.text()));
  page.on('pageerror', (error) => consoleLines.push(String(error)));
  const keyed = watchKeyedRequests(page, key);
  await queue(key, { fault: { type: 'http', status: 401, message: `Incorrect API key provided: ${key}` } }, { text: 'All good now.', delayMs: 0 });
  await useMock(page, key);
  await page.goto('/');

  await send(page, 'Hello there');
  await expect(lastAnswer(page).getByRole('alert')).toBeVisible();
  await expect(lastAnswer(page)).not.toContainText(key);
  await lastAnswer(page).getByRole('button', { name: 'Retry' }).click();
  await expect(lastAnswer(page)).toContainText('All good now.');
  await waitIdle(page);

  // The failing and the successful request both carried the key, and only to the mock.
  expect(keyed.length).toBeGreaterThanOrEqual(2);
  for (const request of keyed) expect(new URL(request.url()).origin).toBe(new URL(MOCK).origin);
  await expect.poll(() => savedConversations(page), { message: 'the conversation was saved' }).toContain('All good now.');
  expect(await savedConversations(page)).not.toContain(key);
  expect(page.url()).not.toContain(key);
  expect(consoleLines.filter((line) => line.includes(key))).toEqual([]);
});

test('moving the base URL to another host holds the key back until the user keeps it', async ({ page }, testInfo) => {
  const key = secretFor(testInfo);
  const keyed = watchKeyedRequests(page, key);
  // Another host name for the same machine: a different host as far as the key is concerned.
  const elsewhere = new URL(MOCK);
  elsewhere.hostname = 'localhost';
  await useMock(page, key);
  await page.goto('/');

  let dialog = await openSettings(page);
  await dialog.getByLabel('Base URL').fill(`${elsewhere.origin}/v1`);
  const ask = dialog.getByRole('group', { name: `Send your existing API key to ${elsewhere.host}?` });
  await expect(ask).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: 'API key', exact: true })).toHaveValue('');
  await dialog.getByRole('button', { name: 'Done' }).click();

  await send(page, 'Where does my key go?');
  await waitIdle(page);
  // Opening the dialog listed models from the original origin, with the key: that is its home.
  const hosts = () => keyed.map((r) => new URL(r.url()).host);
  expect(hosts().filter((host) => host !== new URL(MOCK).host)).toEqual([]);

  dialog = await openSettings(page);
  await ask.getByRole('button', { name: 'Keep key' }).click();
  await expect(ask).toBeHidden();
  await expect(dialog.getByRole('textbox', { name: 'API key', exact: true })).toHaveValue(key);
  await dialog.getByRole('button', { name: 'Done' }).click();
  await send(page, 'And now?');
  await waitIdle(page);
  await expect.poll(hosts).toContain(elsewhere.host);
  expect(page.url()).not.toContain(key);
});
