import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support-a11y';
import { keyFor, lastAnswer, openSettings, queue, send, toolCard, toolStatus, useMock, waitIdle } from './support';

// axe-core on every main screen: zero serious or critical violations, in light and dark mode and
// at phone width. A failure prints each rule, element and fix.

/** Two parallel calls of one round: calculate runs by itself, write_file waits for the user. */
async function openWaitingCards(page: Page, key: string) {
  await queue(key, {
    toolCalls: [
      { id: 'a-calc', name: 'calculate', arguments: { expression: '6*7' } },
      { id: 'a-write', name: 'write_file', arguments: { name: 'notes.md', content: 'hello' } },
    ],
    delayMs: 0,
  });
  await useMock(page, key);
  await page.goto('/');
  await send(page, 'Calculate and save');
  await expect(toolStatus(toolCard(page, 'write_file'))).toHaveText('Waiting for approval');
  await expect(toolStatus(toolCard(page, 'calculate'))).toHaveText('Done');
}

const RICH_ANSWER = [
  '## Packing list',
  '',
  'You will need **three** things, see [the guide](https://example.com/guide):',
  '',
  '- a map',
  '- [x] water',
  '',
  '| Item | Weight |',
  '| ---- | -----: |',
  '| Tent | 2 kg |',
  '',
  '```ts',
  'const total = items.reduce((sum, item) => sum + item.kg, 0);',
  '```',
  '',
  'Inline `code` and a > quote.',
].join('\n');

/** A finished answer with reasoning and markdown, then a second turn that failed with Retry on offer. */
async function openRichConversation(page: Page, key: string) {
  await queue(
    key,
    { reasoning: 'The user wants a list.', text: RICH_ANSWER, delayMs: 0, chunkSize: 400 },
    { fault: { type: 'http', status: 400, message: 'The request was not valid' } },
  );
  await useMock(page, key);
  await page.goto('/');
  await send(page, 'What should I pack?');
  await waitIdle(page);
  await expect(page.getByRole('button', { name: 'Regenerate' })).toBeVisible();
  await send(page, 'And for winter?');
  await expect(page.getByRole('button', { name: 'Retry' })).toBeVisible();
}

test('a finished answer with markdown and reasoning, then a failed turn', async ({ page }, testInfo) => {
  await openRichConversation(page, keyFor(testInfo));
  await expectNoSeriousA11yViolations(page, 'rich answer and error');
});

test('the check itself fails on a serious violation and names it', async ({ page }) => {
  await page.setContent('<!doctype html><html lang="en"><title>t</title><main><button><svg></svg></button></main></html>');
  await expect(expectNoSeriousA11yViolations(page, 'unnamed button')).rejects.toThrow(/\[critical\] button-name/);
});

test('empty state', async ({ page }, testInfo) => {
  await useMock(page, keyFor(testInfo));
  await page.goto('/');
  await expect(page.getByRole('textbox', { name: 'Message' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'empty state');
});

test('streaming, mid-answer', async ({ page }, testInfo) => {
  const key = keyFor(testInfo);
  await queue(key, { text: 'Streaming slowly so the page can be checked while the answer grows. '.repeat(4), chunkSize: 4, delayMs: 10, fault: { type: 'stall', afterChunks: 12, ms: 10_000 } });
  await useMock(page, key);
  await page.goto('/');
  await send(page, 'Tell me something');
  await expect(lastAnswer(page)).toContainText('Streaming slowly');
  await expect(page.getByRole('button', { name: 'Stop' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'streaming');
  await page.getByRole('button', { name: 'Stop' }).click();
  await waitIdle(page);
});

test('tool cards waiting for approval, the reject form and the review dialog', async ({ page }, testInfo) => {
  await openWaitingCards(page, keyFor(testInfo));
  await expectNoSeriousA11yViolations(page, 'tool cards waiting');

  const card = toolCard(page, 'write_file');
  await card.getByRole('button', { name: 'Reject', exact: true }).click();
  await expect(card.getByRole('textbox', { name: 'Reason' })).toBeFocused();
  await expectNoSeriousA11yViolations(page, 'reject form open');
  await card.getByRole('button', { name: 'Back' }).click();

  await card.getByRole('button', { name: 'Review arguments' }).click();
  await expect(page.getByRole('dialog', { name: /Review arguments/ })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'review dialog open');
});

test('settings dialog', async ({ page }, testInfo) => {
  await useMock(page, keyFor(testInfo));
  await page.goto('/');
  await openSettings(page);
  await expectNoSeriousA11yViolations(page, 'settings dialog');
});

test('conversation sidebar with a few conversations', async ({ page }, testInfo) => {
  const key = keyFor(testInfo);
  await queue(key, { text: 'First answer.', delayMs: 0 }, { text: 'Second answer.', delayMs: 0 }, { text: 'Third answer.', delayMs: 0 });
  await useMock(page, key);
  await page.goto('/');
  const list = page.getByRole('navigation', { name: 'Conversations' });
  for (const question of ['Plan a trip', 'Write a poem', 'Explain tides']) {
    await send(page, question);
    await waitIdle(page);
    await page.getByRole('button', { name: 'New chat' }).first().click();
  }
  await expect(list.getByRole('link')).toHaveCount(3);
  await expectNoSeriousA11yViolations(page, 'sidebar with conversations');
});

test('the shortcut list', async ({ page }, testInfo) => {
  await useMock(page, keyFor(testInfo));
  await page.goto('/');
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'shortcut list');
});

test('permissions: the dialog and the approve menu on a card', async ({ page }, testInfo) => {
  await openWaitingCards(page, keyFor(testInfo));
  const card = toolCard(page, 'write_file');
  await card.getByRole('button', { name: 'More ways to approve' }).click();
  await expect(card.getByRole('menuitem', { name: 'Always allow' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'approve menu open');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Permissions' }).click();
  await expect(page.getByRole('dialog', { name: 'Tool permissions' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'permissions dialog');
});

test('slash commands: the tool menu and the tool form', async ({ page }, testInfo) => {
  await useMock(page, keyFor(testInfo));
  await page.goto('/');
  const box = page.getByRole('textbox', { name: 'Message' });
  await box.fill('/');
  const menu = page.getByRole('listbox', { name: 'Tools' });
  await expect(menu.getByRole('option').first()).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'slash menu');
  await menu.getByRole('option').filter({ hasText: '/calculate' }).click();
  await expect(page.getByRole('form', { name: 'Run calculate' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'slash tool form');
});

test('settings: the MCP server form', async ({ page }, testInfo) => {
  await useMock(page, keyFor(testInfo));
  await page.goto('/');
  const dialog = await openSettings(page);
  await dialog.getByRole('button', { name: 'Add server' }).click();
  await expect(dialog.getByLabel('Server URL')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'MCP server form');
});

/** A finished tool round and answer with the inspector open, checked on each of its tabs. */
async function checkInspector(page: Page, key: string, mode: string) {
  await queue(
    key,
    { toolCalls: [{ id: 'i-calc', name: 'calculate', arguments: { expression: '6*7' } }], delayMs: 0 },
    { text: 'The answer is 42.', delayMs: 0 },
  );
  await useMock(page, key);
  await page.goto('/');
  await send(page, 'What is 6*7?');
  await expect(lastAnswer(page)).toContainText('The answer is 42.');
  await waitIdle(page);
  await page.getByRole('button', { name: 'Inspector', exact: true }).click();
  const panel = page.getByTestId('inspector');
  await expect(panel).toBeVisible();
  for (const tab of ['Timeline', 'Events', 'Requests', 'Timings & usage']) {
    await panel.getByRole('tab', { name: tab }).click();
    await expect(panel.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
    await expectNoSeriousA11yViolations(page, `${mode} inspector: ${tab}`);
  }
}

test('the inspector, every tab', async ({ page }, testInfo) => {
  await checkInspector(page, keyFor(testInfo), 'light');
});

test.describe('phone width', () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test('the conversation drawer', async ({ page }, testInfo) => {
    await useMock(page, keyFor(testInfo));
    await page.goto('/');
    await page.getByRole('button', { name: 'Conversations' }).click();
    await expect(page.getByRole('dialog', { name: 'Conversations' })).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'phone drawer open');
  });
});

test.describe('dark mode', () => {
  test.use({ colorScheme: 'dark' });

  test('empty state', async ({ page }, testInfo) => {
    await useMock(page, keyFor(testInfo));
    await page.goto('/');
    await expect(page.getByRole('textbox', { name: 'Message' })).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'dark empty state');
  });

  test('tool cards waiting', async ({ page }, testInfo) => {
    await openWaitingCards(page, keyFor(testInfo));
    await expectNoSeriousA11yViolations(page, 'dark tool cards');
  });

  test('a finished answer with markdown and reasoning, then a failed turn', async ({ page }, testInfo) => {
    await openRichConversation(page, keyFor(testInfo));
    await expectNoSeriousA11yViolations(page, 'dark rich answer and error');
  });

  test('settings dialog', async ({ page }, testInfo) => {
    await useMock(page, keyFor(testInfo));
    await page.goto('/');
    await openSettings(page);
    await expectNoSeriousA11yViolations(page, 'dark settings dialog');
  });

  test('the inspector, every tab', async ({ page }, testInfo) => {
    await checkInspector(page, keyFor(testInfo), 'dark');
  });

  test('permissions dialog', async ({ page }, testInfo) => {
    await useMock(page, keyFor(testInfo));
    await page.goto('/');
    await page.getByRole('button', { name: 'Permissions' }).click();
    await expect(page.getByRole('dialog', { name: 'Tool permissions' })).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'dark permissions dialog');
  });

  test('the shortcut list', async ({ page }, testInfo) => {
    await useMock(page, keyFor(testInfo));
    await page.goto('/');
    await page.keyboard.press('Tab'); // out of the message box, where ? would be typed
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'dark shortcut list');
  });
});
