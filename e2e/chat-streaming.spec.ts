import { expect, test } from '@playwright/test';
import { chatRequests, expectStreamsProgressively, keyFor, lastAnswer, queue, send, useMock, waitForChatRequests, waitIdle } from './support';

// The happy path of a chat: an answer streams in, renders as markdown, can be stopped and regenerated.

test('the offline demo model answers a fresh visitor without any key or network', async ({ page, context, baseURL }) => {
  // The demo paces its ~1,200-character welcome like a real model (about 5 s); leave room on a busy machine.
  test.setTimeout(60_000);
  const foreign: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(baseURL!) && !r.url().startsWith('data:')) foreign.push(r.url());
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');
  await expect(page.getByTestId('model-badge')).toHaveText('Demo (offline)');

  await send(page, 'hello');
  await expect(page.locator('[data-role="user"]')).toHaveText('hello');
  await expectStreamsProgressively(page);
  await expect(page.getByRole('button', { name: 'Send' })).toBeVisible({ timeout: 40_000 });

  const answer = lastAnswer(page);
  await expect(answer.getByRole('heading', { name: /Hello from the offline demo model/ })).toBeVisible();
  await expect(answer.getByRole('list').first().getByRole('listitem').first()).toContainText('Answers stream in live');
  await expect(answer.locator('pre')).toContainText('function greet(name: string): string');
  await expect(answer.getByRole('table').getByRole('columnheader')).toHaveText(['Tool', 'Policy']);

  await answer.getByRole('button', { name: 'Copy code' }).click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain('function greet(name: string): string');
  expect(foreign, 'the demo model must not call any server').toEqual([]);
});

test('a streamed markdown answer renders as it arrives and ends as rich markdown', async ({ page }, testInfo) => {
  const key = keyFor(testInfo);
  await useMock(page, key);
  await page.goto('/');
  await expect(page.getByTestId('model-badge')).toHaveText('mock-small');

  await send(page, 'Plan the release [[markdown]]');
  await expectStreamsProgressively(page);
  await waitIdle(page);

  const answer = lastAnswer(page);
  await expect(answer.getByRole('heading', { name: 'Release checklist', level: 1 })).toBeVisible();
  const table = answer.getByRole('table');
  await expect(table.getByRole('columnheader')).toHaveText(['Phase', 'Owner', 'Days']);
  await expect(table.getByRole('row')).toHaveCount(5);
  await expect(answer.getByRole('checkbox')).toHaveCount(4);
  await expect(answer.getByRole('checkbox', { checked: true })).toHaveCount(2);
  await expect(answer.locator('pre code')).toContainText('export function daysLeft(phases: { days: number }[]): number {');
  // The closing paragraph proves the stream ran to its end.
  await expect(answer).toContainText('what users need to do.');

  const requests = await chatRequests(key);
  expect(requests).toHaveLength(1);
  expect(requests[0].body).toMatchObject({ stream: true, model: 'mock-small' });
  expect(requests[0].source).toBe('scenario:markdown');
});

test('Stop ends a slow stream: the connection closes and the partial answer stays', async ({ page }, testInfo) => {
  const key = keyFor(testInfo);
  await useMock(page, key);
  await page.goto('/');
  await send(page, 'Tell me a story [[slow]]');
  await expectStreamsProgressively(page);

  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByTestId('stopped-marker')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Send' })).toBeVisible();
  await expect(page.getByTestId('run-status')).toHaveText('');
  const story = lastAnswer(page).locator('p', { hasText: 'The river' });
  const partial = await story.textContent();

  const [request] = await waitForChatRequests(key, (r) => r.length === 1 && r[0].closedEarly);
  expect(request.completed).toBe(false);
  // The server has seen the close, so nothing more can arrive: the text is exactly what was there at Stop.
  await expect(story).toHaveText(partial!);
  expect(partial!.length).toBeLessThan(1500);
  await expect(page.getByRole('textbox', { name: 'Message' })).toBeFocused();
});

test('Esc stops the run too', async ({ page }, testInfo) => {
  const key = keyFor(testInfo);
  await useMock(page, key);
  await page.goto('/');
  await send(page, 'Another story [[slow]]');
  await expectStreamsProgressively(page);

  await page.keyboard.press('Escape');
  await expect(page.getByTestId('stopped-marker')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Stop' })).toHaveCount(0);
  await waitForChatRequests(key, (r) => r.length === 1 && r[0].closedEarly);
  await expect(lastAnswer(page)).toContainText(/The river/);
});

test('Regenerate asks again and replaces the old answer', async ({ page }, testInfo) => {
  const key = keyFor(testInfo);
  await useMock(page, key);
  await queue(key, { text: 'The first answer is alpha.', delayMs: 0 }, { text: 'The second answer is beta.', delayMs: 0 });
  await page.goto('/');
  await send(page, 'Pick a word');
  await expect(lastAnswer(page)).toContainText('The first answer is alpha.');
  await waitIdle(page);

  await lastAnswer(page).getByRole('button', { name: 'Regenerate' }).click();
  await expect(lastAnswer(page)).toContainText('The second answer is beta.');
  await waitIdle(page);
  await expect(page.locator('[data-role="assistant"]')).toHaveCount(1);
  await expect(page.getByRole('main').getByText('The first answer is alpha.')).toHaveCount(0);
  await expect(page.locator('[data-role="user"]')).toHaveText(['Pick a word']);

  const requests = await chatRequests(key);
  expect(requests).toHaveLength(2);
  // The discarded answer is not sent back as context.
  const roles = (requests[1].body as { messages: { role: string; content: string }[] }).messages.map((m) => m.role);
  expect(roles).not.toContain('assistant');
  expect((requests[1].body as { messages: { content: string }[] }).messages.at(-1)?.content).toBe('Pick a word');
});
