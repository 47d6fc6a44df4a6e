import { expect, test, type Page } from '@playwright/test';
import { keyFor, lastAnswer, send, useMock, waitIdle } from './support';

// The layout holds on a phone and follows the system's dark mode.

/** Relative luminance (0 black … 1 white) of an element's computed colour, whatever colour syntax the CSS uses. */
function luminance(page: Page, selector: string, property: 'backgroundColor' | 'color') {
  return page.evaluate(
    ([sel, prop]) => {
      const value = getComputedStyle(document.querySelector(sel)!)[prop];
      const ctx = document.createElement('canvas').getContext('2d')!;
      ctx.fillStyle = value;
      ctx.fillRect(0, 0, 1, 1);
      const [r, g, b] = ctx.getImageData(0, 0, 1, 1).data;
      return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
    },
    [selector, property] as const,
  );
}

const pageWidth = (page: Page) => page.evaluate(() => document.scrollingElement!.scrollWidth);

test.describe('on a 375 px phone', () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test('the composer, Settings and a wide markdown answer fit without sideways scrolling', async ({ page }, testInfo) => {
    await useMock(page, keyFor(testInfo));
    await page.goto('/');
    expect(await pageWidth(page)).toBeLessThanOrEqual(375);
    // The header keeps to one row and the model's name is readable, not cut off.
    const badge = page.getByTestId('model-badge');
    await expect(badge).toHaveText('mock-small');
    expect(await badge.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    expect((await page.getByRole('button', { name: 'New chat' }).boundingBox())!.height).toBeLessThan(40);

    await send(page, 'Plan the release [[markdown]]');
    await waitIdle(page);
    await expect(lastAnswer(page).getByRole('table')).toBeAttached();

    await expect(page.getByRole('textbox', { name: 'Message' })).toBeInViewport();
    await expect(page.getByRole('button', { name: 'Settings', exact: true })).toBeInViewport();
    await expect(lastAnswer(page)).toBeInViewport();
    expect(await pageWidth(page)).toBeLessThanOrEqual(375);
    // Wide tables and code scroll inside their own boxes, not the whole conversation.
    const conversation = page.getByTestId('conversation');
    const overflow = await conversation.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

test('dark mode follows the system setting', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/');
  await expect(page.getByTestId('model-badge')).toBeVisible();
  expect(await luminance(page, 'body', 'backgroundColor')).toBeLessThan(0.15);
  expect(await luminance(page, 'body', 'color')).toBeGreaterThan(0.8);

  await page.emulateMedia({ colorScheme: 'light' });
  expect(await luminance(page, 'body', 'backgroundColor')).toBeGreaterThan(0.9);
  expect(await luminance(page, 'body', 'color')).toBeLessThan(0.2);
});
