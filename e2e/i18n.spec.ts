import { expect, test, type Page } from '@playwright/test';
import { keyFor, lastAnswer, queue, toolCard, toolStatus, useMock } from './support';

// 简体中文: a browser whose language is Chinese gets the Chinese interface on its first visit,
// the demo model answers Chinese prompts with tools, and Settings switches the language at once.

test.use({ locale: 'zh-CN' });

const composer = (page: Page) => page.getByRole('textbox', { name: '消息' });
const sendButton = (page: Page) => page.getByRole('button', { name: '发送', exact: true });

async function openSettingsZh(page: Page) {
  await page.getByRole('button', { name: '设置', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '设置' });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Asks the demo model to write a note (an `ask` tool) and waits for its card to wait for approval. */
async function noteWaiting(page: Page) {
  await page.getByRole('list', { name: '试试这些' }).getByRole('button', { name: '写一条笔记' }).click();
  const card = toolCard(page, 'write_file');
  await expect(toolStatus(card)).toHaveText('等待批准');
  return card;
}

test('a Chinese browser gets the Chinese interface on first load', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('heading', { name: '与能调用工具的模型对话' })).toBeVisible();
  await expect(page.getByText('当前使用的是离线演示模型')).toBeVisible();
  await expect(composer(page)).toHaveAttribute('placeholder', '输入消息');
  await expect(sendButton(page)).toBeDisabled();
  await expect(page.getByTestId('model-badge')).toHaveText('离线演示');
  await expect(page.getByRole('button', { name: '新对话' })).toBeVisible();
  await expect(page.getByRole('searchbox', { name: '搜索对话' })).toHaveAttribute('placeholder', '搜索');

  const dialog = await openSettingsZh(page);
  await expect(dialog.getByLabel('服务商')).toHaveValue('demo');
  await expect(dialog.getByLabel('服务商').locator('option:checked')).toHaveText('离线演示');
  await expect(dialog.getByLabel('语言')).toHaveValue('auto');
  await expect(dialog.getByRole('button', { name: '完成' })).toBeVisible();
});

test('the demo model works in Chinese: a tool card waits with Chinese buttons, and approving runs it', async ({ page }) => {
  await page.goto('/');
  const card = await noteWaiting(page);
  await expect(lastAnswer(page)).toContainText('我来用一个工具处理。');
  await expect(card).toContainText('note.md');
  for (const name of ['批准', '拒绝', '查看参数']) await expect(card.getByRole('button', { name, exact: true })).toBeVisible();
  await expect(page.getByTestId('run-status')).toHaveText('等待你批准（1 个调用）');
  await expect(composer(page)).toHaveAttribute('placeholder', '请批准或拒绝上面的调用，或按 Esc 停止');

  await card.getByRole('button', { name: '批准', exact: true }).click();
  await expect(toolStatus(card)).toHaveText('完成');
  await expect(lastAnswer(page)).toContainText('工具返回了以下结果');
  await expect(lastAnswer(page).getByRole('button', { name: '重新生成' })).toBeVisible();
  await expect(sendButton(page)).toBeVisible();
});

test('switching to English in Settings applies at once, even to a waiting card, and is remembered', async ({ page }) => {
  await page.goto('/');
  const card = await noteWaiting(page);

  const dialog = await openSettingsZh(page);
  await dialog.getByLabel('语言').selectOption('en');
  // The open dialog itself changes language, without a reload.
  await expect(page.getByRole('dialog', { name: 'Settings' }).getByRole('button', { name: 'Done' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('dialog', { name: 'Settings' }).getByRole('button', { name: 'Done' }).click();

  await expect(toolStatus(card)).toHaveText('Waiting for approval');
  await expect(card.getByRole('button', { name: 'Approve', exact: true })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Message' })).toBeVisible();

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('button', { name: 'Settings', exact: true })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Message' })).toBeVisible();

  // Back to the browser's language.
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await page.getByRole('dialog', { name: 'Settings' }).getByLabel('Language').selectOption('auto');
  await expect(page.getByRole('dialog', { name: '设置' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
});

test('a provider error is explained in Chinese, with the server’s own words kept', async ({ page }, testInfo) => {
  const key = keyFor(testInfo);
  await useMock(page, key);
  await queue(key, { fault: { type: 'http', status: 401, message: 'Incorrect API key provided' } });
  await page.goto('/');
  await composer(page).fill('你好');
  await composer(page).press('Enter');
  const alert = lastAnswer(page).getByRole('alert');
  await expect(alert).toContainText('出错了');
  await expect(alert).toContainText('服务器拒绝了 API 密钥，请在设置中检查（HTTP 401）。');
  await expect(alert).toContainText('Incorrect API key provided');
  await expect(alert.getByRole('button', { name: '重试' })).toBeVisible();
  await expect(alert.getByRole('button', { name: '打开设置' })).toBeVisible();
});

// Screenshots for review and the docs (`npm run screenshots`; SHOTS_DIR picks the folder).
test('screenshots of the Chinese interface', { tag: '@screenshots' }, async ({ browser }) => {
  const dir = process.env.SHOTS_DIR ?? 'test-results/screenshots';
  test.setTimeout(120_000);
  for (const width of [1280, 375]) {
    for (const scheme of ['light', 'dark'] as const) {
      // A fresh profile for each: every series starts from the empty state.
      const context = await browser.newContext({ locale: 'zh-CN', colorScheme: scheme, viewport: { width, height: width > 400 ? 800 : 740 } });
      const page = await context.newPage();
      const name = `${width}-${scheme}`;
      await page.goto('/');
      await expect(page.getByRole('heading', { name: '与能调用工具的模型对话' })).toBeVisible();
      await page.screenshot({ path: `${dir}/${name}-empty.png` });
      await noteWaiting(page);
      await page.screenshot({ path: `${dir}/${name}-tool-card.png` });
      if (width === 1280 && scheme === 'light') await page.screenshot({ path: `${dir}/chinese-ui.png` });
      await openSettingsZh(page);
      await page.screenshot({ path: `${dir}/${name}-settings.png` });
      await context.close();
    }
  }
});
