import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support-a11y';
import { expectProgressMoves, keyFor, lastAnswer, modelRequests, queue, send, toolCard, toolStatus, useMock, waitIdle, unfold } from './support';

// Slash commands: "/" lists the tools, and "/name {json}" (or the generated form) runs a tool
// directly — same card, approval and progress as a model's call — without any model request; the
// next message carries the command, the call and its result to the model.

const box = (page: Page) => page.getByRole('textbox', { name: 'Message' });
const menu = (page: Page) => page.getByRole('listbox', { name: 'Tools' });

test('"/" lists the tools; typing filters, arrows and Tab pick, Esc closes', async ({ page }, testInfo) => {
  await useMock(page, keyFor(testInfo));
  await page.goto('/');
  await box(page).fill('/');
  await expect(menu(page)).toBeVisible();
  const options = menu(page).getByRole('option');
  await expect(options.first()).toContainText('/list_files');
  await expect(options.filter({ hasText: '/write_file' })).toContainText('Asks first');
  await expect(options.filter({ hasText: '/calculate' })).toContainText('Runs at once');
  await expect(box(page)).toHaveAttribute('aria-controls', (await menu(page).getAttribute('id'))!);
  await expectNoSeriousA11yViolations(page, 'slash menu open');
  // A window of options follows the choice: ArrowUp from the first wraps to the last tool.
  await expect(options).toHaveCount(6);
  await box(page).press('ArrowUp');
  await expect(options.last()).toHaveAttribute('aria-selected', 'true');
  await expect(options.last()).toContainText('/run_javascript');
  await expect(menu(page).locator('..')).toContainText(/3–8 of 8/);
  await box(page).press('ArrowDown');
  await expect(options.first()).toContainText('/list_files');

  await box(page).pressSequentially('file');
  await expect(options.first()).toContainText('/list_files');
  await expect(options).toHaveText([/\/list_files/, /\/read_file/, /\/write_file/, /\/delete_file/]);
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  await box(page).press('ArrowDown');
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(box(page)).toHaveAttribute('aria-activedescendant', (await options.nth(1).getAttribute('id'))!);
  await box(page).press('ArrowUp');
  await box(page).press('ArrowUp');
  await expect(options.nth(3)).toHaveAttribute('aria-selected', 'true');
  await box(page).press('Tab');
  await expect(box(page)).toHaveValue('/delete_file ');
  await expect(menu(page)).toBeHidden();
  await expect(box(page)).toBeFocused();

  await box(page).fill('/calc');
  await expect(menu(page)).toBeVisible();
  await box(page).press('Escape');
  await expect(menu(page)).toBeHidden();
  await expect(box(page)).toHaveValue('/calc');
  await box(page).fill('/zzz');
  await expect(page.getByText('No tool matches “/zzz”.', { exact: false })).toBeVisible();

  // The mouse picks too; the form closes with Esc and gives focus back to the message box.
  await box(page).fill('/');
  await menu(page).getByRole('option').filter({ hasText: '/calculate' }).click();
  const form = page.getByRole('form', { name: 'Run calculate' });
  await expect(form.getByRole('textbox', { name: 'expression' })).toBeFocused();
  await expectNoSeriousA11yViolations(page, 'tool form open');
  await page.keyboard.press('Escape');
  await expect(form).toBeHidden();
  await expect(box(page)).toBeFocused();
  await expect(menu(page)).toBeHidden();
});

test('/calculate {json} runs directly: a card with the result, no model request; the next message carries it (OpenAI)', async ({ page }, testInfo) => {
  const key = keyFor(testInfo);
  await queue(key, { text: 'The tool said 42.', delayMs: 0 });
  await useMock(page, key);
  await page.goto('/');
  await send(page, '/calculate {"expression":"6*7"}');

  const card = toolCard(page, 'calculate');
  await expect(toolStatus(card)).toHaveText('Done');
  await unfold(card);
  await expect(card).toContainText('42');
  await expect(page.getByTestId('direct-run-note')).toHaveText('Run directly — the model was not asked');
  await expect(page.locator('[data-role="user"]').last()).toContainText('/calculate {"expression":"6*7"}');
  await waitIdle(page);
  await expect(box(page)).toHaveValue('');
  // "Run again" repeats the command as a second version of the turn, still without the model.
  await page.getByRole('button', { name: 'Run again' }).click();
  await expect(page.getByText('2 / 2')).toBeVisible();
  await expect(toolStatus(toolCard(page, 'calculate'))).toHaveText('Done');
  await waitIdle(page);
  expect(await modelRequests(key)).toHaveLength(0);

  await send(page, 'What did it say?');
  await expect(lastAnswer(page)).toContainText('The tool said 42.');
  const [request] = await modelRequests(key);
  const messages = (request.body as { messages: Array<Record<string, unknown>> }).messages.filter((m) => m.role !== 'system');
  const callId = (messages[1].tool_calls as Array<{ id: string }>)[0].id;
  expect(messages).toEqual([
    { role: 'user', content: '/calculate {"expression":"6*7"}' },
    {
      role: 'assistant',
      content: null,
      tool_calls: [{ id: callId, type: 'function', function: { name: 'calculate', arguments: '{"expression":"6*7"}' } }],
    },
    { role: 'tool', tool_call_id: callId, content: expect.stringContaining('"result":42') },
    { role: 'user', content: 'What did it say?' },
  ]);
});

test('an ask tool run directly waits for Approve; the form runs a tool with progress', async ({ page }, testInfo) => {
  const key = keyFor(testInfo);
  await useMock(page, key);
  await page.goto('/');
  await send(page, '/write_file {"name": "direct.md", "content": "hello"}');
  const write = toolCard(page, 'write_file');
  await expect(toolStatus(write)).toHaveText('Waiting for approval');
  await expect(page.getByRole('button', { name: 'Stop after this round' })).toHaveCount(0);
  await write.getByRole('button', { name: 'Approve', exact: true }).click();
  await expect(toolStatus(write)).toHaveText('Done');
  await unfold(write);
  await expect(write).toContainText('"bytes": 5');
  await waitIdle(page);

  // The form path: pick from the menu with Enter, fill the fields, Run.
  await box(page).fill('/process');
  await expect(menu(page).getByRole('option').first()).toContainText('/process_items');
  await box(page).press('Enter');
  const form = page.getByRole('form', { name: 'Run process_items' });
  await expect(form).toBeVisible();
  const count = form.getByRole('textbox', { name: 'count' });
  await expect(count).toBeFocused();
  await count.fill('2.5');
  await form.getByRole('button', { name: 'Run' }).click();
  await expect(form.getByText('Enter a whole number.')).toBeVisible();
  await count.fill('6');
  await form.getByRole('textbox', { name: 'delayMs' }).fill('400');
  await form.getByRole('textbox', { name: 'label' }).fill('direct job');
  await form.getByRole('textbox', { name: 'label' }).press('Enter');
  await expect(form).toBeHidden();

  const items = toolCard(page, 'process_items');
  await expectProgressMoves(items.getByRole('progressbar'), 2);
  await expect(toolStatus(items)).toHaveText('Done');
  await expect(page.locator('[data-role="user"]').last()).toContainText('/process_items {"count":6,"delayMs":400,"label":"direct job"}');
  await waitIdle(page);
  expect(await modelRequests(key)).toHaveLength(0);
});

test('bad commands show an inline error, keep the text and send nothing; "//" sends a literal slash', async ({ page }, testInfo) => {
  const key = keyFor(testInfo);
  await useMock(page, key);
  await page.goto('/');
  const alert = page.getByRole('alert');

  await send(page, '/calculate {"expression": }');
  await expect(alert).toHaveText('The arguments are not valid JSON: a value was expected (line 1, column 27).');
  await expect(box(page)).toHaveValue('/calculate {"expression": }');
  await expect(box(page)).toHaveAttribute('aria-invalid', 'true');
  expect(await box(page).evaluate((el: HTMLTextAreaElement) => el.selectionStart)).toBe(26);

  await send(page, '/calculate {"expression": 42}');
  await expect(alert).toHaveText('These arguments do not fit the tool: Invalid arguments for "calculate": /expression must be string');
  await box(page).press('End'); // the box keeps the text; typing clears the error
  await box(page).pressSequentially(' ');
  await expect(alert).toHaveCount(0);

  await send(page, '/calc {"expression": "1"}');
  await expect(alert).toContainText('There is no tool named “calc” — did you mean /calculate?');
  await expect(page.locator('[data-role="assistant"]')).toHaveCount(0);
  expect(await modelRequests(key)).toHaveLength(0);

  await send(page, '//etc/hosts is a file');
  await expect(lastAnswer(page)).toContainText('Mock reply to: /etc/hosts is a file');
  await expect(page.locator('[data-role="user"]').last()).toHaveText('/etc/hosts is a file');
});

test('over Anthropic Messages the next request pairs tool_use with tool_result (the mock checks it like the API)', async ({ page }, testInfo) => {
  const key = keyFor(testInfo);
  await queue(key, { text: 'Anthropic saw 42.', delayMs: 0 });
  await useMock(page, key, { protocol: 'anthropic-messages' });
  await page.goto('/');
  await send(page, '/calculate {"expression":"6*7"}');
  await expect(toolStatus(toolCard(page, 'calculate'))).toHaveText('Done');
  await waitIdle(page);
  expect(await modelRequests(key)).toHaveLength(0);

  await send(page, 'And now?');
  await expect(lastAnswer(page)).toContainText('Anthropic saw 42.');
  const [request] = await modelRequests(key);
  const messages = (request.body as { messages: Array<{ role: string; content: Array<Record<string, unknown>> }> }).messages;
  expect(messages.map((m) => [m.role, m.content.map((c) => c.type)])).toEqual([
    ['user', ['text']],
    ['assistant', ['tool_use']],
    ['user', ['tool_result', 'text']],
  ]);
  expect(messages[1].content[0]).toMatchObject({ name: 'calculate', input: { expression: '6*7' } });
  expect(messages[2].content[0].tool_use_id).toBe(messages[1].content[0].id);
});

test('a direct call waiting for approval survives a reload and still runs without the model', async ({ page }, testInfo) => {
  const key = keyFor(testInfo);
  await useMock(page, key);
  await page.goto('/');
  await send(page, '/write_file {"name": "reload.md", "content": "after reload"}');
  await expect(toolStatus(toolCard(page, 'write_file'))).toHaveText('Waiting for approval');
  // The sidebar's summary comes from the saved copy, so "2 messages" means both are stored.
  await expect(page.getByRole('navigation', { name: 'Conversations' })).toContainText('2 messages');
  await page.reload();

  const card = toolCard(page, 'write_file');
  await expect(toolStatus(card)).toHaveText('Waiting for approval');
  await card.getByRole('button', { name: 'Approve', exact: true }).click();
  await expect(toolStatus(card)).toHaveText('Done');
  await waitIdle(page);
  await expect(page.getByRole('button', { name: 'Run again' })).toBeVisible();
  expect(await modelRequests(key)).toHaveLength(0);
});

test('permissions apply: a tool set to Ask waits for Approve then shows progress; one set to Never is hidden and refused', async ({ page }, testInfo) => {
  const key = keyFor(testInfo);
  await useMock(page, key);
  const rules = [
    { tool: 'process_items', permission: 'ask', scope: 'always', createdAt: 1 },
    { tool: 'fetch_url', permission: 'deny', scope: 'always', createdAt: 2 },
  ];
  await page.addInitScript((stored) => localStorage.setItem('callstream.permissions', stored), JSON.stringify({ version: 1, rules }));
  await page.goto('/');

  await box(page).fill('/');
  await expect(menu(page).getByRole('option').filter({ hasText: '/process_items' })).toContainText('Asks first');
  await expect(menu(page).getByRole('option')).toHaveCount(6);
  await expect(menu(page).getByRole('option').filter({ hasText: '/fetch_url' })).toHaveCount(0);
  await box(page).fill('/fetch_');
  await expect(page.getByText('No tool matches “/fetch_”.', { exact: false })).toBeVisible();
  await send(page, '/fetch_url {"url": "https://example.com"}');
  await expect(page.getByRole('alert')).toHaveText('“fetch_url” is set to Never in your tool permissions, so it cannot run.');
  await expect(page.locator('[data-role="assistant"]')).toHaveCount(0);

  await send(page, '/process_items {"count": 8, "delayMs": 400}');
  const card = toolCard(page, 'process_items');
  await expect(toolStatus(card)).toHaveText('Waiting for approval');
  await card.getByRole('button', { name: 'Approve', exact: true }).click();
  await expectProgressMoves(card.getByRole('progressbar'), 2);
  await expect(toolStatus(card)).toHaveText('Done');
  await waitIdle(page);
  expect(await modelRequests(key)).toHaveLength(0);
});

test('editing a command runs the edited command directly as a new branch; a broken edit says why and keeps the editor', async ({ page }, testInfo) => {
  const key = keyFor(testInfo);
  await useMock(page, key);
  await page.goto('/');
  await send(page, '/calculate {"expression":"6*7"}');
  await expect(toolStatus(toolCard(page, 'calculate'))).toHaveText('Done');
  await waitIdle(page);

  await page.locator('main').getByRole('button', { name: 'Edit message' }).click();
  const editor = page.locator('main').getByRole('textbox', { name: 'Edit message' });
  await editor.fill('/calculate {"expression": 2+3}');
  await editor.press('Enter');
  await expect(page.locator('main').getByRole('alert')).toContainText('line 1');
  await expect(editor).toHaveAttribute('aria-invalid', 'true');

  await editor.fill('/calculate {"expression":"2+3"}');
  await expect(page.locator('main').getByRole('alert')).toHaveCount(0);
  await editor.press('Enter');
  await expect(toolStatus(toolCard(page, 'calculate'))).toHaveText('Done');
  await unfold(toolCard(page, 'calculate'));
  await expect(toolCard(page, 'calculate')).toContainText('"result": 5');
  await expect(page.locator('[data-role="user"]')).toHaveText(['/calculate {"expression":"2+3"}']);
  await expect(page.locator('main').getByText('2 / 2').first()).toBeVisible();
  await waitIdle(page);
  expect(await modelRequests(key)).toHaveLength(0);
});
