import { expect, test } from '@playwright/test';
import { chatRequests, expectStreamsProgressively, keyFor, lastAnswer, queue, send, useMock, waitForChatRequests, waitIdle } from './support';

// The message box: Enter sends, Shift+Enter breaks the line, and nothing typed is ever lost.

test('Enter sends the message and Shift+Enter only adds a line', async ({ page }, testInfo) => {
  const key = keyFor(testInfo);
  await useMock(page, key);
  await queue(key, { text: 'Got both lines.', delayMs: 0 });
  await page.goto('/');

  const box = page.getByRole('textbox', { name: 'Message' });
  await box.click();
  await box.pressSequentially('first line');
  await box.press('Shift+Enter');
  await box.pressSequentially('second line');
  await expect(box).toHaveValue('first line\nsecond line');
  await expect(page.locator('[data-role="user"]')).toHaveCount(0);
  expect(await chatRequests(key)).toHaveLength(0);

  await box.press('Enter');
  await expect(lastAnswer(page)).toContainText('Got both lines.');
  await expect(box).toHaveValue('');
  expect(await page.locator('[data-role="user"]').innerText()).toBe('first line\nsecond line');
  const [request] = await chatRequests(key);
  expect((request.body as { messages: { content: string }[] }).messages.at(-1)?.content).toBe('first line\nsecond line');
});

test('a message typed while an answer streams stays in the box until it can be sent', async ({ page }, testInfo) => {
  const key = keyFor(testInfo);
  await useMock(page, key);
  await page.goto('/');
  await send(page, 'Tell me a story [[slow]]');
  await expectStreamsProgressively(page);

  // While a run is in flight there is no Send, and Enter does not send.
  await expect(page.getByRole('button', { name: 'Send' })).toHaveCount(0);
  const box = page.getByRole('textbox', { name: 'Message' });
  await box.fill('And then what happened?');
  await box.press('Enter');
  await expect(box).toHaveValue('And then what happened?');
  await expect(page.locator('[data-role="user"]')).toHaveCount(1);

  await page.getByRole('button', { name: 'Stop' }).click();
  await waitIdle(page);
  await expect(box).toHaveValue('And then what happened?');
  await waitForChatRequests(key, (r) => r.length === 1 && r[0].closedEarly);

  await queue(key, { text: 'The miller came back.', delayMs: 0 });
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(lastAnswer(page)).toContainText('The miller came back.');
  await expect(box).toHaveValue('');
  await expect(page.locator('[data-role="user"]')).toHaveText(['Tell me a story [[slow]]', 'And then what happened?']);
  // The follow-up carries the stopped partial answer as context.
  const requests = await chatRequests(key);
  expect(requests).toHaveLength(2);
  const messages = (requests[1].body as { messages: { role: string; content: string }[] }).messages;
  expect(messages.map((m) => m.role).slice(-3)).toEqual(['user', 'assistant', 'user']);
  expect(messages.at(-2)?.content).toContain('The river');
});
