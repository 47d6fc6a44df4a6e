import { expect, test } from '@playwright/test';
import { keyFor, lastAnswer, queue, send, toolCard, toolStatus, useMock, waitIdle } from './support';
import { expectNoSeriousA11yViolations } from './support-a11y';

// Settled tool calls fold to one line; calls of one round are grouped under a summary; a call of a
// tool that does not exist says so and cannot be re-run.

const SHOTS = process.env.SHOTS_DIR;

test('settled calls fold to one line and unfold with the keyboard; an unknown tool says so', async ({ page }, testInfo) => {
  const key = keyFor(testInfo);
  await queue(
    key,
    {
      toolCalls: [
        { id: 'calc', name: 'calculate', arguments: { expression: '6*7' } },
        { id: 'ghost', name: 'get_weather', arguments: { city: 'Paris' } },
        { id: 'bad', name: 'process_items', arguments: { count: 'many' } },
      ],
      delayMs: 0,
    },
    { text: 'Six times seven is 42; there is no weather tool.', delayMs: 0 },
  );
  await useMock(page, key);
  await page.goto('/');
  await send(page, 'Compute 6*7 and get the weather');
  await waitIdle(page);

  const group = lastAnswer(page).getByRole('group', { name: 'Tool calls of one round' });
  await expect(group.getByTestId('tool-group-summary')).toHaveText('3 tools · 1 done · 2 failed');

  const calc = toolCard(page, 'calculate');
  await expect(toolStatus(calc)).toHaveText('Done');
  const toggle = calc.getByTestId('tool-fold');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(toggle).toContainText('6*7');
  await expect(calc.getByTestId('tool-preview')).toHaveText('= 42');
  await expect(calc.getByRole('button', { name: 'Re-run with edits' })).toHaveCount(0);

  // Keyboard: the card takes focus, Enter unfolds it, Enter on the toggle folds it again.
  await calc.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(calc.getByRole('button', { name: 'Re-run with edits' })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(toggle).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(toggle).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');

  // The unknown tool: named, no re-run, and E does not open a review.
  const ghost = toolCard(page, 'get_weather');
  await expect(toolStatus(ghost)).toHaveText('Invalid');
  await ghost.getByTestId('tool-fold').click();
  await expect(ghost.getByTestId('unknown-tool')).toContainText('The model called get_weather, which is not a tool here.');
  await expect(ghost.getByRole('button', { name: 'Re-run with edits' })).toHaveCount(0);
  await ghost.focus();
  await page.keyboard.press('e');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // Arguments that fail the schema name the failing field.
  const bad = toolCard(page, 'process_items');
  await expect(bad.getByTestId('tool-preview')).toContainText('/count must be');

  await expectNoSeriousA11yViolations(page, 'folded and unfolded tool cards');

  // The group's summary folds the whole round to one line.
  const summary = group.getByRole('button', { name: /3 tools/ });
  await summary.click();
  await expect(summary).toHaveAttribute('aria-expanded', 'false');
  await expect(group.getByRole('region')).toHaveCount(0);
  await summary.click();
  await expect(group.getByRole('region')).toHaveCount(3);

  if (SHOTS) {
    // Unfolding the group shows its cards folded again: the round is four lines.
    await expect(group.getByTestId('tool-fold')).toHaveCount(3);
    for (const t of await group.getByTestId('tool-fold').all()) await expect(t).toHaveAttribute('aria-expanded', 'false');
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: `${SHOTS}/fold-group-${scheme}.png` });
    }
    await page.setViewportSize({ width: 375, height: 760 });
    await page.screenshot({ path: `${SHOTS}/fold-group-phone.png` });
    await ghost.getByTestId('tool-fold').click();
    await page.screenshot({ path: `${SHOTS}/fold-unknown-phone-dark.png` });
  }
});
