import { expect, test } from '@playwright/test';
import { expectRequestCount, keyFor, lastAnswer, queue, send, toolResults, toolStatus, useMock, waitIdle } from './support';

test('several calls waiting: "Approve all" runs every one of them and the round completes', async ({ page }, testInfo) => {
  const key = keyFor(testInfo);
  await queue(
    key,
    {
      toolCalls: [
        { id: 'w1', name: 'write_file', arguments: { name: 'one.md', content: 'first' } },
        { id: 'w2', name: 'write_file', arguments: { name: 'two.md', content: 'second' } },
      ],
      delayMs: 0,
    },
    { text: 'Both files are written.', delayMs: 0 },
  );
  await useMock(page, key);
  await page.goto('/');
  await send(page, 'Write two files');

  const cards = page.getByRole('region', { name: 'write_file', exact: true });
  await expect(cards).toHaveCount(2);
  await expect(toolStatus(cards.nth(0))).toHaveText('Waiting for approval');
  await expect(toolStatus(cards.nth(1))).toHaveText('Waiting for approval');
  await page.getByRole('button', { name: 'Approve all (2)' }).click();
  await expect(toolStatus(cards.nth(0))).toHaveText('Done');
  await expect(toolStatus(cards.nth(1))).toHaveText('Done');
  await expect(lastAnswer(page)).toContainText('Both files are written.');
  await waitIdle(page);
  await expectRequestCount(key, 2);
  const results = await toolResults(key, 1);
  expect(results.map((m) => m.tool_call_id)).toEqual(['w1', 'w2']);
  expect(results.map((m) => JSON.parse(m.content ?? '').name)).toEqual(['one.md', 'two.md']);
});
