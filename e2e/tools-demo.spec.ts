import { expect, test, type Page } from '@playwright/test';
import { expectProgressMoves, lastAnswer, send, waitIdle } from './support';

// The offline demo model on a fresh profile (no settings stored): every scripted prompt drives
// real built-in tools in the page, with no mock server involved.

function card(page: Page, name: string) {
  return lastAnswer(page).getByRole('region', { name, exact: true });
}

const chip = (page: Page, name: string) => card(page, name).getByTestId('tool-status');

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(page.getByText('You are on the offline demo model')).toBeVisible();
});

test('demo: list files, write a note with approval, and find it listed', async ({ page }) => {
  await send(page, 'list my files');
  await expect(chip(page, 'list_files')).toHaveText('Done');
  await expect(lastAnswer(page)).toContainText('Here is what the tools returned');
  await expect(lastAnswer(page)).toContainText('"count":0');
  await waitIdle(page);

  await send(page, 'write a note');
  await expect(chip(page, 'write_file')).toHaveText('Waiting for approval');
  await expect(card(page, 'write_file')).toContainText('note.md');
  await card(page, 'write_file').getByRole('button', { name: 'Approve', exact: true }).click();
  await expect(chip(page, 'write_file')).toHaveText('Done');
  await expect(lastAnswer(page)).toContainText('Here is what the tools returned');
  await waitIdle(page);

  await send(page, 'list my files');
  await expect(chip(page, 'list_files')).toHaveText('Done');
  await expect(lastAnswer(page)).toContainText('"count":1');
  await expect(card(page, 'list_files')).toContainText('note.md');
});

test('demo: a long task shows a moving progress bar', async ({ page }) => {
  await send(page, 'run a long task');
  const bar = card(page, 'process_items').getByRole('progressbar', { name: 'process_items progress' });
  await expectProgressMoves(bar);
  await expect(card(page, 'process_items')).toContainText(/Processing item \d+ of 12/);
  // No need to sit through the rest: Stop ends it, and the card says so.
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(chip(page, 'process_items')).toHaveText('Cancelled');
  await waitIdle(page);
});

test('demo: three things at once are three cards in one round', async ({ page }) => {
  await send(page, 'do three things at once');
  await expect(chip(page, 'write_file')).toHaveText('Waiting for approval');
  await expect(chip(page, 'calculate')).toHaveText('Done');
  await expect(chip(page, 'list_files')).toHaveText('Done');
  await expect(card(page, 'calculate')).toContainText('1048');
  await expect(lastAnswer(page).getByRole('region')).toHaveCount(3);
  // One round: the model spoke once before the calls, and has not answered yet.
  await expect(lastAnswer(page)).not.toContainText('Here is what the tools returned');

  await card(page, 'write_file').getByRole('button', { name: 'Approve', exact: true }).click();
  await expect(chip(page, 'write_file')).toHaveText('Done');
  const answer = lastAnswer(page);
  await expect(answer).toContainText('Here is what the tools returned');
  for (const name of ['calculate:', 'list_files:', 'write_file:']) await expect(answer).toContainText(name);
  await waitIdle(page);
});

test('demo: run some javascript asks first, then shows the value and the console log', async ({ page }) => {
  await send(page, 'run some javascript');
  const js = card(page, 'run_javascript');
  await expect(chip(page, 'run_javascript')).toHaveText('Waiting for approval');
  await expect(js).toContainText('squares.reduce');
  await js.getByRole('button', { name: 'Approve', exact: true }).click();
  await expect(chip(page, 'run_javascript')).toHaveText('Done');
  await expect(js.locator('summary', { hasText: 'Result' })).toBeVisible();
  await expect(js).toContainText('squares [1,4,9,16]');
  await expect(js).toContainText('30');
  await expect(lastAnswer(page)).toContainText('"value":30');
  await waitIdle(page);
});
