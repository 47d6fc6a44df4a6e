import { expect, test, type Page } from '@playwright/test';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { MockScript } from './mock/server-core.mjs';
import { keyFor, lastAnswer, queue, send, toolCard, toolStatus, useMock, waitIdle } from './support';

// The inspector shows what a run did — transitions, normalized events, the wire traffic and the
// request as sent, timings and usage — and exports a raw stream that `npm run replay` reads back.
// The API key (the mock key) must appear nowhere in the panel or the exported file.

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const execFileAsync = promisify(execFile);

const TOOL_ROUND: MockScript = {
  text: 'Let me calculate.',
  toolCalls: [{ id: 'call_calc', name: 'calculate', arguments: { expression: '6*7' } }],
  chunkSize: 4,
  delayMs: 0,
  usage: { prompt_tokens: 120, completion_tokens: 30 },
};
const ANSWER_ROUND: MockScript = { text: 'The answer is 42.', chunkSize: 5, delayMs: 0, usage: { prompt_tokens: 180, completion_tokens: 12 } };

/** Sends a question that takes a tool round then an answer, and opens the inspector. */
async function multiRoundRun(page: Page, key: string) {
  await queue(key, TOOL_ROUND, ANSWER_ROUND);
  await useMock(page, key);
  await page.goto('/');
  await send(page, 'What is 6*7?');
  await expect(toolStatus(toolCard(page, 'calculate'))).toHaveText('Done');
  await expect(lastAnswer(page)).toContainText('The answer is 42.');
  await waitIdle(page);
  await page.getByRole('button', { name: 'Inspector', exact: true }).click();
  const panel = page.getByTestId('inspector');
  await expect(panel).toBeVisible();
  return panel;
}

async function expectNoKey(page: Page, key: string) {
  const panel = page.getByTestId('inspector');
  expect(await panel.evaluate((el) => el.outerHTML)).not.toContain(key);
}

test('a tool round then an answer: timeline, events, wire lines, request, timings — and no key anywhere', async ({ page }, testInfo) => {
  const key = keyFor(testInfo);
  const panel = await multiRoundRun(page, key);

  // Timeline: the run's phases with times since the run began.
  await expect(panel.getByTestId('run-transition')).toHaveText([
    /^\+0 ms\s*start idle → generating$/,
    /^\+\d.*round-finished generating → executing_function$/,
    /^\+\d.*calls-settled executing_function → generating$/,
    /^\+\d.*round-finished generating → idle$/,
  ]);
  await expect(panel.getByTestId('call-transition').filter({ hasText: 'queued → running' })).toContainText('call calculate: run');
  await expect(panel.getByRole('option', { selected: true })).toContainText('What is 6*7? · completed');
  await expectNoKey(page, key);

  // Events: compact lines, tool-call deltas included; a line opens to its JSON.
  await panel.getByRole('tab', { name: 'Events' }).click();
  const round1 = panel.getByRole('region', { name: 'Round 1' });
  await expect(round1.locator('[data-event-type="tool-call-start"]')).toContainText('#0 calculate call_calc');
  await expect(round1.locator('[data-event-type="tool-call-delta"]').first()).toBeVisible();
  const deltas = await round1.locator('[data-event-type="tool-call-delta"]').count();
  expect(deltas).toBeGreaterThan(1);
  await expect(round1.locator('[data-event-type="finish"]')).toContainText('tool_calls · in 120 · out 30');
  const end = round1.locator('[data-event-type="tool-call-end"]');
  await end.getByRole('button').click();
  await expect(end.getByRole('button')).toHaveAttribute('aria-expanded', 'true');
  await expect(end).toContainText('"args": {');
  await expect(panel.getByRole('region', { name: 'Round 2' }).locator('[data-event-type="text-delta"]').first()).toContainText('"The a');
  await expectNoKey(page, key);

  // Requests: per round the request as sent (key redacted), the status, and the raw SSE lines.
  await panel.getByRole('tab', { name: 'Requests' }).click();
  const exchanges = panel.getByTestId('inspector-exchange');
  await expect(exchanges).toHaveCount(2);
  await expect(panel.getByTestId('inspector-status')).toHaveText(['200', '200']);
  const wire = exchanges.nth(0).getByTestId('inspector-wire');
  await expect(wire).toContainText('data: {"id"');
  await expect(wire).toContainText('"tool_calls":[{"index":0,"id":"call_calc"');
  await expect(wire).toContainText('data: [DONE]');
  await exchanges.nth(1).getByText('Request (API key redacted)').click();
  const second = exchanges.nth(1);
  await expect(second).toContainText('"authorization": "Bearer [redacted]"');
  await expect(second).toContainText('"role": "tool"');
  await expect(second).toContainText('"tool_call_id": "call_calc"');
  await expect(second).toContainText('"name": "calculate"');
  await expect(second).toContainText('"messages": [');
  await expect(second).toContainText('"tools": [');
  await expectNoKey(page, key);

  // Timings & usage: TTFT and the provider's token counts, per run and per round.
  await panel.getByRole('tab', { name: 'Timings & usage' }).click();
  const stats = panel.getByTestId('inspector-timings');
  await expect(stats.getByRole('definition').nth(0)).toHaveText(/^\d+(\.\d+)? (ms|s)$/);
  await expect(stats).toContainText('Prompt tokens300');
  await expect(stats).toContainText('Completion tokens42');
  await expect(panel.getByTestId('inspector-tool-timings')).toContainText(/calculate\s*succeeded\s*\d+ ms/);
  await expectNoKey(page, key);

  // Export: a capture file without the key, which `npm run replay` decodes to what the page showed.
  const downloading = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Export raw stream' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^callstream-run-1-.*\.json$/);
  const file = testInfo.outputPath('capture.json');
  await download.saveAs(file);
  const text = readFileSync(file, 'utf8');
  expect(text).not.toContain(key);
  expect(JSON.parse(text)).toMatchObject({ format: 'callstream-capture', version: 1, requests: [{ protocol: 'openai-chat', status: 200 }, { status: 200 }] });

  const { stdout } = await execFileAsync('npm', ['run', '-s', 'replay', '--', file], { cwd: repoRoot, timeout: 30_000 });
  const replay = JSON.parse(stdout);
  const [first, answer] = replay.requests;
  expect(first.result.toolCalls).toEqual([expect.objectContaining({ id: 'call_calc', name: 'calculate', arguments: { expression: '6*7' }, complete: true })]);
  expect(answer.result).toMatchObject({ finishReason: 'stop', error: null });
  await expect(lastAnswer(page)).toContainText(first.result.text);
  await expect(lastAnswer(page)).toContainText(answer.result.text);
  expect(`${first.result.text}|${answer.result.text}`).toBe('Let me calculate.|The answer is 42.');
});

test('an Anthropic run shows its SSE event lines and the redacted x-api-key', async ({ page }, testInfo) => {
  const key = keyFor(testInfo);
  await queue(key, { text: 'Bonjour from Claude.', delayMs: 0, chunkSize: 6 });
  await useMock(page, key, { protocol: 'anthropic-messages' });
  await page.goto('/');
  await send(page, 'Say hello');
  await expect(lastAnswer(page)).toContainText('Bonjour from Claude.');
  await waitIdle(page);
  await page.getByRole('button', { name: 'Inspector', exact: true }).click();
  const panel = page.getByTestId('inspector');
  await panel.getByRole('tab', { name: 'Requests' }).click();
  const wire = panel.getByTestId('inspector-wire');
  await expect(wire).toContainText('event: message_start');
  await expect(wire).toContainText('event: content_block_delta');
  await expect(wire).toContainText('"type":"text_delta"');
  await expect(wire).toContainText('event: message_stop');
  await panel.getByText('Request (API key redacted)').click();
  await expect(panel.getByTestId('inspector-exchange')).toContainText('"x-api-key": "[redacted]"');
  await expect(panel.getByTestId('inspector-exchange')).toContainText('/v1/messages');
  await expectNoKey(page, key);
});

test('a request retried after a server error shows both attempts, their statuses and the retry event', async ({ page }, testInfo) => {
  const key = keyFor(testInfo);
  await queue(key, { fault: { type: 'http', status: 500, message: 'upstream hiccup' } }, { text: 'Fine now.', delayMs: 0 });
  await useMock(page, key);
  await page.goto('/');
  await send(page, 'Try me');
  await expect(lastAnswer(page)).toContainText('Fine now.');
  await waitIdle(page);
  await page.getByRole('button', { name: 'Inspector', exact: true }).click();
  const panel = page.getByTestId('inspector');
  await panel.getByRole('tab', { name: 'Requests' }).click();
  await expect(panel.getByTestId('inspector-status')).toHaveText(['500', '200']);
  await expect(panel.getByTestId('inspector-exchange').first()).toContainText('No raw text was received.');
  await panel.getByRole('tab', { name: 'Events' }).click();
  await expect(panel.locator('[data-event-type="retrying"]')).toContainText('attempt 2/3 in 1000 ms — Server error (HTTP 500)');
  await expectNoKey(page, key);
});

test('the panel follows a new run, closes with Esc and gives focus back to its button', async ({ page }, testInfo) => {
  const key = keyFor(testInfo);
  await queue(key, { text: 'First.', delayMs: 0 }, { text: 'Second.', delayMs: 0 });
  await useMock(page, key);
  await page.goto('/');
  const button = page.getByRole('button', { name: 'Inspector', exact: true });
  await button.click();
  const panel = page.getByRole('complementary', { name: 'Inspector' });
  await expect(panel).toContainText('Nothing recorded yet');
  await expect(panel.getByRole('button', { name: 'Close inspector' })).toBeFocused();
  await send(page, 'one');
  await expect(panel.getByRole('combobox', { name: 'Run' })).toContainText('#1');
  await waitIdle(page);
  await send(page, 'two');
  await waitIdle(page);
  // The newest run is selected by itself; the older one stays in the picker.
  await expect(panel.getByRole('option', { selected: true })).toContainText('#2');
  await panel.getByRole('combobox', { name: 'Run' }).selectOption({ index: 0 });
  await panel.getByRole('tab', { name: 'Timeline' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(panel.getByRole('tab', { name: 'Events' })).toHaveAttribute('aria-selected', 'true');
  await expect(panel.getByRole('region', { name: 'Round 1' }).locator('[data-event-type="text-delta"]').first()).toContainText('"First');
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(button).toBeFocused();
});

test('on a phone the inspector is a full-screen sheet with a close button', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 375, height: 780 });
  const key = keyFor(testInfo);
  await multiRoundRun(page, key);
  const sheet = page.getByRole('dialog', { name: 'Inspector' });
  await expect(sheet).toBeVisible();
  const box = (await sheet.boundingBox())!;
  expect(box.width).toBe(375);
  await expect(sheet.getByTestId('run-transition')).toHaveCount(4);
  await sheet.getByRole('button', { name: 'Close inspector' }).click();
  await expect(sheet).toBeHidden();
  await expect(page.getByRole('button', { name: 'Inspector', exact: true })).toBeFocused();
});

// Screenshots for the docs and for review (`npm run screenshots`; SHOTS_DIR picks the folder).
test('screenshots of the inspector on a multi-round run', { tag: '@screenshots' }, async ({ page }, testInfo) => {
  const dir = process.env.SHOTS_DIR ?? 'test-results/screenshots';
  for (const [name, width] of [['desktop', 1280], ['phone', 375]] as const) {
    await page.setViewportSize({ width, height: width > 400 ? 800 : 780 });
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      const panel = await multiRoundRun(page, `${keyFor(testInfo)}-${name}-${scheme}`);
      await page.screenshot({ path: `${dir}/${name}-${scheme}-timeline.png` });
      await panel.getByRole('tab', { name: 'Requests' }).click();
      await panel.getByText('Request (API key redacted)').first().click();
      await page.screenshot({ path: `${dir}/${name}-${scheme}-requests.png` });
      await panel.getByRole('tab', { name: 'Events' }).click();
      await page.screenshot({ path: `${dir}/${name}-${scheme}-events.png` });
      await panel.getByRole('tab', { name: 'Timings & usage' }).click();
      await page.screenshot({ path: `${dir}/${name}-${scheme}-timings.png` });
    }
  }
});
