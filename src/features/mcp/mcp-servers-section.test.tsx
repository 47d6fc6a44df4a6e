import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMcpManager, type McpServerConfig } from '../../core/mcp/mcp-manager';
import type { McpConnection, McpConnector } from '../../core/mcp/types';
import { createDynamicToolRegistry } from '../../core/tools/registry';
import { useLocale } from '../../i18n';
import { McpServersSection } from './mcp-servers-section';

afterEach(() => {
  cleanup();
  act(() => useLocale.getState().setPreference('en'));
});

function setup(outcome: (url: string) => Promise<McpConnection>) {
  const connect = vi.fn<McpConnector>((target) => outcome(target.url));
  const saved: McpServerConfig[][] = [];
  const manager = createMcpManager({
    registry: createDynamicToolRegistry([]),
    connect,
    storage: { load: () => [], save: (servers) => void saved.push([...servers]) },
  });
  render(<McpServersSection manager={manager} />);
  return { manager, connect, saved };
}

const connection = (...names: string[]): McpConnection => ({
  tools: names.map((name) => ({ name, inputSchema: { type: 'object' } })),
  callTool: vi.fn(),
  close: vi.fn(async () => undefined),
});

/** Lets the connector's promise settle and React render the result. */
const settle = () => act(async () => undefined);

const failing = (problem: object) => Promise.reject(Object.assign(new Error('failed'), { problem }));

async function addServer(fields: { name?: string; url: string; token?: string }) {
  fireEvent.click(screen.getByRole('button', { name: 'Add server' }));
  if (fields.name) fireEvent.change(screen.getByLabelText('Server name'), { target: { value: fields.name } });
  fireEvent.change(screen.getByLabelText('Server URL'), { target: { value: fields.url } });
  if (fields.token) fireEvent.change(screen.getByLabelText('Bearer token'), { target: { value: fields.token } });
  fireEvent.click(screen.getByRole('button', { name: 'Add and connect' }));
}

describe('McpServersSection', () => {
  it('adds a server and shows it connecting, then connected with its tool names', async () => {
    let answer!: (c: McpConnection) => void;
    const { connect } = setup(() => new Promise((resolve) => (answer = resolve)));
    expect(screen.getByText('No MCP servers yet.')).toBeTruthy();

    await addServer({ name: 'Files', url: 'https://files.example/mcp', token: 'tok' });
    expect(connect).toHaveBeenCalledWith({ url: 'https://files.example/mcp', token: 'tok' }, expect.anything());
    const row = screen.getByRole('listitem', { name: 'Files' });
    expect(within(row).getByTestId('mcp-status').textContent).toBe('Connecting…');
    expect(within(row).getByText('Token kept for this tab')).toBeTruthy();

    await act(async () => answer(connection('read', 'write')));
    expect(within(row).getByTestId('mcp-status').textContent).toBe('Connected · 2 tools');
    expect(within(row).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['files__read', 'files__write']);
  });

  it('previews the tool prefix as the name is typed', () => {
    setup(() => Promise.resolve(connection()));
    fireEvent.click(screen.getByRole('button', { name: 'Add server' }));
    expect(document.activeElement).toBe(screen.getByLabelText('Server name'));
    fireEvent.change(screen.getByLabelText('Server name'), { target: { value: 'My Tools' } });
    expect(screen.getByText('Its tools reach the model as my_tools__<tool>.')).toBeTruthy();
  });

  it('refuses an unusable address without connecting, and explains why', async () => {
    const { connect } = setup(() => Promise.resolve(connection()));
    fireEvent.click(screen.getByRole('button', { name: 'Add server' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add and connect' }));
    expect(screen.getByText('Enter the server’s address.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Server URL'), { target: { value: 'ftp://files.example/mcp' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add and connect' }));
    expect(screen.getByText('Use an https:// address (plain http:// only for localhost).')).toBeTruthy();
    expect(screen.getByLabelText('Server URL').getAttribute('aria-invalid')).toBe('true');
    expect(connect).not.toHaveBeenCalled();
  });

  it('Esc leaves the form (not the dialog around it) and focus returns to Add server', async () => {
    setup(() => Promise.resolve(connection()));
    fireEvent.click(screen.getByRole('button', { name: 'Add server' }));
    const outer = vi.fn();
    document.addEventListener('keydown', outer);
    fireEvent.keyDown(screen.getByLabelText('Server URL'), { key: 'Escape' });
    document.removeEventListener('keydown', outer);
    expect(outer.mock.calls[0][0].defaultPrevented).toBe(true);
    expect(screen.queryByLabelText('Server URL')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Add server' })));
  });

  it.each([
    [{ kind: 'unauthorized', status: 403 }, 'The server refused the connection (HTTP 403): the bearer token is missing or wrong.'],
    [{ kind: 'not_found' }, 'Nothing answers at this address (HTTP 404). Check the path: a Streamable HTTP endpoint usually ends in /mcp.'],
    [{ kind: 'not_mcp' }, 'This address answered, but not as an MCP server. Use the server’s Streamable HTTP endpoint (often ending in /mcp).'],
    [{ kind: 'http', status: 502 }, 'The server answered with an error (HTTP 502). Try again later or check the server’s logs.'],
  ])('explains %j in plain words', async (problem, text) => {
    setup(() => failing(problem));
    await addServer({ name: 'S', url: 'https://s.example/mcp' });
    await settle();
    const row = screen.getByRole('listitem', { name: 'S' });
    expect(within(row).getByTestId('mcp-problem').textContent).toBe(text);
    expect(within(row).getByTestId('mcp-status').textContent).toBe('Not connected');
  });

  it('names the server’s origin and this page’s origin when the browser cannot reach it', async () => {
    setup(() => failing({ kind: 'network' }));
    await addServer({ name: 'S', url: 'https://s.example:8443/mcp' });
    await settle();
    expect(screen.getByTestId('mcp-problem').textContent).toBe(
      `The browser could not reach https://s.example:8443. Check that the server is running and that it allows this page’s origin (${location.origin}) through CORS, including the Authorization and Mcp-Session-Id headers.`,
    );
  });

  it('Reconnect tries again and Remove forgets the server', async () => {
    const outcomes = [() => failing({ kind: 'timeout' }), () => Promise.resolve(connection('x'))];
    const { connect, saved } = setup(() => outcomes.shift()!());
    await addServer({ name: 'S', url: 'https://s.example/mcp' });
    await settle();
    expect(screen.getByTestId('mcp-problem').textContent).toBe('The server did not answer in time. Check that it is running, then reconnect.');

    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Reconnect S' })));
    expect(connect).toHaveBeenCalledTimes(2);
    expect(screen.getByTestId('mcp-status').textContent).toBe('Connected · 1 tool');

    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Remove S' })));
    expect(screen.queryByRole('listitem', { name: 'S' })).toBeNull();
    expect(saved.at(-1)).toEqual([]);
  });

  it('speaks 简体中文', async () => {
    act(() => useLocale.getState().setPreference('zh-CN'));
    setup(() => failing({ kind: 'unauthorized', status: 401 }));
    expect(screen.getByRole('heading', { name: 'MCP 服务器' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '添加服务器' }));
    fireEvent.change(screen.getByLabelText('服务器名称'), { target: { value: 'S' } });
    fireEvent.change(screen.getByLabelText('服务器 URL'), { target: { value: 'https://s.example/mcp' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '添加并连接' })));
    expect(screen.getByTestId('mcp-problem').textContent).toBe('服务器拒绝了连接（HTTP 401）：缺少 Bearer 令牌或令牌不正确。');
    expect(screen.getByRole('button', { name: '移除 S' })).toBeTruthy();
  });
});
