import { expect, test } from '@playwright/test';
import type { MockRequestRecord } from './mock/server-core.mjs';
import { MOCK, chatRequests, keyFor, lastAnswer, openSettings, send, useMock, waitIdle } from './support';

// Settings: pointing the app at a server, discovering its models, testing the connection,
// where the key is kept, and the streaming switch.

const storedKey = (page: import('@playwright/test').Page) =>
  page.evaluate(() => ({ session: sessionStorage.getItem('callstream.apiKey'), local: localStorage.getItem('callstream.apiKey') }));

async function allRequests(key: string): Promise<MockRequestRecord[]> {
  return (await fetch(`${MOCK}/__mock/requests?key=${encodeURIComponent(key)}`)).json();
}

test('turning Streaming off sends one plain request and still shows the answer', async ({ page }, testInfo) => {
  const key = keyFor(testInfo);
  await useMock(page, key);
  await page.goto('/');

  const dialog = await openSettings(page);
  const streaming = dialog.getByRole('checkbox', { name: 'Streaming', exact: true });
  await expect(streaming).toBeChecked();
  await streaming.uncheck();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();

  await send(page, 'No streaming please');
  await expect(lastAnswer(page)).toContainText('Mock reply to: No streaming please');
  await waitIdle(page);
  const [request] = await chatRequests(key);
  expect((request.body as { stream?: boolean }).stream ?? false).toBe(false);
  expect(JSON.parse((await page.evaluate(() => localStorage.getItem('callstream.settings')))!)).toMatchObject({ streaming: false });
});

test('a custom server: its models are offered, the connection test reports, and the key is kept per tab unless remembered', async ({ page }, testInfo) => {
  const key = keyFor(testInfo);
  await page.goto('/');
  await expect(page.getByTestId('model-badge')).toHaveText('Demo (offline)');

  const dialog = await openSettings(page);
  await expect(dialog.getByLabel('Provider')).toBeFocused();
  await dialog.getByLabel('Provider').selectOption({ label: 'Custom' });
  await dialog.getByLabel('Base URL').fill(`${MOCK}/v1`);
  await dialog.getByLabel('API key').fill(key);

  // The model list comes from GET /models with the key.
  await expect(dialog.getByText('2 models available: pick one or type a name.')).toBeVisible();
  const model = dialog.getByRole('combobox', { name: 'Model' });
  await expect
    .poll(() => model.evaluate((el) => [...((el as HTMLInputElement).list?.options ?? [])].map((o) => o.value)))
    .toEqual(['mock-large', 'mock-small']);
  const modelCalls = (await allRequests(key)).filter((r) => r.path.endsWith('/models'));
  expect(modelCalls.length).toBeGreaterThan(0);
  expect(modelCalls.at(-1)!.headers['authorization']).toBe(`Bearer ${key}`);
  await model.fill('mock-large');

  const status = dialog.getByRole('status');
  await dialog.getByRole('button', { name: 'Test connection' }).click();
  await expect(status).toHaveText('Connected — 2 models available');

  // By default the key lives in this tab's session only.
  expect(await storedKey(page)).toEqual({ session: key, local: null });
  await dialog.getByRole('checkbox', { name: 'Remember on this device' }).check();
  expect(await storedKey(page)).toEqual({ session: null, local: key });

  await dialog.getByLabel('API key').fill('bad-key');
  // A result obtained with other settings is cleared rather than left to mislead.
  await expect(status).toHaveText('');
  await dialog.getByRole('button', { name: 'Test connection' }).click();
  await expect(status).toHaveText('The server rejected the API key (401). Check the key in Settings.');
  // The model list, refetched with the bad key, explains itself too.
  await expect(model).toHaveAccessibleDescription(/rejected the API key \(401\)/);

  await dialog.getByLabel('API key').fill(key);
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('model-badge')).toHaveText('mock-large');

  // The chosen model and key are what the next chat request uses.
  await send(page, 'Which model?');
  await expect(lastAnswer(page)).toContainText('Mock reply to: Which model?');
  const [request] = await chatRequests(key);
  expect(request.body).toMatchObject({ model: 'mock-large' });

  // Remembered: a reload keeps the key and the provider.
  await page.reload();
  await expect(page.getByTestId('model-badge')).toHaveText('mock-large');
  expect(await storedKey(page)).toEqual({ session: null, local: key });
});
