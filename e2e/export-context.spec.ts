import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { chatRequests, keyFor, queue, send, useMock, waitIdle } from './support';

test('export to JSON, then import into a fresh browser profile: the conversation comes back with its branches', async ({ page, browser }, testInfo) => {
  const key = keyFor(testInfo);
  await useMock(page, key);
  await queue(key, { text: 'First answer.', delayMs: 0 }, { text: 'Second answer.', delayMs: 0 });
  await page.goto('/');
  await send(page, 'Tell me something');
  await waitIdle(page);
  await page.getByRole('button', { name: 'Regenerate' }).click();
  await expect(page.getByRole('main').getByText('Second answer.')).toBeVisible();
  await waitIdle(page);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
  const file = testInfo.outputPath('export.json');
  await download.saveAs(file);
  const text = await readFile(file, 'utf8');
  expect(text).not.toContain(key); // the API key never goes into an export
  expect(JSON.parse(text)).toMatchObject({ format: 'callstream.conversations', version: 1 });

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto('/');
  await other.getByLabel('Import conversations').setInputFiles(file);
  await expect(other.getByRole('main').getByText('Second answer.')).toBeVisible();
  const answer = other.locator('[data-role="assistant"]').last();
  await expect(answer.getByTestId('branch-position')).toHaveText('2 / 2');
  await answer.getByRole('button', { name: 'Previous version' }).click();
  await expect(other.getByRole('main').getByText('First answer.')).toBeVisible();
  await expect(other.getByRole('navigation', { name: 'Conversations' }).getByText('Tell me something')).toBeVisible();

  // A malformed file is refused with a clear message and changes nothing.
  const bad = testInfo.outputPath('bad.json');
  await import('node:fs/promises').then((fs) => fs.writeFile(bad, '{"format":"callstream.conversations","version":99,"conversations":[]}'));
  await other.getByLabel('Import conversations').setInputFiles(bad);
  await expect(other.getByRole('alert').filter({ hasText: 'newer version' })).toBeVisible();
  await fresh.close();
});

test('a conversation larger than a small context shows where the model’s view begins, and the request fits', async ({ page }, testInfo) => {
  const key = keyFor(testInfo);
  await useMock(page, key);
  await page.addInitScript(() => {
    const s = JSON.parse(localStorage.getItem('callstream.settings') ?? '{}');
    localStorage.setItem('callstream.settings', JSON.stringify({ ...s, contextTokens: 2048 }));
  });
  const long = 'The quick brown fox jumps over the lazy dog. '.repeat(60); // ~700 tokens
  await queue(key, ...[1, 2, 3, 4].map((i) => ({ text: `Answer ${i}. ${long}`, delayMs: 0, chunkSize: 400 })));
  await page.goto('/');
  for (const i of [1, 2, 3, 4]) {
    await send(page, `Question ${i}`);
    await expect(page.getByRole('main').getByText(`Answer ${i}.`, { exact: false })).toBeVisible();
    await waitIdle(page);
  }
  await expect(page.getByTestId('context-marker')).toBeVisible();
  const requests = await chatRequests(key);
  const last = (requests[3].body as { messages: { role: string; content: string }[] }).messages;
  expect(last.at(-1)).toEqual({ role: 'user', content: 'Question 4' });
  expect(last.some((m) => m.content === 'Question 1')).toBe(false);
  expect(last[0].role).toBe('user');
  expect(JSON.stringify(last).length / 4).toBeLessThan(2048);
});

test('instructions for one conversation go out as its system prompt and survive a reload', async ({ page }, testInfo) => {
  const key = keyFor(testInfo);
  await useMock(page, key);
  await queue(key, { text: 'Bonjour !', delayMs: 0 });
  await page.goto('/');
  await page.getByRole('button', { name: 'Instructions', exact: true }).click();
  await page.getByLabel('Instructions for this conversation').fill('Answer in French.');
  await page.getByRole('button', { name: 'Save instructions' }).click();
  await send(page, 'Hello');
  await expect(page.getByRole('main').getByText('Bonjour !')).toBeVisible();
  await waitIdle(page);
  const [request] = await chatRequests(key);
  expect((request.body as { messages: { role: string; content: string }[] }).messages[0]).toEqual({ role: 'system', content: 'Answer in French.' });
  await expect(page).toHaveURL(/#\/c\//);
  await page.reload();
  await expect(page.getByRole('main').getByText('Bonjour !')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Instructions (on)' })).toBeVisible();
});
