import { expect, test, type Page } from '@playwright/test';
import { keyFor, queue, send, toolCard, toolStatus, useMock, waitIdle } from './support';

// What a screen reader hears: the app's polite live region gets the answer in whole sentences,
// a few at a time (never per token, never twice), tool status changes and how the run ended.

/** Records every line the screen-reader live region receives, in order. */
async function listenToAnnouncer(page: Page) {
  await page.evaluate(() => {
    const region = document.querySelector('[data-testid="announcer"]');
    if (!region) throw new Error('no live region');
    const heard: string[] = [];
    (window as unknown as { heard: string[] }).heard = heard;
    new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) heard.push(n.textContent ?? '');
    }).observe(region, { childList: true });
  });
  return () => page.evaluate(() => (window as unknown as { heard: string[] }).heard);
}

test('screen readers hear the answer in a few whole sentences, tool status changes and the end of the run', async ({ page }, testInfo) => {
  const key = keyFor(testInfo);
  const answer = 'The tide rises twice a day. The moon pulls the water toward it. The sun helps a little. Spring tides are the highest. Neap tides are the lowest. That is all.';
  await queue(
    key,
    { text: answer, chunkSize: 3, delayMs: 40 },
    { toolCalls: [{ id: 'n-write', name: 'write_file', arguments: { name: 'tides.md', content: 'tides' } }], delayMs: 0 },
    { text: 'Saved.', delayMs: 0 },
  );
  await useMock(page, key);
  await page.goto('/');
  const region = page.getByTestId('announcer');
  await expect(region).toHaveAttribute('aria-live', 'polite');
  const heard = await listenToAnnouncer(page);

  await send(page, 'Explain tides');
  await waitIdle(page);
  await expect.poll(heard).toContain('Answer complete');
  const lines = await heard();
  const spoken = lines.slice(0, lines.indexOf('Answer complete'));
  // 52 stream chunks became a handful of announcements that say every sentence exactly once, in order.
  expect(spoken.length).toBeGreaterThanOrEqual(2);
  expect(spoken.length).toBeLessThanOrEqual(8);
  expect(spoken.join(' ')).toBe(answer);

  await send(page, 'Save that');
  const card = toolCard(page, 'write_file');
  await expect(toolStatus(card)).toHaveText('Waiting for approval');
  await expect.poll(heard).toContain('write_file: waiting for approval');
  await card.getByRole('button', { name: 'Approve', exact: true }).click();
  await waitIdle(page);
  await expect.poll(async () => (await heard()).slice(lines.length)).toEqual(['write_file: waiting for approval', 'write_file: done', 'Saved.', 'Answer complete']);
});

test('a stopped answer is announced as stopped, without finishing its sentence', async ({ page }, testInfo) => {
  const key = keyFor(testInfo);
  await queue(key, { text: 'First sentence here. And a second one that never ends because', chunkSize: 4, delayMs: 10, fault: { type: 'stall', afterChunks: 12, ms: 10_000 } });
  await useMock(page, key);
  await page.goto('/');
  const heard = await listenToAnnouncer(page);
  await send(page, 'Go');
  await expect.poll(heard).toContain('First sentence here.');
  await page.keyboard.press('Escape');
  await waitIdle(page);
  await expect.poll(heard).toEqual(['First sentence here.', 'Stopped']);
});
