import { expect, test, type Page } from '@playwright/test';
import { keyFor, queue, useMock } from './support';

// Screenshots of the sidebar's live states for review (`npm run screenshots`; SHOTS_DIR picks the folder):
// one conversation waits for approval, one failed, one runs a tool, one streams in the background,
// and the one on screen streams too. Light, dark, a phone (the drawer) and 简体中文.

/** Sends in either language and waits until the message shows. */
async function send(page: Page, text: string) {
  const box = page.getByRole('textbox', { name: /^(Message|消息)$/ });
  await box.fill(text);
  await box.press('Enter');
  await expect(page.getByTestId('conversation').getByText(text)).toBeVisible();
}

/** Four background conversations in four states, and a fifth streaming on screen. */
async function fillSidebar(page: Page, key: string) {
  await queue(
    key,
    { toolCalls: [{ id: 'w-shot', name: 'write_file', arguments: { name: 'notes.md', content: 'hello' } }], delayMs: 0 },
    // Fails a moment after the user has moved on, so the failure is news in the sidebar.
    { text: 'Reading the report. '.repeat(20), chunkSize: 6, delayMs: 60, fault: { type: 'error-event', afterChunks: 25, message: 'overloaded' } },
    { toolCalls: [{ id: 'p-shot', name: 'process_items', arguments: { count: 400, delayMs: 250 } }], delayMs: 0 },
    { text: 'A long answer that keeps streaming in the background. '.repeat(60), chunkSize: 6, delayMs: 60 },
    { text: 'The answer on screen streams while the others run. '.repeat(60), chunkSize: 6, delayMs: 60 },
  );
  const newChat = page.getByRole('button', { name: /New chat|新对话/ }).first();
  const prompts = ['Write the meeting notes', 'Summarize the report', 'Process the batch', 'Explain the design', 'Plan the release'];
  for (const [i, prompt] of prompts.entries()) {
    if (i > 0) await newChat.click();
    await expect(page.getByTestId('conversation')).toHaveAttribute('data-message-count', i > 0 ? '0' : /\d+/);
    await send(page, prompt);
    if (i === 0) await expect(page.getByRole('region', { name: 'write_file' })).toBeVisible();
    if (i === 2) await expect(page.getByRole('progressbar')).toBeVisible();
  }
  await expect(page.getByTestId('approval-badge')).toHaveCount(1);
  await expect(page.locator('[data-testid="live-state"][data-state="failed"]')).toHaveCount(1, { timeout: 15_000 });
  await expect(page.getByTestId('live-state')).toHaveCount(4);
}

test('screenshots of the sidebar with live states', { tag: '@screenshots' }, async ({ browser }, testInfo) => {
  const dir = process.env.SHOTS_DIR ?? 'test-results/screenshots';
  test.setTimeout(180_000);
  const series = [
    { name: 'light', width: 1280, scheme: 'light', locale: 'en-US' },
    { name: 'dark', width: 1280, scheme: 'dark', locale: 'en-US' },
    { name: 'phone', width: 375, scheme: 'light', locale: 'en-US' },
    { name: 'zh-CN', width: 1280, scheme: 'light', locale: 'zh-CN' },
  ] as const;
  for (const s of series) {
    const context = await browser.newContext({ locale: s.locale, colorScheme: s.scheme, viewport: { width: s.width, height: s.width > 400 ? 800 : 740 } });
    const page = await context.newPage();
    const key = `${keyFor(testInfo)}-${s.name}`;
    await useMock(page, key);
    await page.goto('/');
    await fillSidebar(page, key);
    if (s.width < 400) {
      await page.getByRole('button', { name: /^(Conversations|对话列表)$/ }).click();
      await expect(page.getByRole('dialog').getByTestId('approval-badge')).toBeVisible();
    }
    await page.screenshot({ path: `${dir}/sidebar-live-${s.name}.png` });
    await context.close();
  }
});
