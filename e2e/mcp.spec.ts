import { expect, test, type Locator, type Page } from '@playwright/test';
import { startMcpServer, type McpTestServer } from './mcp/server.mjs';
import type { MockRequestRecord } from './mock/server-core.mjs';
import {
  MOCK,
  chatRequests,
  expectProgressMoves,
  keyFor,
  lastAnswer,
  openSettings,
  queue,
  send,
  toolCard,
  toolResults,
  toolStatus,
  useMock,
  waitIdle,
} from './support';

// Remote MCP servers from the browser: a real SDK server (e2e/mcp/server.mjs) added in Settings,
// its tool called by the model with approval, progress and cancellation, and every way connecting
// can fail explained in plain words. All of it under the built app's Content-Security-Policy.

const TOKEN = 'mcp-e2e-token-7f3a';
let open: McpTestServer;
let secured: McpTestServer;
let closed: McpTestServer;

test.beforeAll(async () => {
  [open, secured, closed] = await Promise.all([
    startMcpServer({ stepMs: 150 }),
    startMcpServer({ stepMs: 150, token: TOKEN }),
    startMcpServer({ cors: false }),
  ]);
});
test.afterAll(async () => {
  await Promise.all([open?.close(), secured?.close(), closed?.close()]);
});

declare global {
  interface Window {
    mcpCspViolations: string[];
  }
}

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    window.mcpCspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.mcpCspViolations.push(`${e.effectiveDirective} ${e.blockedURI}`));
  });
});

async function addServer(dialog: Locator, server: { name: string; url: string; token?: string }) {
  await dialog.getByRole('button', { name: 'Add server' }).click();
  await expect(dialog.getByLabel('Server name')).toBeFocused();
  await dialog.getByLabel('Server name').fill(server.name);
  await dialog.getByLabel('Server URL').fill(server.url);
  if (server.token) await dialog.getByLabel('Bearer token', { exact: true }).fill(server.token);
  await dialog.getByRole('button', { name: 'Add and connect' }).click();
}

function serverRow(dialog: Locator, name: string) {
  return dialog.getByRole('listitem').filter({ has: dialog.page().getByText(name, { exact: true }) });
}

async function everyHeaderValue(key: string): Promise<string[]> {
  const all: MockRequestRecord[] = await (await fetch(`${MOCK}/__mock/requests?key=${encodeURIComponent(key)}`)).json();
  return all.flatMap((r) => Object.values(r.headers).map(String));
}

const violations = (page: Page) => page.evaluate(() => window.mcpCspViolations);

test('a server added in Settings lends the model its tool: approval, live progress, the result in the next request', async ({ page }, testInfo) => {
  const key = keyFor(testInfo);
  await queue(
    key,
    { toolCalls: [{ id: 'mcp-1', name: 'callstream__slow_count', arguments: { to: 20 } }], delayMs: 0 },
    { text: 'The MCP server counted to 20.', delayMs: 0 },
  );
  await useMock(page, key);
  await page.goto('/');
  // The production build ships its CSP (no eval): connecting and validating must live with it.
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute('content', /script-src 'self'/);

  const dialog = await openSettings(page);
  await addServer(dialog, { name: 'Callstream', url: secured.url, token: TOKEN });
  const row = serverRow(dialog, 'Callstream');
  await expect(dialog.getByRole('button', { name: 'Add server' })).toBeFocused();
  await expect(row.getByTestId('mcp-status')).toHaveText('Connected · 2 tools');
  await row.getByText('Tools the model sees (2)').click();
  await expect(row.getByRole('listitem')).toHaveText(['callstream__slow_count', 'callstream__echo']);
  await dialog.getByRole('button', { name: 'Done' }).click();

  await send(page, 'Count to twenty with the MCP tool');
  const card = toolCard(page, 'callstream__slow_count');
  await expect(toolStatus(card)).toHaveText('Waiting for approval');
  await card.getByRole('button', { name: 'Approve', exact: true }).click();
  await expectProgressMoves(card.getByRole('progressbar'), 2);
  await expect(toolStatus(card)).toHaveText('Done');
  await expect(lastAnswer(page)).toContainText('The MCP server counted to 20.');
  await waitIdle(page);

  // The model was offered the tool under its prefixed name with the server's schema.
  const [first] = await chatRequests(key);
  const offered = (first.body as { tools: { function: { name: string; parameters: Record<string, unknown> } }[] }).tools;
  expect(offered.find((t) => t.function.name === 'callstream__slow_count')?.function.parameters).toEqual({
    type: 'object',
    properties: { to: { type: 'integer', minimum: 1, maximum: 100, description: 'Where to stop counting.' } },
    required: ['to'],
  });
  expect(offered.map((t) => t.function.name)).toContain('callstream__echo');
  const [result] = await toolResults(key, 1);
  expect(JSON.parse(result.content ?? '')).toEqual({ counted: 20 });
  expect(secured.log.calls).toContainEqual({ tool: 'slow_count', args: { to: 20 } });
  expect(secured.log.progress.length).toBeGreaterThanOrEqual(20);

  // The token went to the MCP server, and nowhere else: not to the model's server (whose log is
  // keyed by bearer token), not into local storage (it was not to be remembered).
  expect(secured.log.authorizations).toContain(`Bearer ${TOKEN}`);
  expect((await everyHeaderValue(key)).some((v) => v.includes(TOKEN))).toBe(false);
  expect(await everyHeaderValue(TOKEN)).toEqual([]);
  const stored = await page.evaluate(() => ({ local: JSON.stringify({ ...localStorage }), session: JSON.stringify({ ...sessionStorage }) }));
  expect(stored.local).not.toContain(TOKEN);
  expect(stored.session).toContain(TOKEN);

  expect(await violations(page)).toEqual([]);
});

test('a saved server reconnects on load; Cancel call sends the MCP cancellation the server sees', async ({ page }, testInfo) => {
  const key = keyFor(testInfo);
  await queue(
    key,
    { toolCalls: [{ id: 'mcp-2', name: 'counter__slow_count', arguments: { to: 60 } }], delayMs: 0 },
    { text: 'Stopped counting.', delayMs: 0 },
  );
  await useMock(page, key);
  await page.addInitScript((url) => {
    localStorage.setItem('callstream.mcpServers', JSON.stringify([{ id: 'saved-1', name: 'Counter', url, prefix: 'counter', rememberToken: false }]));
  }, open.url);
  const cancelledBefore = open.log.cancellations.length;
  await page.goto('/');

  // No Settings visit: the saved server connected by itself before the model asked for its tool.
  await expect.poll(() => open.sessionCount()).toBeGreaterThan(0);
  await send(page, 'Count to sixty');
  const card = toolCard(page, 'counter__slow_count');
  await card.getByRole('button', { name: 'Approve', exact: true }).click();
  await expectProgressMoves(card.getByRole('progressbar'), 1);
  await card.getByRole('button', { name: 'Cancel call' }).click();
  await expect(toolStatus(card)).toHaveText('Cancelled');

  await expect.poll(() => open.log.cancellations.length).toBe(cancelledBefore + 1);
  expect(open.log.cancellations.at(-1)!.step).toBeLessThan(60);
  await expect(lastAnswer(page)).toContainText('Stopped counting.');
  await waitIdle(page);
  const [result] = await toolResults(key, 1);
  expect(result.content).toMatch(/cancelled/i);
  expect(await violations(page)).toEqual([]);
});

test('connection problems are explained in plain words; a new tool on the server shows up by itself', async ({ page }) => {
  await page.goto('/');
  const dialog = await openSettings(page);

  await addServer(dialog, { name: 'No CORS', url: closed.url });
  await expect(serverRow(dialog, 'No CORS').getByTestId('mcp-problem')).toHaveText(
    new RegExp(`The browser could not reach ${closed.origin}\\. .*allows this page’s origin \\(${page.url().replace(/\/$/, '').replace(/[.:/]/g, '\\$&')}\\) through CORS`),
  );
  await expect(serverRow(dialog, 'No CORS').getByTestId('mcp-status')).toHaveText('Not connected');

  await addServer(dialog, { name: 'Wrong path', url: `${open.origin}/api` });
  await expect(serverRow(dialog, 'Wrong path').getByTestId('mcp-problem')).toHaveText(/HTTP 404.*usually ends in \/mcp/);

  await addServer(dialog, { name: 'Bad token', url: secured.url, token: 'not-the-token' });
  await expect(serverRow(dialog, 'Bad token').getByTestId('mcp-problem')).toHaveText(
    'The server refused the connection (HTTP 401): the bearer token is missing or wrong.',
  );
  await expect(page.getByText('not-the-token')).toHaveCount(0);

  // An address the page could never use is caught before anything is sent.
  await dialog.getByRole('button', { name: 'Add server' }).click();
  await dialog.getByLabel('Server URL').fill('http://example.com/mcp');
  await expect(dialog.getByText('Plain http:// is allowed only for localhost and 127.0.0.1; use https:// for other servers.')).toBeVisible();
  await dialog.getByLabel('Server URL').press('Escape');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Server URL')).toHaveCount(0);

  // Remove takes a server away for good.
  await serverRow(dialog, 'Wrong path').getByRole('button', { name: 'Remove Wrong path' }).click();
  await expect(serverRow(dialog, 'Wrong path')).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.getItem('callstream.mcpServers'))).not.toContain('Wrong path');

  // tools/list_changed: the server grows a tool and the row follows without a reconnect.
  await addServer(dialog, { name: 'Growing', url: open.url });
  const growing = serverRow(dialog, 'Growing');
  await expect(growing.getByTestId('mcp-status')).toHaveText('Connected · 2 tools');
  try {
    await fetch(`${open.origin}/__tools/extra?enabled=1`, { method: 'POST' });
    await expect(growing.getByTestId('mcp-status')).toHaveText('Connected · 3 tools');
  } finally {
    await fetch(`${open.origin}/__tools/extra?enabled=0`, { method: 'POST' });
  }
  await expect(growing.getByTestId('mcp-status')).toHaveText('Connected · 2 tools');
  await growing.getByRole('button', { name: 'Reconnect Growing' }).click();
  await expect(growing.getByTestId('mcp-status')).toHaveText('Connected · 2 tools');
});

test('a token revoked after connecting flips the row to "Access refused" and takes the tools away', async ({ page }, testInfo) => {
  const key = keyFor(testInfo);
  const revoking = await startMcpServer({ stepMs: 50, token: 'soon-revoked-token' });
  try {
    await queue(
      key,
      { toolCalls: [{ id: 'mcp-r', name: 'revoking__echo', arguments: { text: 'hello' } }], delayMs: 0 },
      { text: 'The server said no.', delayMs: 0 },
    );
    await useMock(page, key);
    await page.goto('/');
    let dialog = await openSettings(page);
    await addServer(dialog, { name: 'Revoking', url: revoking.url, token: 'soon-revoked-token' });
    await expect(serverRow(dialog, 'Revoking').getByTestId('mcp-status')).toHaveText('Connected · 2 tools');
    await dialog.getByRole('button', { name: 'Done' }).click();

    revoking.setToken('a-new-token');
    await send(page, 'Echo hello');
    const card = toolCard(page, 'revoking__echo');
    await card.getByRole('button', { name: 'Approve', exact: true }).click();
    await expect(toolStatus(card)).toHaveText('Failed');
    await expect(lastAnswer(page)).toContainText('The server said no.');
    await waitIdle(page);
    const [result] = await toolResults(key, 1);
    expect(result.content).toContain('The MCP server refused the call (HTTP 401).');

    dialog = await openSettings(page);
    const row = serverRow(dialog, 'Revoking');
    await expect(row.getByTestId('mcp-status')).toHaveText('Access refused');
    await expect(row.getByTestId('mcp-problem')).toHaveText(/stopped accepting this connection \(HTTP 401\).*revoked or has expired/);
  } finally {
    await revoking.close();
  }
});
