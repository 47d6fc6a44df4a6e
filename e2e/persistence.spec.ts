import { expect, test, type Page } from '@playwright/test';
import { expectRequestCount, keyFor, lastAnswer, queue, send, toolCard, toolResults, toolStatus, useMock, waitIdle, unfold } from './support';

// Conversations survive reloads (mid-stream, mid-approval, mid-tool), live in a searchable sidebar
// with the active one in the URL, report storage faults, and stay consistent across two tabs.

/** The answer's own text: the stopped marker and notices under it left out. */
function answerTextLength(page: Page) {
  return lastAnswer(page).evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('[data-testid="stopped-marker"], [role="note"], [data-testid="thinking"]').forEach((n) => n.remove());
    return copy.textContent?.trim().length ?? 0;
  });
}

/** The conversation id in the URL. */
async function routeId(page: Page) {
  await expect(page).toHaveURL(/#\/c\/[^/]+$/);
  return decodeURIComponent(new URL(page.url()).hash.slice('#/c/'.length));
}

/** The stored conversation, read straight from IndexedDB. */
function stored(page: Page, id: string) {
  return page.evaluate(
    (key) =>
      new Promise<{ title: string; messages: { role: string; outcome?: string }[] } | undefined>((resolve, reject) => {
        const open = indexedDB.open('callstream');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('conversations').objectStore('conversations').get(key);
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        };
      }),
    id,
  );
}

const sidebar = (page: Page) => page.getByRole('navigation', { name: 'Conversations' });
const currentLink = (page: Page) => sidebar(page).locator('a[aria-current="page"]');
const row = (page: Page, title: string) => sidebar(page).getByRole('listitem').filter({ hasText: title });

test('reload in the middle of a streamed answer keeps the partial text; the chat goes on', async ({ page }, testInfo) => {
  await useMock(page, keyFor(testInfo));
  await page.goto('/');
  await send(page, 'Tell me about the mill [[slow]]');
  const id = await routeId(page);
  await expect.poll(() => answerTextLength(page), { timeout: 10_000 }).toBeGreaterThan(150);
  const before = await answerTextLength(page);
  await page.reload();

  await expect(page.getByTestId('conversation').getByText('Tell me about the mill [[slow]]')).toBeVisible();
  await expect(lastAnswer(page).getByRole('note')).toContainText('Interrupted by a page reload');
  const after = await answerTextLength(page);
  // Chunks arrive every 40 ms (6 characters); half a second is ~75 characters.
  expect(after).toBeGreaterThanOrEqual(before - 80);
  expect(after).toBeLessThan(1800); // the partial answer, not a finished one
  expect(await routeId(page)).toBe(id);

  await send(page, 'Go on please');
  await expect(lastAnswer(page)).toContainText('Mock reply to: Go on please');
  await waitIdle(page);
});

test('a crash mid-answer (no pagehide, no last save) loses at most about half a second', async ({ context, page }, testInfo) => {
  await useMock(page, keyFor(testInfo));
  await page.goto('/');
  await send(page, 'Keep talking [[slow]]');
  const id = await routeId(page);
  await expect.poll(() => answerTextLength(page), { timeout: 10_000 }).toBeGreaterThan(300);
  const before = await answerTextLength(page);
  const cdp = await context.newCDPSession(page);
  const crashed = page.waitForEvent('crash');
  void cdp.send('Page.crash').catch(() => {}); // never answers: the renderer is gone
  await crashed;

  const again = await context.newPage();
  await again.goto(`/#/c/${id}`);
  await expect(lastAnswer(again).getByRole('note')).toContainText('Interrupted by a page reload');
  // Only the throttled saves ran: within 0.5 s of the sample (~75 characters) plus the time to crash.
  expect(await answerTextLength(again)).toBeGreaterThanOrEqual(before - 110);
});

test('reload while a call waits for approval: it still waits, and approving continues the run', async ({ page }, testInfo) => {
  const key = keyFor(testInfo);
  await queue(
    key,
    { toolCalls: [{ id: 'w-reload', name: 'write_file', arguments: { name: 'kept.md', content: 'survives a reload' } }], delayMs: 0 },
    { text: 'Written after the reload.', delayMs: 0 },
  );
  await useMock(page, key);
  await page.goto('/');
  await send(page, 'Save a note');
  await expect(toolStatus(toolCard(page, 'write_file'))).toHaveText('Waiting for approval');
  const id = await routeId(page);
  await expect.poll(async () => (await stored(page, id))?.messages.length).toBe(2);
  await page.reload();

  const card = toolCard(page, 'write_file');
  await expect(toolStatus(card)).toHaveText('Waiting for approval');
  await card.getByRole('button', { name: 'Approve', exact: true }).click();
  await expect(toolStatus(card)).toHaveText('Done');
  await expect(lastAnswer(page)).toContainText('Written after the reload.');
  await waitIdle(page);
  await expectRequestCount(key, 2);
  const [result] = await toolResults(key, 1);
  expect(result).toMatchObject({ tool_call_id: 'w-reload' });
  expect(JSON.parse(result.content ?? '')).toEqual({ name: 'kept.md', bytes: 17 });
});

test('reload while a tool runs: the call shows as cancelled and can be re-run', async ({ page }, testInfo) => {
  const key = keyFor(testInfo);
  await queue(key, { toolCalls: [{ id: 'p-reload', name: 'process_items', arguments: { count: 40, delayMs: 250 } }], delayMs: 0 });
  await useMock(page, key);
  await page.goto('/');
  await send(page, 'Process the items');
  await expect(toolStatus(toolCard(page, 'process_items'))).toHaveText('Running');
  const id = await routeId(page);
  await expect.poll(async () => JSON.stringify((await stored(page, id))?.messages ?? [])).toContain('"status":"running"');
  await page.reload();

  const card = toolCard(page, 'process_items');
  await expect(toolStatus(card)).toHaveText('Cancelled');
  await unfold(card);
  await expect(card.getByRole('button', { name: 'Re-run with edits' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Send' })).toBeVisible();
});

test('sidebar: newest first, search by content, rename, delete with undo, back and forward', async ({ page }, testInfo) => {
  const key = keyFor(testInfo);
  await queue(key, { text: 'Use raised beds for the tomatoes.', delayMs: 0 }, { text: 'Tighten the brake cable.', delayMs: 0 });
  await useMock(page, key);
  await page.goto('/');
  await expect(sidebar(page)).toContainText('No saved conversations yet');

  await send(page, 'Plan the garden');
  await expect(lastAnswer(page)).toContainText('raised beds');
  await waitIdle(page);
  const garden = await routeId(page);
  await page.getByRole('button', { name: 'New chat' }).click();
  await expect(page).toHaveURL(/#\/$/);
  await send(page, 'Fix the bicycle');
  await expect(lastAnswer(page)).toContainText('brake cable');
  await waitIdle(page);
  const bicycle = await routeId(page);
  expect(bicycle).not.toBe(garden);

  const links = sidebar(page).getByRole('link');
  await expect(links).toHaveText([/Fix the bicycle/, /Plan the garden/]);
  await expect(currentLink(page)).toHaveText(/Fix the bicycle/);

  // Search reaches the answers' text, not only titles.
  const search = page.getByRole('searchbox', { name: 'Search conversations' });
  await search.fill('tomatoes');
  await expect(links).toHaveText([/Plan the garden.*raised beds for the tomatoes/]);
  await search.fill('');
  await expect(links).toHaveCount(2);

  // Rename: Esc cancels, Enter saves, and the new title is stored.
  await row(page, 'Plan the garden').getByRole('button', { name: 'Rename' }).click();
  const title = sidebar(page).getByRole('textbox', { name: 'Conversation title' });
  await title.fill('Never mind');
  await title.press('Escape');
  await expect(links).toHaveText([/Fix the bicycle/, /Plan the garden/]);
  await row(page, 'Plan the garden').getByRole('button', { name: 'Rename' }).click();
  await title.fill('Vegetable patch');
  await title.press('Enter');
  await expect(links).toHaveText([/Fix the bicycle/, /Vegetable patch/]);
  await expect.poll(async () => (await stored(page, garden))?.title).toBe('Vegetable patch');

  // Back and forward move between conversations through the URL.
  await links.filter({ hasText: 'Vegetable patch' }).click();
  await expect(page).toHaveURL(new RegExp(`#/c/${garden}$`));
  await expect(lastAnswer(page)).toContainText('raised beds');
  await expect(currentLink(page)).toHaveText(/Vegetable patch/);
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`#/c/${bicycle}$`));
  await expect(lastAnswer(page)).toContainText('brake cable');
  await page.goForward();
  await expect(lastAnswer(page)).toContainText('raised beds');

  // Delete the open conversation: gone from storage at once, and Undo puts it back where it was.
  await row(page, 'Vegetable patch').getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Conversation deleted.' })).toBeVisible();
  await expect(links).toHaveText([/Fix the bicycle/]);
  await expect(page).toHaveURL(/#\/$/);
  await expect.poll(() => stored(page, garden)).toBeUndefined();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(links).toHaveText([/Fix the bicycle/, /Vegetable patch/]);
  await expect(page).toHaveURL(new RegExp(`#/c/${garden}$`));
  await expect(lastAnswer(page)).toContainText('raised beds');
  await expect.poll(async () => (await stored(page, garden))?.title).toBe('Vegetable patch');
  await row(page, 'Vegetable patch').getByRole('button', { name: 'Delete' }).click();
  await expect(links).toHaveText([/Fix the bicycle/]);
  await page.reload();
  await expect(links).toHaveText([/Fix the bicycle/]);
  expect(await stored(page, garden)).toBeUndefined();
});

test('a storage quota fault shows the banner; the answer still streams and Retry saves it', async ({ page }, testInfo) => {
  const key = keyFor(testInfo);
  await queue(key, { text: 'Saved fine.', delayMs: 0 }, { text: 'This answer streams while nothing can be saved. '.repeat(4), chunkSize: 8, delayMs: 20 });
  await page.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if ((window as { failPuts?: boolean }).failPuts) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
  });
  await useMock(page, key);
  await page.goto('/');
  await send(page, 'First');
  await waitIdle(page);
  const id = await routeId(page);
  await expect.poll(async () => (await stored(page, id))?.messages.length).toBe(2);

  await page.evaluate(() => ((window as { failPuts?: boolean }).failPuts = true));
  await send(page, 'Second');
  const banner = page.getByTestId('storage-banner');
  await expect(banner).toHaveRole('alert');
  await expect(banner).toContainText("Not saving: your browser's storage is full.");
  await expect(lastAnswer(page)).toContainText('This answer streams while nothing can be saved.');
  await waitIdle(page);
  expect((await stored(page, id))?.messages.length).toBe(2);

  await banner.getByRole('button', { name: 'Retry saving' }).click();
  await expect(banner).toContainText('Still not saving.');
  await page.evaluate(() => ((window as { failPuts?: boolean }).failPuts = false));
  await banner.getByRole('button', { name: 'Retry saving' }).click();
  await expect(banner).toBeHidden();
  await expect.poll(async () => (await stored(page, id))?.messages.length).toBe(4);
});

test('without IndexedDB (a private window) the banner says so and the chat works in memory', async ({ page }, testInfo) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { get: () => { throw new DOMException('The operation is insecure.', 'SecurityError'); } });
  });
  await useMock(page, keyFor(testInfo));
  await page.goto('/');
  await expect(page.getByTestId('storage-banner')).toContainText('Not saving: this browser does not allow storage here (private window?)');
  await send(page, 'Remember this for now');
  await expect(lastAnswer(page)).toContainText('Mock reply to: Remember this for now');
  await expect(sidebar(page).getByRole('link')).toHaveText([/Remember this for now/]);
});

test('two tabs: what one sends shows in the other, which cannot send while the first runs', async ({ context }, testInfo) => {
  const key = keyFor(testInfo);
  const long = 'Tab A is writing this answer slowly, piece by piece. '.repeat(6);
  await queue(key, { text: 'First answer.', delayMs: 0 }, { text: long, chunkSize: 6, delayMs: 40 }, { text: 'Answer to tab B.', delayMs: 0 });
  const a = await context.newPage();
  const b = await context.newPage();
  await useMock(a, key);
  await useMock(b, key);
  await a.goto('/');
  await send(a, 'Question from A');
  await expect(lastAnswer(a)).toContainText('First answer.');
  await waitIdle(a);
  const id = await routeId(a);

  await b.goto(`/#/c/${id}`);
  await expect(lastAnswer(b)).toContainText('First answer.');

  await send(a, 'Second question from A');
  await expect(b.getByTestId('running-elsewhere')).toContainText('This conversation is running in another tab');
  await expect(b.getByRole('button', { name: 'Send' })).toBeDisabled();
  await expect(b.getByRole('textbox', { name: 'Message' })).toBeDisabled();
  await expect(b.getByTestId('conversation').getByText('Second question from A')).toBeVisible();
  await expect(row(b, 'Question from A')).toContainText('Running in another tab');
  await expect(row(b, 'Question from A').getByRole('button', { name: 'Delete' })).toBeDisabled();

  await waitIdle(a);
  await expect(lastAnswer(b)).toContainText(long.trim());
  await expect(b.getByTestId('running-elsewhere')).toBeHidden();
  await send(b, 'Now from B');
  await expect(lastAnswer(b)).toContainText('Answer to tab B.');
  await expect(lastAnswer(a)).toContainText('Answer to tab B.');
  await expect(a.getByTestId('conversation').getByText('Now from B')).toBeVisible();
});
