import { expect, test } from '@playwright/test';
import {
  expectProgressMoves,
  chatRequests,
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
  unfold,
} from './support';

// Taking control of running calls: cancel one, stop everything, stop after the round, and a
// connection that dies while a call's arguments are still arriving.

test('cancelling one of two running calls lets the other finish; both get a result', async ({ page }, testInfo) => {
  const key = keyFor(testInfo);
  await queue(
    key,
    {
      toolCalls: [
        { id: 'long', name: 'process_items', arguments: { count: 30, delayMs: 200, label: 'long job' } },
        { id: 'short', name: 'process_items', arguments: { count: 8, delayMs: 250, label: 'short job' } },
      ],
      delayMs: 0,
    },
    { text: 'One finished, one was cancelled.', delayMs: 0 },
  );
  await useMock(page, key);
  await page.goto('/');
  await send(page, 'Run two jobs');

  const long = toolCard(page, 'process_items', 0);
  const short = toolCard(page, 'process_items', 1);
  await expect(toolStatus(long)).toHaveText('Running');
  await expect(toolStatus(short)).toHaveText('Running');
  await long.getByRole('button', { name: 'Cancel call' }).click();

  await expect(toolStatus(long)).toHaveText('Cancelled');
  // Cancelling one call leaves the other alone (it may already be done on a slow machine).
  await expect(toolStatus(short)).toHaveText(/Running|Done/);
  await expect(long.getByRole('progressbar')).toHaveCount(0);
  await expect(toolStatus(short)).toHaveText('Done');
  await unfold(short);
  await expect(short).toContainText('Processed 8 items for short job.');
  await expect(lastAnswer(page)).toContainText('One finished, one was cancelled.');
  await waitIdle(page);

  await expectRequestCount(key, 2);
  const results = await toolResults(key, 1);
  expect(results.map((m) => m.tool_call_id)).toEqual(['long', 'short']);
  expect(results[0].content).toBe('The user cancelled this call while it was running.');
  expect(JSON.parse(results[1].content ?? '')).toMatchObject({ processed: 8, label: 'short job' });
});

test('a connection dropped mid-arguments leaves an incomplete call that never runs', async ({ page }, testInfo) => {
  const key = keyFor(testInfo);
  await queue(
    key,
    {
      toolCalls: [{ id: 'cut', name: 'write_file', arguments: { name: 'dropped.md', content: 'never written' } }],
      chunkSize: 2,
      delayMs: 20,
      fault: { type: 'drop', afterChunks: 4 },
    },
    // What Retry gets: a listing proves the cut-off write never happened.
    { toolCalls: [{ id: 'ls', name: 'list_files', arguments: {} }], delayMs: 0 },
    { text: 'There are no files.', delayMs: 0 },
  );
  await useMock(page, key);
  await page.goto('/');
  await send(page, 'Save this');

  const card = toolCard(page, 'write_file');
  await expect(toolStatus(card)).toHaveText('Incomplete');
  await unfold(card);
  await expect(card).toContainText('The arguments were cut off — this call was not run.');
  await expect(card.getByRole('button', { name: 'Approve', exact: true })).toHaveCount(0);
  const alert = lastAnswer(page).getByRole('alert');
  await expect(alert).toContainText('Something went wrong');
  await waitIdle(page);
  const [first] = await chatRequests(key);
  expect(first.dropped).toBe(true);
  await expectRequestCount(key, 1);

  await alert.getByRole('button', { name: 'Retry' }).click();
  const list = toolCard(page, 'list_files');
  await expect(toolStatus(list)).toHaveText('Done');
  await expect(lastAnswer(page)).toContainText('There are no files.');
  await waitIdle(page);
  await expect(toolCard(page, 'write_file')).toHaveCount(0);
  await expectRequestCount(key, 3);
  const [listing] = await toolResults(key, 2);
  expect(JSON.parse(listing.content ?? '')).toEqual({ count: 0, files: [] });
});

test('progress moves while a tool runs; Stop cancels it and nothing more is sent', async ({ page }, testInfo) => {
  const key = keyFor(testInfo);
  await queue(
    key,
    { toolCalls: [{ id: 'job', name: 'process_items', arguments: { count: 10, delayMs: 300 } }], delayMs: 0 },
    { text: 'Still here.', delayMs: 0 },
  );
  await useMock(page, key);
  await page.goto('/');
  await send(page, 'Run a long job');

  const card = toolCard(page, 'process_items');
  const bar = card.getByRole('progressbar', { name: 'process_items progress' });
  await expect(bar).toBeVisible();
  await expect(page.getByTestId('run-status')).toHaveText('Running 1 tool…');
  await expectProgressMoves(bar);
  await expect(toolStatus(card)).toHaveText('Running');

  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(toolStatus(card)).toHaveText('Cancelled');
  await expect(bar).toBeHidden();
  await expect(page.getByRole('button', { name: 'Send' })).toBeVisible();
  await expect(page.getByTestId('run-status')).toHaveText('');
  await expect(lastAnswer(page).getByTestId('stopped-marker')).toBeVisible();

  // The next request must be the user's follow-up, not a continuation of the stopped run.
  await send(page, 'Are you there?');
  await expect(lastAnswer(page)).toContainText('Still here.');
  await expectRequestCount(key, 2);
  const followUp = await requestMessages(key, 1);
  expect(followUp.filter((m) => m.role !== 'system').map((m) => m.role)).toEqual(['user', 'assistant', 'tool', 'user']);
  expect(followUp.find((m) => m.role === 'tool')?.content).toBe('The user stopped the run; this call did not finish.');
});

test('stop after this round: the running tool finishes, then the run ends with a notice', async ({ page }, testInfo) => {
  const key = keyFor(testInfo);
  await queue(
    key,
    { toolCalls: [{ id: 'job', name: 'process_items', arguments: { count: 8, delayMs: 250 } }], delayMs: 0 },
    { text: 'This must never be requested.', delayMs: 0 },
  );
  await useMock(page, key);
  await page.goto('/');
  await send(page, 'Run a job, then stop');

  const card = toolCard(page, 'process_items');
  await expect(toolStatus(card)).toHaveText('Running');
  await page.getByRole('button', { name: 'Stop after this round' }).click();
  await expect(page.getByText('Will stop after this round')).toBeVisible();
  await expect(toolStatus(card)).toHaveText('Running');

  await expect(toolStatus(card)).toHaveText('Done');
  await unfold(card);
  await expect(card).toContainText('Processed 8 items.');
  await expect(lastAnswer(page).getByRole('note')).toHaveText('Stopped after this round, as you asked. The tool results are kept.');
  await waitIdle(page);
  await expect(lastAnswer(page)).not.toContainText('This must never be requested.');
  await expect(lastAnswer(page).getByTestId('stopped-marker')).toHaveCount(0);
  // The notice is written as the run ends, so no later request can still be on its way.
  await expectRequestCount(key, 1);
});
