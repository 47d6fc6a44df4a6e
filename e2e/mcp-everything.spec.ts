import { expect, test, type Locator, type Page } from '@playwright/test';
import { startEverythingServer, type EverythingServer } from './mcp/everything.mjs';
import { chatRequests, keyFor, lastAnswer, openSettings, queue, send, toolCard, toolStatus, unfold, useMock, waitIdle } from './support';

// Against the reference MCP server, @modelcontextprotocol/server-everything, started here in
// Streamable HTTP mode: a real third-party server, with its own ideas about cancellation.

const PORT = 3341;
let everything: EverythingServer;

test.beforeAll(async () => {
  everything = await startEverythingServer({ port: PORT });
});
test.afterAll(async () => {
  await everything?.close();
});

async function addEverything(page: Page): Promise<Locator> {
  const dialog = await openSettings(page);
  await dialog.getByRole('button', { name: 'Add server' }).click();
  await dialog.getByLabel('Server name').fill('Everything');
  await dialog.getByLabel('Server URL').fill(everything.url);
  await dialog.getByRole('button', { name: 'Add and connect' }).click();
  const row = dialog.getByRole('listitem').filter({ has: page.getByText('Everything', { exact: true }) });
  await expect(row.getByTestId('mcp-status')).toHaveText(/^Connected · \d+ tools$/, { timeout: 15_000 });
  return dialog;
}

const LONG = 'everything__trigger-long-running-operation';

test('eight cancels in a row against a server that ignores them leave the connection free: an instant call then takes under a second', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  await useMock(page, keyFor(testInfo));
  await page.goto('/');
  const dialog = await addEverything(page);
  await dialog.getByRole('button', { name: 'Done' }).click();

  for (let i = 0; i < 8; i++) {
    // The operation runs for a minute and server-everything never stops it early: only our side can end it.
    await send(page, `/${LONG} {"duration": 60, "steps": 60}`);
    // The chat is virtualised: older cards leave the page, so the newest is the last one shown.
    const card = page.getByRole('region', { name: LONG, exact: true }).last();
    if (i === 0) {
      await card.getByRole('button', { name: 'More ways to approve' }).click();
      await card.getByRole('menuitem', { name: 'Always allow' }).click();
    }
    await expect(toolStatus(card)).toHaveText('Running');
    await expect(card.getByRole('progressbar')).toBeVisible();
    await card.getByRole('button', { name: 'Cancel call' }).click();
    await expect(toolStatus(card)).toHaveText('Cancelled');
    await waitIdle(page);
  }

  await send(page, '/everything__echo {"message": "still here"}');
  const echo = toolCard(page, 'everything__echo');
  await echo.getByRole('button', { name: 'Approve', exact: true }).click();
  const approvedAt = Date.now();
  await expect(toolStatus(echo)).toHaveText('Done', { timeout: 5_000 });
  expect(Date.now() - approvedAt).toBeLessThan(1_000);
  await unfold(echo);
  await expect(echo).toContainText('Echo: still here');
});

test('annotations: titles and the server’s hints as badges; a tool that needs tasks is listed but not offered to the model', async ({ page }, testInfo) => {
  const key = keyFor(testInfo);
  await queue(key, { text: 'Noted.', delayMs: 0 });
  await useMock(page, key);
  await page.goto('/');
  const dialog = await addEverything(page);
  const row = dialog.getByRole('listitem').filter({ has: page.getByText('Everything', { exact: true }) });
  await row.getByText(/^Tools the model sees/).click();
  const tool = (name: string) => row.getByTestId('mcp-tool').filter({ has: page.getByText(name, { exact: true }) });
  await expect(tool('everything__echo')).toContainText('Echo Tool');
  await expect(tool('everything__echo')).toContainText('Read-only');
  await expect(tool('everything__gzip-file-as-resource')).toContainText('Open world');
  await expect(tool('everything__gzip-file-as-resource')).not.toContainText('Read-only');
  await expect(tool('simulate-research-query')).toContainText('Not offered to the model: this tool only runs as a background task');
  await expect(row.getByText('Badges are the server’s own description of its tools; they never skip your approval.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Done' }).click();

  await send(page, 'Hello');
  await expect(lastAnswer(page)).toContainText('Noted.');
  const [request] = await chatRequests(key);
  const offered = (request.body as { tools: { function: { name: string } }[] }).tools.map((t) => t.function.name);
  expect(offered).toContain('everything__echo');
  expect(offered.filter((name) => name.includes('research'))).toEqual([]);
});

test('elicitation: the server’s request opens a dialog naming it; one answered, one declined', async ({ page }, testInfo) => {
  await useMock(page, keyFor(testInfo));
  await page.goto('/');
  const settings = await addEverything(page);
  await settings.getByRole('button', { name: 'Done' }).click();
  const TOOL = 'everything__trigger-elicitation-request';

  await send(page, `/${TOOL} {}`);
  const card = toolCard(page, TOOL);
  await card.getByRole('button', { name: 'Approve', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Everything asks for your input' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('The MCP server “Everything” is asking during a tool call.');
  await expect(dialog).toContainText('Please provide inputs for the following fields:');
  await expect(toolStatus(card)).toHaveText('Running');
  // The form follows the schema: defaults filled in, choices as selects, a multi-choice as checkboxes.
  await expect(dialog.getByLabel('Integer', { exact: true })).toHaveValue('42');
  await expect(dialog.getByLabel('Titled Single Select Enum', { exact: true })).toHaveValue('hero-1');
  await expect(dialog.getByRole('checkbox', { name: 'Tuna' })).toBeChecked();
  // Required fields are checked before anything is sent.
  await dialog.getByRole('button', { name: 'Send' }).click();
  await expect(dialog.getByText('This field is required.')).toBeVisible();
  await dialog.getByRole('textbox', { name: 'String', exact: true }).fill('Ada Lovelace');
  await dialog.getByLabel('String with email format', { exact: true }).fill('ada@example.com');
  await dialog.getByRole('button', { name: 'Send' }).click();
  await expect(dialog).toBeHidden();
  await expect(toolStatus(card)).toHaveText('Done');
  await unfold(card);
  await expect(card).toContainText('Name: Ada Lovelace');
  await expect(card).toContainText('Email: ada@example.com');
  await waitIdle(page);

  await send(page, `/${TOOL} {}`);
  const second = page.getByRole('region', { name: TOOL, exact: true }).last();
  await second.getByRole('button', { name: 'Approve', exact: true }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Decline' }).click();
  await expect(dialog).toBeHidden();
  await expect(toolStatus(second)).toHaveText('Done');
  await unfold(second);
  await expect(second).toContainText('User declined to provide the requested information.');
});
