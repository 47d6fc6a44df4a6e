import { expect, test, type Page } from '@playwright/test';
import { keyFor, lastAnswer, queue, send, toolCard, useMock, waitIdle } from './support';
import { expectNoSeriousA11yViolations } from './support-a11y';

// Conversations run side by side: a run goes on while the user opens another conversation or a new
// chat and sends there; the sidebar shows what each one is doing; approvals, Stop and delete reach
// only their own conversation; a reload reopens every run as interrupted; two tabs run two
// conversations at once.

const sidebar = (page: Page) => page.getByRole('navigation', { name: 'Conversations' });
const row = (page: Page, title: string) => sidebar(page).getByRole('listitem').filter({ hasText: title });
const stopButton = (page: Page) => page.getByRole('button', { name: 'Stop', exact: true });
const newChat = (page: Page) => page.getByRole('button', { name: 'New chat' }).first();

/** The conversation id in the URL. */
async function routeId(page: Page) {
  await expect(page).toHaveURL(/#\/c\/[^/]+$/);
  return decodeURIComponent(new URL(page.url()).hash.slice('#/c/'.length));
}

/** A slow answer: about `seconds` of streaming at 6 characters every 40 ms. */
const slow = (label: string, seconds: number) => ({ text: `${label} `.repeat(Math.ceil((seconds * 150) / (label.length + 1))), chunkSize: 6, delayMs: 40 });

test('a run goes on in the background: both stream, the badge opens the waiting card, Stop reaches only its own conversation', async ({ page }, testInfo) => {
  const key = keyFor(testInfo);
  await queue(
    key,
    // A: streams a while, then asks to write a file.
    { ...slow('Alpha thinks aloud.', 3), toolCalls: [{ id: 'w-bg', name: 'write_file', arguments: { name: 'bg.md', content: 'from A' } }] },
    // B: a long answer.
    slow('Bravo keeps talking.', 20),
    // A after the approval: long enough to still run when B is stopped.
    { ...slow('Alpha goes on.', 6), },
  );
  await useMock(page, key);
  await page.goto('/');
  await send(page, 'Question for Alpha');
  const alpha = await routeId(page);
  await expect(lastAnswer(page)).toContainText('Alpha thinks aloud.');

  // New chat is open for business while A runs; B streams too.
  await expect(newChat(page)).toBeEnabled();
  await newChat(page).click();
  await expect(page.getByTestId('conversation')).toHaveAttribute('data-message-count', '0');
  await send(page, 'Question for Bravo');
  const bravo = await routeId(page);
  expect(bravo).not.toBe(alpha);
  await expect(lastAnswer(page)).toContainText('Bravo keeps talking.');

  // A waits for approval in the background: the sidebar says so, and so does the page title.
  const badge = row(page, 'Question for Alpha').getByTestId('approval-badge');
  await expect(badge).toHaveText('Waiting for your approval (1)', { timeout: 15_000 });
  await expect(page).toHaveTitle('(1) Callstream');
  await expect(stopButton(page)).toBeVisible(); // B still streams
  await expectNoSeriousA11yViolations(page, 'sidebar with live badges');

  // The badge (by keyboard) opens A at the waiting card, focused.
  await badge.focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => routeId(page)).toBe(alpha);
  const card = toolCard(page, 'write_file');
  await expect(card).toBeFocused();
  await expect(row(page, 'Question for Bravo').getByTestId('live-state')).toHaveText('Answering…');
  await card.getByRole('button', { name: 'Approve', exact: true }).click();
  await expect(page).toHaveTitle('Callstream');
  await expect(lastAnswer(page)).toContainText('Alpha goes on.');

  // Back in B, which streamed meanwhile: Stop ends B only.
  await row(page, 'Question for Bravo').getByRole('link').click();
  await expect.poll(() => routeId(page)).toBe(bravo);
  await stopButton(page).click();
  await expect(lastAnswer(page).getByTestId('stopped-marker')).toBeVisible();
  await expect(row(page, 'Question for Alpha').getByTestId('live-state')).toHaveText('Answering…');

  // A finished on its own, untouched by B's Stop.
  await row(page, 'Question for Alpha').getByRole('link').click();
  await expect.poll(() => routeId(page)).toBe(alpha);
  await waitIdle(page);
  await expect(lastAnswer(page).getByTestId('stopped-marker')).toHaveCount(0);
  await expect(lastAnswer(page)).toContainText('Alpha goes on.');
});

test('a reload with two runs in flight reopens both as interrupted, and each can be run again', async ({ page }, testInfo) => {
  const key = keyFor(testInfo);
  await queue(key, slow('Alpha streams.', 20), slow('Bravo streams.', 20), { text: 'Bravo again.', delayMs: 0 }, { text: 'Alpha again.', delayMs: 0 });
  await useMock(page, key);
  await page.goto('/');
  await send(page, 'First run');
  const first = await routeId(page);
  await expect(lastAnswer(page)).toContainText('Alpha streams.');
  await newChat(page).click();
  await send(page, 'Second run');
  await expect(lastAnswer(page)).toContainText('Bravo streams.');
  await expect(row(page, 'First run').getByTestId('live-state')).toHaveText('Answering…');

  await page.reload();
  await expect(lastAnswer(page).getByRole('note')).toContainText('Interrupted by a page reload');
  await expect(lastAnswer(page)).toContainText('Bravo streams.');
  await page.getByRole('button', { name: 'Regenerate' }).click();
  await expect(lastAnswer(page)).toContainText('Bravo again.');
  await waitIdle(page);

  await row(page, 'First run').getByRole('link').click();
  await expect.poll(() => routeId(page)).toBe(first);
  await expect(lastAnswer(page).getByRole('note')).toContainText('Interrupted by a page reload');
  await expect(lastAnswer(page)).toContainText('Alpha streams.');
  await page.getByRole('button', { name: 'Regenerate' }).click();
  await expect(lastAnswer(page)).toContainText('Alpha again.');
  await waitIdle(page);
});

test('the run limit: one run too many says why and keeps the message; deleting a running conversation asks and stops it', async ({ page }, testInfo) => {
  const key = keyFor(testInfo);
  await queue(key, slow('Only one at a time.', 30), { text: 'Now it is my turn.', delayMs: 0 });
  await useMock(page, key);
  await page.addInitScript(() => localStorage.setItem('callstream.runs', JSON.stringify({ maxRuns: 1, notify: false })));
  await page.goto('/');
  await send(page, 'The long one');
  await expect(lastAnswer(page)).toContainText('Only one at a time.');
  await newChat(page).click();
  const box = page.getByRole('textbox', { name: 'Message' });
  await box.fill('Waiting to be sent');
  await expect(page.getByTestId('run-limit')).toContainText('As many conversations run as may run at once (1');
  await expect(page.getByRole('button', { name: 'Send' })).toBeDisabled();

  // Delete the running one: asked first, then its run stops and it is gone.
  await row(page, 'The long one').hover();
  await row(page, 'The long one').getByRole('button', { name: 'Delete' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete a running conversation?' });
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: 'Stop and delete' }).click();
  await expect(row(page, 'The long one')).toHaveCount(0);

  // The slot is free: the kept message goes out.
  await expect(page.getByTestId('run-limit')).toBeHidden();
  await expect(box).toHaveValue('Waiting to be sent');
  await box.press('Enter');
  await expect(lastAnswer(page)).toContainText('Now it is my turn.');
});

test('two tabs run two different conversations at once', async ({ context }, testInfo) => {
  const key = keyFor(testInfo);
  await queue(key, slow('Tab A answers.', 12), slow('Tab B answers.', 6));
  const a = await context.newPage();
  const b = await context.newPage();
  await useMock(a, key);
  await useMock(b, key);
  await a.goto('/');
  await b.goto('/');
  await send(a, 'From tab A');
  await expect(lastAnswer(a)).toContainText('Tab A answers.');
  await send(b, 'From tab B');
  await expect(lastAnswer(b)).toContainText('Tab B answers.');
  // Both run: neither is shown read-only, each sees the other's as running in another tab.
  await expect(stopButton(a)).toBeVisible();
  await expect(stopButton(b)).toBeVisible();
  await expect(a.getByTestId('running-elsewhere')).toHaveCount(0);
  await expect(b.getByTestId('running-elsewhere')).toHaveCount(0);
  await expect(row(b, 'From tab A')).toContainText('Running in another tab');
  await waitIdle(b);
  await waitIdle(a);
  await expect(lastAnswer(a).getByTestId('stopped-marker')).toHaveCount(0);
  await expect(lastAnswer(b).getByTestId('stopped-marker')).toHaveCount(0);
});
