import { expect, test, type Page } from '@playwright/test';
import { keyFor, lastAnswer, queue, send, useMock, waitIdle } from './support';

// The conversation view renders only the rows near the viewport, opens long conversations at the
// latest message, and follows a stream unless the user scrolls up ("Jump to latest" brings it back).

/** A saved conversation of `count` alternating messages, each answer a few paragraphs long. */
function longConversation(id: string, count: number) {
  const messages = [];
  for (let i = 0; i < count; i++) {
    const base = { id: `${id}-m${i}`, parentId: i ? `${id}-m${i - 1}` : null, createdAt: 1_700_000_000_000 + i };
    if (i % 2 === 0) messages.push({ ...base, role: 'user', text: `Question ${i / 2 + 1}: how does part ${i} work?` });
    else {
      const text = `Answer ${(i + 1) / 2}.\n\n${'Some explanation that wraps over a line or two in the column. '.repeat(4)}\n\n- a point\n- another point`;
      messages.push({ ...base, role: 'assistant', model: 'mock-small', rounds: [{ parts: [{ type: 'text', text }], finishReason: 'stop' }], calls: {}, outcome: 'completed' });
    }
  }
  return { id, title: `Long ${count}`, messages, activeChild: {}, createdAt: 1_700_000_000_000, updatedAt: 1_700_000_100_000 };
}

/** Writes the conversation where the app keeps conversations, then opens it by its URL. */
async function openSaved(page: Page, conv: ReturnType<typeof longConversation>) {
  await page.goto('/');
  await page.waitForFunction(async () => (await indexedDB.databases()).some((d) => d.name === 'callstream'));
  await page.evaluate(
    (c) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('callstream');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['conversations', 'summaries'], 'readwrite');
          tx.objectStore('conversations').put(c);
          tx.objectStore('summaries').put({ id: c.id, title: c.title, createdAt: c.createdAt, updatedAt: c.updatedAt, messageCount: c.messages.length });
          tx.oncomplete = () => resolve(null);
          tx.onerror = () => reject(tx.error);
        };
      }),
    conv,
  );
  await page.evaluate((id) => (location.hash = `#/c/${id}`), conv.id);
}

/** Pixels between the bottom of the conversation's content and the bottom of its viewport. */
const distanceFromBottom = (page: Page) =>
  page.getByTestId('conversation').evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight);

test('a 600-message conversation opens at its latest message with a small DOM, and scrolls back to the first', async ({ page }, testInfo) => {
  await useMock(page, keyFor(testInfo));
  await openSaved(page, longConversation('virtual-long', 600));

  await expect(lastAnswer(page)).toContainText('Answer 300.');
  await expect(lastAnswer(page)).toBeInViewport();
  const rows = await page.locator('[data-role]').count();
  expect(rows).toBeGreaterThan(2);
  expect(rows).toBeLessThan(40);
  expect(await distanceFromBottom(page)).toBeLessThanOrEqual(48);

  // Scrolling to the top renders the first rows (measured heights may move the top a little: repeat).
  const first = page.locator('[data-role="user"]').filter({ hasText: 'Question 1:' });
  await expect
    .poll(async () => {
      await page.getByTestId('conversation').evaluate((el) => el.scrollTo({ top: 0 }));
      return first.isVisible();
    })
    .toBe(true);
  expect(await page.locator('[data-role]').count()).toBeLessThan(40);
  await expect(page.getByRole('button', { name: 'Jump to latest' })).toBeVisible();
});

test('the view follows a stream, stays put when the user scrolls up, and Jump to latest follows again', async ({ page }, testInfo) => {
  const key = keyFor(testInfo);
  await useMock(page, key);
  await openSaved(page, longConversation('virtual-follow', 20));
  await expect(lastAnswer(page)).toContainText('Answer 10.');
  const lines = Array.from({ length: 120 }, (_, i) => `Line ${i + 1} of a long streamed answer.`).join('\n\n');
  await queue(key, { text: lines, chunkSize: 12, delayMs: 15 });
  await send(page, 'Stream a long answer please');

  // While it streams the newest text stays in view.
  await expect(lastAnswer(page)).toContainText('Line 20 ');
  expect(await distanceFromBottom(page)).toBeLessThanOrEqual(48);
  await expect(page.getByRole('button', { name: 'Jump to latest' })).toHaveCount(0);

  // The user scrolls up: the view stops following and offers the way back.
  const conversation = page.getByTestId('conversation');
  await conversation.hover();
  await page.mouse.wheel(0, -800);
  const jump = page.getByRole('button', { name: 'Jump to latest' });
  await expect(jump).toBeVisible();
  const top = await conversation.evaluate((el) => el.scrollTop);
  await expect(lastAnswer(page)).toContainText('Line 60 ');
  expect(Math.abs((await conversation.evaluate((el) => el.scrollTop)) - top)).toBeLessThan(2);
  expect(await distanceFromBottom(page)).toBeGreaterThan(48);

  await jump.click();
  await expect(jump).toHaveCount(0);
  await expect.poll(() => distanceFromBottom(page)).toBeLessThanOrEqual(48);
  await waitIdle(page);
  await expect(lastAnswer(page)).toContainText('Line 120 of a long streamed answer.');
  expect(await distanceFromBottom(page)).toBeLessThanOrEqual(48);
  await expect(lastAnswer(page).getByText('Line 120 of a long streamed answer.')).toBeInViewport();
});
