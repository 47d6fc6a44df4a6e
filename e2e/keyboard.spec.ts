import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectRequestCount, keyFor, lastAnswer, queue, toolCard, toolStatus, useMock, waitIdle } from './support';

// The whole app from the keyboard: send, stop, act on tool cards by shortcut, the review dialog's
// focus round trip, and the `?` shortcut list. Every action here is a key press, never a click.

const SLOW = { text: 'A long answer that keeps coming, sentence after sentence. '.repeat(6), chunkSize: 8, delayMs: 5, fault: { type: 'stall' as const, afterChunks: 6, ms: 10_000 } };

/** Presses Tab (or Shift+Tab) until `target` has focus; fails if it takes more than `max` presses. */
async function tabTo(page: Page, target: Locator, { backward = false, max = 25 } = {}) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(backward ? 'Shift+Tab' : 'Tab');
  }
  await expect(target, `reached within ${max} presses of ${backward ? 'Shift+Tab' : 'Tab'}`).toBeFocused();
}

test('type, Enter sends, Esc stops the answer mid-stream', async ({ page }, testInfo) => {
  const key = keyFor(testInfo);
  await queue(key, SLOW);
  await useMock(page, key);
  await page.goto('/');
  const box = page.getByRole('textbox', { name: 'Message' });
  await expect(box).toBeFocused();
  await page.keyboard.type('Tell me a story');
  await page.keyboard.press('Enter');
  await expect(lastAnswer(page)).toContainText('A long answer');
  await expect(page.getByRole('button', { name: 'Stop' })).toBeVisible();

  await page.keyboard.press('Escape');
  await expect(page.getByTestId('stopped-marker')).toBeVisible();
  await waitIdle(page);
  // Back in idle the message box has focus again, ready for the next message.
  await expect(box).toBeFocused();
});

test('tool cards by shortcut: A approves, E reviews with focus round trip, R rejects and Esc backs out without stopping', async ({ page }, testInfo) => {
  const key = keyFor(testInfo);
  await queue(
    key,
    {
      toolCalls: [
        { id: 'k-first', name: 'write_file', arguments: { name: 'first.md', content: 'one' } },
        { id: 'k-second', name: 'write_file', arguments: { name: 'second.md', content: 'two' } },
      ],
      delayMs: 0,
    },
    { text: 'Both files are written.', delayMs: 0 },
  );
  await useMock(page, key);
  await page.goto('/');
  await page.keyboard.type('Write two files');
  await page.keyboard.press('Enter');

  const first = toolCard(page, 'write_file', 0);
  const second = toolCard(page, 'write_file', 1);
  await expect(toolStatus(second)).toHaveText('Waiting for approval');
  await expect(toolStatus(first)).toHaveText('Waiting for approval');

  // From the message box, Shift+Tab walks back up into the conversation to the second card.
  await tabTo(page, second, { backward: true });
  await page.keyboard.press('a');
  await expect(toolStatus(second)).toHaveText('Done');
  await expect(second).toBeFocused();

  await tabTo(page, first, { backward: true });
  await page.keyboard.press('e');
  const dialog = page.getByRole('dialog', { name: /Review arguments/ });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: 'Arguments (JSON)' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(first).toBeFocused();

  await page.keyboard.press('r');
  const reason = first.getByRole('textbox', { name: 'Reason' });
  await expect(reason).toBeFocused();
  // Esc leaves the reject form; it must not also stop the run that waits for this very card.
  await page.keyboard.press('Escape');
  await expect(reason).toBeHidden();
  await expect(first).toBeFocused();
  await expect(toolStatus(first)).toHaveText('Waiting for approval');
  await expect(page.getByRole('button', { name: 'Stop', exact: true })).toBeVisible();

  await page.keyboard.press('a');
  await expect(toolStatus(first)).toHaveText('Done');
  await expect(lastAnswer(page)).toContainText('Both files are written.');
  await waitIdle(page);
  await expectRequestCount(key, 2);
});

test('? opens the shortcut list outside text fields, Esc closes it and focus returns; in the message box ? is just typed', async ({ page }, testInfo) => {
  await useMock(page, keyFor(testInfo));
  await page.goto('/');
  const box = page.getByRole('textbox', { name: 'Message' });
  await expect(box).toBeFocused();
  await page.keyboard.type('Why?');
  await expect(box).toHaveValue('Why?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeHidden();

  await page.keyboard.press('Tab');
  const sendButton = page.getByRole('button', { name: 'Send' });
  await expect(sendButton).toBeFocused();
  await page.keyboard.press('?');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  // The list is the one the handlers use: the card letters, the composer keys, and this very key.
  const approveRow = dialog.getByRole('definition').filter({ has: page.locator('kbd', { hasText: /^A$/ }) });
  await expect(approveRow).toHaveCount(1);
  await expect(dialog.getByRole('term').filter({ hasText: 'Approve the call' })).toBeVisible();
  await expect(dialog.getByRole('term').filter({ hasText: 'Stop the answer or the running tools' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(sendButton).toBeFocused();
  await expect(box).toHaveValue('Why?');

  // The same list from a visible button, for those who do not know about `?`.
  const open = page.getByRole('button', { name: 'Keyboard shortcuts' });
  await tabTo(page, open, { backward: true, max: 40 });
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Enter'); // Close has focus
  await expect(dialog).toBeHidden();
  await expect(open).toBeFocused();
});

test('every main button has its name and works from the keyboard: Send, Stop, Regenerate, Approve, Reject, Review arguments, Cancel call', async ({ page }, testInfo) => {
  const key = keyFor(testInfo);
  await queue(
    key,
    SLOW,
    {
      toolCalls: [
        { id: 'b-approve', name: 'write_file', arguments: { name: 'a.md', content: 'a' } },
        { id: 'b-reject', name: 'write_file', arguments: { name: 'b.md', content: 'b' } },
        { id: 'b-review', name: 'write_file', arguments: { name: 'c.md', content: 'c' } },
        { id: 'b-cancel', name: 'process_items', arguments: { count: 60, delayMs: 200 } },
      ],
      delayMs: 0,
    },
    { text: 'All settled.', delayMs: 0 },
  );
  await useMock(page, key);
  await page.goto('/');
  await page.keyboard.type('Start');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Send' })).toBeFocused();
  await page.keyboard.press('Enter');

  const stop = page.getByRole('button', { name: 'Stop' });
  await expect(lastAnswer(page)).toContainText('A long answer');
  await stop.focus();
  await page.keyboard.press('Space');
  await expect(page.getByTestId('stopped-marker')).toBeVisible();

  const regenerate = page.getByRole('button', { name: 'Regenerate' });
  await regenerate.focus();
  await page.keyboard.press('Enter');

  const [approve, reject, review] = [0, 1, 2].map((i) => toolCard(page, 'write_file', i));
  const cancel = toolCard(page, 'process_items');
  await expect(toolStatus(review)).toHaveText('Waiting for approval');
  await expect(toolStatus(cancel)).toHaveText('Running');

  await cancel.getByRole('button', { name: 'Cancel call' }).focus();
  await page.keyboard.press('Enter');
  await expect(toolStatus(cancel)).toHaveText('Cancelled');

  await approve.getByRole('button', { name: 'Approve', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(toolStatus(approve)).toHaveText('Done');

  await reject.getByRole('button', { name: 'Reject', exact: true }).focus();
  await page.keyboard.press('Space');
  await page.keyboard.type('Not this one');
  await page.keyboard.press('Enter');
  await expect(toolStatus(reject)).toHaveText('Rejected');

  const reviewButton = review.getByRole('button', { name: 'Review arguments' });
  await reviewButton.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: /Review arguments/ });
  const args = dialog.getByRole('textbox', { name: 'Arguments (JSON)' });
  await expect(args).toBeFocused();
  // Esc closes the dialog and gives focus back to the button that opened it.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(reviewButton).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(args).toBeFocused();
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(dialog).toBeHidden();
  await expect(toolStatus(review)).toHaveText('Done');

  await expect(lastAnswer(page)).toContainText('All settled.');
  await waitIdle(page);
});
