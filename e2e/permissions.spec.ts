import { expect, test, type Page } from '@playwright/test';
import {
  chatRequests,
  expectRequestCount,
  keyFor,
  lastAnswer,
  openPermissions,
  openSettings,
  queue,
  send,
  toolCard,
  toolResults,
  toolStatus,
  useMock,
  waitIdle,
  unfold,
} from './support';

// Tool permissions: Never hides a tool from the model, the card's "Allow for this conversation" and
// "Always allow" remember the approval, rules can be revoked, and they survive a reload.

const writeCall = (id: string, name = `${id}.txt`) => ({ id, name: 'write_file', arguments: { name, content: id } });

/** Picks a per-tool choice on the Permissions page and closes it. */
async function setPermission(page: Page, tool: string, choice: 'Always allow' | 'Ask' | 'Never') {
  const dialog = await openPermissions(page);
  await dialog.getByRole('radiogroup', { name: tool }).getByRole('radio', { name: choice }).check();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();
}

async function allowFromCard(card: ReturnType<typeof toolCard>, item: 'Allow for this conversation' | 'Always allow') {
  await card.getByRole('button', { name: 'More ways to approve' }).click();
  await card.getByRole('menuitem', { name: item }).click();
}

test('Never: the tool is not offered, and a call of it anyway is refused without running', async ({ page }, testInfo) => {
  const key = keyFor(testInfo);
  await queue(
    key,
    { toolCalls: [{ id: 'n1', name: 'calculate', arguments: { expression: '6*7' } }], delayMs: 0 },
    { text: 'I will work it out by hand.', delayMs: 0 },
  );
  await useMock(page, key);
  await page.goto('/');
  await setPermission(page, 'calculate', 'Never');
  await send(page, 'What is 6*7?');

  const card = toolCard(page, 'calculate');
  await expect(toolStatus(card)).toHaveText('Not allowed');
  await unfold(card);
  await expect(card).toContainText('is set to Never in Tool permissions');
  await expect(lastAnswer(page)).toContainText('I will work it out by hand.');
  await waitIdle(page);

  const [first] = await chatRequests(key);
  const offered = (first.body as { tools?: { function: { name: string } }[] }).tools?.map((t) => t.function.name) ?? [];
  expect(offered).not.toContain('calculate');
  expect(offered).toContain('write_file');
  const [result] = await toolResults(key, 1);
  expect(result.content).toContain('The user does not allow the tool "calculate"');
  await expect(card).not.toContainText('42');
});

test('Always allow from the card runs every waiting call of the tool and later ones without asking; Revoke asks again', async ({ page }, testInfo) => {
  const key = keyFor(testInfo);
  await queue(
    key,
    { toolCalls: [writeCall('a1'), writeCall('a2')], delayMs: 0 },
    { text: 'Both saved.', delayMs: 0 },
    { toolCalls: [writeCall('a3')], delayMs: 0 },
    { text: 'Saved again.', delayMs: 0 },
    { toolCalls: [writeCall('a4')], delayMs: 0 },
    { text: 'Saved after asking.', delayMs: 0 },
  );
  await useMock(page, key);
  await page.goto('/');
  await send(page, 'Save two files');

  const first = toolCard(page, 'write_file', 0);
  await expect(toolStatus(first)).toHaveText('Waiting for approval');
  await allowFromCard(first, 'Always allow');
  await expect(toolStatus(first)).toHaveText('Done');
  await expect(toolStatus(toolCard(page, 'write_file', 1))).toHaveText('Done');
  await expect(lastAnswer(page)).toContainText('Both saved.');
  await waitIdle(page);

  await send(page, 'Save one more');
  await expect(lastAnswer(page)).toContainText('Saved again.');
  await expect(toolStatus(lastAnswer(page).getByRole('region', { name: 'write_file' }))).toHaveText('Done');
  await waitIdle(page);

  // The rule outlives the page, and the Permissions page shows it and can take it back.
  await page.reload();
  const dialog = await openPermissions(page);
  await expect(dialog.getByRole('radiogroup', { name: 'write_file' }).getByRole('radio', { name: 'Always allow' })).toBeChecked();
  const rules = dialog.getByTestId('permission-rules');
  await expect(rules).toContainText('write_file');
  await expect(rules).toContainText('All conversations');
  await dialog.getByRole('button', { name: 'Revoke write_file (All conversations)' }).click();
  await expect(dialog.getByTestId('permission-rules')).toBeHidden();
  await expect(dialog.getByRole('radiogroup', { name: 'write_file' }).getByRole('radio', { name: 'Ask' })).toBeChecked();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await send(page, 'And one more');
  const asked = lastAnswer(page).getByRole('region', { name: 'write_file' });
  await expect(toolStatus(asked)).toHaveText('Waiting for approval');
  await asked.getByRole('button', { name: 'Approve', exact: true }).click();
  await expect(lastAnswer(page)).toContainText('Saved after asking.');
  await expectRequestCount(key, 6);
});

test('Allow for this conversation applies here only; a new chat asks again', async ({ page }, testInfo) => {
  const key = keyFor(testInfo);
  await queue(
    key,
    { toolCalls: [writeCall('c1')], delayMs: 0 },
    { text: 'First saved.', delayMs: 0 },
    { toolCalls: [writeCall('c2')], delayMs: 0 },
    { text: 'Second saved.', delayMs: 0 },
    { toolCalls: [writeCall('c3')], delayMs: 0 },
    { text: 'Third saved.', delayMs: 0 },
  );
  await useMock(page, key);
  await page.goto('/');
  await send(page, 'Save a file');
  const card = toolCard(page, 'write_file');
  await expect(toolStatus(card)).toHaveText('Waiting for approval');
  // Keyboard only: open the menu with the arrow key, move to the item, pick it with Enter.
  await card.getByRole('button', { name: 'More ways to approve' }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(card.getByRole('menuitem', { name: 'Allow for this conversation' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(toolStatus(card)).toHaveText('Done');
  await expect(lastAnswer(page)).toContainText('First saved.');
  await waitIdle(page);

  await send(page, 'Save another');
  await expect(lastAnswer(page)).toContainText('Second saved.');
  await expect(toolStatus(lastAnswer(page).getByRole('region', { name: 'write_file' }))).toHaveText('Done');
  await waitIdle(page);

  const dialog = await openPermissions(page);
  await expect(dialog.getByTestId('permission-rules')).toContainText('This conversation');
  await expect(dialog).toContainText('In this conversation: Allow');
  await dialog.getByRole('button', { name: 'Done' }).click();

  await page.getByRole('button', { name: 'New chat' }).click();
  await send(page, 'Save in a new chat');
  await expect(toolStatus(toolCard(page, 'write_file'))).toHaveText('Waiting for approval');
  // Seen from the new chat, the rule belongs to the other conversation, named by its title.
  const again = await openPermissions(page);
  await expect(again.getByTestId('permission-rules')).toContainText('Conversation “Save a file”');
});

test('an auto tool set to Ask waits for approval; the page also opens from Settings', async ({ page }, testInfo) => {
  const key = keyFor(testInfo);
  await queue(
    key,
    { toolCalls: [{ id: 'k1', name: 'calculate', arguments: { expression: '2+2' } }], delayMs: 0 },
    { text: 'It is 4.', delayMs: 0 },
  );
  await useMock(page, key);
  await page.goto('/');

  const settings = await openSettings(page);
  await settings.getByRole('button', { name: 'Tool permissions' }).click();
  const dialog = page.getByRole('dialog', { name: 'Tool permissions' });
  await dialog.getByRole('radiogroup', { name: 'calculate' }).getByRole('radio', { name: 'Ask' }).check();
  await page.keyboard.press('Escape');
  // Closing the permissions returns to Settings, where it was opened from.
  await expect(dialog).toBeHidden();
  await expect(settings.getByRole('button', { name: 'Tool permissions' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(settings).toBeHidden();

  await send(page, 'What is 2+2?');
  const card = toolCard(page, 'calculate');
  await expect(toolStatus(card)).toHaveText('Waiting for approval');
  await expectRequestCount(key, 1);
  await card.getByRole('button', { name: 'Approve', exact: true }).click();
  await expect(lastAnswer(page)).toContainText('It is 4.');
});
