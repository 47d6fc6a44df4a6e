import { expect, test } from '@playwright/test';
import { chatRequests, keyFor, queue, send, useMock, waitIdle } from './support';

test('editing a question and regenerating an answer make branches; the request carries exactly the active path', async ({ page }, testInfo) => {
  const key = keyFor(testInfo);
  await useMock(page, key);
  await queue(key, { text: 'Paris is the capital.', delayMs: 0 }, { text: 'It has 2.1 million people.', delayMs: 0 });
  await page.goto('/');
  await send(page, 'What is the capital of France?');
  await waitIdle(page);
  await send(page, 'How many people live there?');
  await expect(page.getByRole('main').getByText('It has 2.1 million people.')).toBeVisible();
  await waitIdle(page);

  // Regenerate the last answer: a second version appears, with a switcher.
  await queue(key, { text: 'About two million.', delayMs: 0 });
  await page.getByRole('button', { name: 'Regenerate' }).click();
  await expect(page.getByRole('main').getByText('About two million.')).toBeVisible();
  await waitIdle(page);
  const answer = page.locator('[data-role="assistant"]').last();
  await expect(answer.getByTestId('branch-position')).toHaveText('2 / 2');
  await answer.getByRole('button', { name: 'Previous version' }).click();
  await expect(page.getByRole('main').getByText('It has 2.1 million people.')).toBeVisible();
  await expect(page.getByRole('main').getByText('About two million.')).toHaveCount(0);
  await answer.getByRole('button', { name: 'Next version' }).click();
  await expect(page.getByRole('main').getByText('About two million.')).toBeVisible();

  // Edit the second question: a new branch from that point.
  await queue(key, { text: 'Lyon has about 520,000 people.', delayMs: 0 });
  const question = page.locator('[data-role="user"]').nth(1);
  await question.hover();
  await page.getByRole('button', { name: 'Edit message' }).nth(1).click();
  const editor = page.getByRole('textbox', { name: 'Edit message' });
  await editor.fill('How many people live in Lyon?');
  await page.getByRole('button', { name: 'Save and send' }).click();
  await expect(page.getByRole('main').getByText('Lyon has about 520,000 people.')).toBeVisible();
  await waitIdle(page);
  await expect(page.getByRole('main').getByText('About two million.')).toHaveCount(0);

  const requests = await chatRequests(key);
  expect(requests).toHaveLength(4);
  const sent = (requests[3].body as { messages: { role: string; content: string }[] }).messages.map((m) => [m.role, m.content]);
  expect(sent).toEqual([
    ['user', 'What is the capital of France?'],
    ['assistant', 'Paris is the capital.'],
    ['user', 'How many people live in Lyon?'],
  ]);

  // The original question and its answers are one click away.
  const edited = page.locator('[data-role="user"]').nth(1).locator('..');
  await expect(edited.getByTestId('branch-position')).toHaveText('2 / 2');
  await edited.getByRole('button', { name: 'Previous version' }).click();
  await expect(page.getByRole('main').getByText('How many people live there?')).toBeVisible();
  await expect(page.getByRole('main').getByText('About two million.')).toBeVisible();
});
