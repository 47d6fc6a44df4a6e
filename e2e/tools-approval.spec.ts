import { expect, test } from '@playwright/test';
import {
  expectRequestCount,
  keyFor,
  lastAnswer,
  queue,
  requestMessages,
  send,
  toolCard,
  toolResults,
  toolStatus,
  useMock,
  waitIdle,
} from './support';

// Calls that need the user: approve while others run, reject with a reason, edit the arguments,
// and a regenerated answer that must ask again instead of re-running silently.

test('parallel calls: auto calls run while an ask call waits; approving it completes the round', async ({ page }, testInfo) => {
  const key = keyFor(testInfo);
  await queue(
    key,
    {
      toolCalls: [
        { id: 'p-calc', name: 'calculate', arguments: { expression: '6*7' } },
        { id: 'p-items', name: 'process_items', arguments: { count: 8, delayMs: 300 } },
        { id: 'p-write', name: 'write_file', arguments: { name: 'parallel.md', content: 'three at once' } },
      ],
      delayMs: 0,
    },
    { text: 'All three are done.', delayMs: 0 },
  );
  await useMock(page, key);
  await page.goto('/');
  await send(page, 'Do three things');

  const calc = toolCard(page, 'calculate');
  const items = toolCard(page, 'process_items');
  const write = toolCard(page, 'write_file');
  await expect(toolStatus(write)).toHaveText('Waiting for approval');
  await expect(toolStatus(items)).toHaveText('Running');
  await expect(page.getByTestId('run-status')).toHaveText('Waiting for your approval (1 call) · Running 1 tool');
  await expect(toolStatus(calc)).toHaveText('Done');
  await expect(calc).toContainText('42');
  await expect(toolStatus(items)).toHaveText('Done');
  // Both auto calls finished; the round still waits for the user, and nothing went back to the model.
  await expect(toolStatus(write)).toHaveText('Waiting for approval');
  await expect(page.getByTestId('run-status')).toHaveText('Waiting for your approval (1 call)');
  await expectRequestCount(key, 1);

  await write.getByRole('button', { name: 'Approve', exact: true }).click();
  await expect(toolStatus(write)).toHaveText('Done');
  await expect(lastAnswer(page)).toContainText('All three are done.');
  await waitIdle(page);

  await expectRequestCount(key, 2);
  const results = await toolResults(key, 1);
  expect(results.map((m) => m.tool_call_id)).toEqual(['p-calc', 'p-items', 'p-write']);
  expect(JSON.parse(results[0].content ?? '')).toMatchObject({ result: 42 });
  expect(JSON.parse(results[1].content ?? '')).toMatchObject({ processed: 8 });
  expect(JSON.parse(results[2].content ?? '')).toEqual({ name: 'parallel.md', bytes: 13 });
});

test('rejecting with a reason tells the model the reason', async ({ page }, testInfo) => {
  const key = keyFor(testInfo);
  await queue(
    key,
    { toolCalls: [{ id: 'w1', name: 'write_file', arguments: { name: 'secret.txt', content: 'x' } }], delayMs: 0 },
    { text: 'Understood, I will not write it.', delayMs: 0 },
  );
  await useMock(page, key);
  await page.goto('/');
  await send(page, 'Save a secret');

  const card = toolCard(page, 'write_file');
  await card.getByRole('button', { name: 'Reject', exact: true }).click();
  await card.getByRole('textbox', { name: 'Reason' }).fill('Use notes.md instead');
  await card.getByRole('button', { name: 'Confirm reject' }).click();

  await expect(toolStatus(card)).toHaveText('Rejected');
  await expect(card).toContainText('Rejected: Use notes.md instead');
  await expect(lastAnswer(page)).toContainText('Understood, I will not write it.');
  await waitIdle(page);

  await expectRequestCount(key, 2);
  const [result] = await toolResults(key, 1);
  expect(result).toMatchObject({ tool_call_id: 'w1', content: 'The user rejected this call. Reason: Use notes.md instead' });
});

test('review arguments: invalid edits block Approve; a valid edit runs and the history stays honest', async ({ page }, testInfo) => {
  const key = keyFor(testInfo);
  const original = { name: 'draft.md', content: 'first draft' };
  await queue(
    key,
    { toolCalls: [{ id: 'e1', name: 'write_file', arguments: original }], delayMs: 0 },
    { text: 'Saved your version.', delayMs: 0 },
  );
  await useMock(page, key);
  await page.goto('/');
  await send(page, 'Write a draft');

  const card = toolCard(page, 'write_file');
  await card.getByRole('button', { name: 'Review arguments' }).click();
  const dialog = page.getByRole('dialog', { name: /Review arguments/ });
  const editor = dialog.getByRole('textbox', { name: 'Arguments (JSON)' });
  const approve = dialog.getByRole('button', { name: 'Approve', exact: true });
  const alert = dialog.getByRole('alert');
  await expect(editor).toHaveValue(JSON.stringify(original, null, 2));
  await expect(approve).toBeEnabled();

  await editor.fill('{"name": "draft.md", ');
  await expect(alert).toContainText('JSON syntax error');
  await expect(approve).toBeDisabled();

  await editor.fill('{"name": 7, "content": "x"}');
  await expect(alert).toContainText('/name must be string');
  await expect(approve).toBeDisabled();

  const edited = { name: 'final.md', content: 'edited by hand' };
  await editor.fill(JSON.stringify(edited));
  await expect(alert).toBeHidden();
  await expect(approve).toBeEnabled();
  await approve.click();
  await expect(dialog).toBeHidden();

  await expect(toolStatus(card)).toHaveText('Done');
  await expect(card).toContainText('Edited by you');
  await expect(card.locator('summary', { hasText: 'Result' })).toBeVisible();
  await expect(card).toContainText('final.md');
  await expect(card).toContainText('14');
  await expect(lastAnswer(page)).toContainText('Saved your version.');
  await waitIdle(page);

  await expectRequestCount(key, 2);
  const messages = await requestMessages(key, 1);
  const call = messages.find((m) => m.role === 'assistant')?.tool_calls?.[0];
  expect(call?.function.arguments).toBe(JSON.stringify(original));
  const [result] = await toolResults(key, 1);
  expect(result.content).toBe(
    `Note: the user edited the arguments before this call ran. Arguments actually used: ${JSON.stringify(edited)}\n` +
      `Result: ${JSON.stringify({ name: 'final.md', bytes: 14 })}`,
  );
});

test('regenerate after a tool round asks for approval again instead of re-running', async ({ page }, testInfo) => {
  const key = keyFor(testInfo);
  const write = { name: 'todo.md', content: 'buy milk' };
  await queue(
    key,
    { toolCalls: [{ id: 'g1', name: 'write_file', arguments: write }], delayMs: 0 },
    { text: 'Saved todo.md.', delayMs: 0 },
    { toolCalls: [{ id: 'g2', name: 'write_file', arguments: write }], delayMs: 0 },
    { text: 'Saved it again.', delayMs: 0 },
  );
  await useMock(page, key);
  await page.goto('/');
  await send(page, 'Write my todo');

  await toolCard(page, 'write_file').getByRole('button', { name: 'Approve', exact: true }).click();
  await expect(lastAnswer(page)).toContainText('Saved todo.md.');
  await waitIdle(page);

  await lastAnswer(page).getByRole('button', { name: 'Regenerate' }).click();
  const card = toolCard(page, 'write_file');
  await expect(toolStatus(card)).toHaveText('Waiting for approval');
  await expect(card.getByRole('button', { name: 'Approve', exact: true })).toBeVisible();
  await expect(page.getByTestId('run-status')).toHaveText('Waiting for your approval (1 call)');
  // The old answer is gone, and the model was asked afresh from the user's message.
  await expect(page.locator('[data-role="assistant"]')).toHaveCount(1);
  await expect(lastAnswer(page)).not.toContainText('Saved todo.md.');
  await expectRequestCount(key, 3);
  const regenerated = await requestMessages(key, 2);
  expect(regenerated.filter((m) => m.role !== 'system').map((m) => m.role)).toEqual(['user']);

  await card.getByRole('button', { name: 'Approve', exact: true }).click();
  await expect(toolStatus(card)).toHaveText('Done');
  await expect(lastAnswer(page)).toContainText('Saved it again.');
  await waitIdle(page);
  await expectRequestCount(key, 4);
});
