import { expect, test, type Page } from '@playwright/test';
import { keyFor, modelRequests, queue, send, toolCard, toolStatus, unfold, useMock, waitIdle } from './support';

// The file tools take the paths models send ("reports/q3.csv", "/reports/q3.csv"), on Chromium's
// real OPFS; a path the store would refuse is refused by the review dialog and the slash command
// before anything runs, with the rule it breaks.

const box = (page: Page) => page.getByRole('textbox', { name: 'Message' });

test('write reports/q3.csv, list reports, read /reports/q3.csv', async ({ page }, testInfo) => {
  const key = keyFor(testInfo);
  await useMock(page, key);
  await page.goto('/');

  await send(page, '/write_file {"name": "reports/q3.csv", "content": "quarter,total\\nq3,42"}');
  const write = toolCard(page, 'write_file');
  await expect(toolStatus(write)).toHaveText('Waiting for approval');
  await write.getByRole('button', { name: 'Approve', exact: true }).click();
  await expect(toolStatus(write)).toHaveText('Done');
  await unfold(write);
  await expect(write).toContainText('"bytes": 19');
  await waitIdle(page);

  await send(page, '/list_files {"folder": "reports"}');
  const list = toolCard(page, 'list_files');
  await expect(toolStatus(list)).toHaveText('Done');
  await unfold(list);
  await expect(list).toContainText('"name": "reports/q3.csv"');
  await expect(list).toContainText('"count": 1');
  await waitIdle(page);

  await send(page, '/list_files {}');
  const root = toolCard(page, 'list_files', 1);
  await expect(toolStatus(root)).toHaveText('Done');
  await unfold(root);
  await expect(root).toContainText('"folders"');
  await expect(root).toContainText('"reports"');
  await waitIdle(page);

  await send(page, '/read_file {"name": "/reports/q3.csv"}');
  const read = toolCard(page, 'read_file');
  await expect(toolStatus(read)).toHaveText('Done');
  await unfold(read);
  await expect(read).toContainText('q3,42');
  await waitIdle(page);
  expect(await modelRequests(key)).toHaveLength(0);
});

test('"../x" is refused in the review dialog and as a slash command, before anything runs', async ({ page }, testInfo) => {
  const key = keyFor(testInfo);
  const original = { name: 'reports/draft.md', content: 'draft' };
  await queue(key, { toolCalls: [{ id: 'p1', name: 'write_file', arguments: original }], delayMs: 0 }, { text: 'Saved.', delayMs: 0 });
  await useMock(page, key);
  await page.goto('/');
  await send(page, 'Write a draft');

  const card = toolCard(page, 'write_file');
  await expect(toolStatus(card)).toHaveText('Waiting for approval');
  await card.getByRole('button', { name: 'Review arguments' }).click();
  const dialog = page.getByRole('dialog', { name: /Review arguments/ });
  const editor = dialog.getByRole('textbox', { name: 'Arguments (JSON)' });
  const approve = dialog.getByRole('button', { name: 'Approve', exact: true });
  const alert = dialog.getByRole('alert');
  await expect(approve).toBeEnabled();

  await editor.fill(JSON.stringify({ name: '../x', content: 'escaped' }));
  await expect(alert).toContainText('/name breaks the rule');
  await expect(alert).toContainText('No "." or ".." folders');
  await expect(approve).toBeDisabled();
  await editor.fill(JSON.stringify({ name: 'con.txt', content: 'device' }));
  await expect(approve).toBeDisabled();

  await editor.fill(JSON.stringify({ name: '/reports/final.md', content: 'final' }));
  await expect(alert).toBeHidden();
  await approve.click();
  await expect(toolStatus(card)).toHaveText('Done');
  await expect(card).toContainText('/reports/final.md');
  await waitIdle(page);

  await send(page, '/read_file {"name": "../x"}');
  await expect(page.getByRole('alert')).toContainText('breaks the rule');
  await expect(box(page)).toHaveValue('/read_file {"name": "../x"}');
  await expect(toolCard(page, 'read_file')).toHaveCount(0);
});
