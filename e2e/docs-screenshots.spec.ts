import { expect, test } from '@playwright/test';
import { lastAnswer, send, waitIdle } from './support';

// The README's main screenshot, from the offline demo model: `npm run screenshots` (tagged, so the
// normal suite leaves it out; see playwright.config.ts).
test('the README screenshot: parallel calls answered, then a long task with its progress bar', { tag: '@screenshots' }, async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 820 });
  await page.goto('/');
  await send(page, 'do three things at once');
  const write = lastAnswer(page).getByRole('region', { name: 'write_file', exact: true });
  await write.getByRole('button', { name: 'Approve', exact: true }).click();
  await expect(lastAnswer(page)).toContainText('Here is what the tools returned');
  await waitIdle(page);
  await send(page, 'run a long task');
  await expect(lastAnswer(page).getByRole('progressbar')).toHaveAttribute('aria-valuenow', /^(25|33|42)$/, { timeout: 15_000 });
  await page.screenshot({ path: 'docs/screenshot.png' });
});
