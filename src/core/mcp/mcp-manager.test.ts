// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { createDynamicToolRegistry } from '../tools/registry';
import type { ToolDefinition } from '../tools/types';
import { createMcpManager, type McpServerConfig, type McpServersStorage } from './mcp-manager';
import type { McpConnectHooks, McpConnectTarget, McpConnection, McpToolInfo } from './types';

const info = (name: string): McpToolInfo => ({ name, description: `${name} tool`, inputSchema: { type: 'object' } });

/** A connector whose attempts the test answers one by one. */
function fakeConnector() {
  const attempts: {
    target: McpConnectTarget;
    hooks: McpConnectHooks;
    succeed(tools: McpToolInfo[]): McpConnection;
    fail(error: unknown): void;
  }[] = [];
  const connect = vi.fn(
    (target: McpConnectTarget, hooks: McpConnectHooks) =>
      new Promise<McpConnection>((resolve, reject) => {
        attempts.push({
          target,
          hooks,
          succeed(tools) {
            const connection: McpConnection = { tools, callTool: vi.fn(), close: vi.fn(async () => undefined) };
            resolve(connection);
            return connection;
          },
          fail: reject,
        });
      }),
  );
  return { connect, attempts };
}

function memoryStorage(initial: McpServerConfig[] = []): McpServersStorage & { saved: McpServerConfig[] } {
  const storage = {
    saved: initial,
    load: () => storage.saved.map((s) => ({ ...s })),
    save: (servers: readonly McpServerConfig[]) => void (storage.saved = servers.map((s) => ({ ...s }))),
  };
  return storage;
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const builtin: ToolDefinition = { name: 'calculate', description: '', parameters: { type: 'object' }, policy: 'auto', run: () => 1 };

function setup(saved: McpServerConfig[] = []) {
  const registry = createDynamicToolRegistry([builtin]);
  const connector = fakeConnector();
  const storage = memoryStorage(saved);
  let n = 0;
  const manager = createMcpManager({ registry, connect: connector.connect, storage, newId: () => `id${++n}` });
  return { registry, ...connector, storage, manager };
}

const toolNames = (registry: { list(): ToolDefinition[] }) => registry.list().map((t) => t.name);

describe('createMcpManager', () => {
  it('adds a server: connecting, then connected with its tools in the registry under the server prefix', async () => {
    const { manager, registry, attempts, storage } = setup();
    const id = manager.add({ name: 'Test Server', url: ' http://127.0.0.1:9000/mcp ', token: ' secret ', rememberToken: false });
    expect(manager.servers()).toEqual([
      { id, name: 'Test Server', url: 'http://127.0.0.1:9000/mcp', prefix: 'test_server', hasToken: true, rememberToken: false, status: { state: 'connecting' } },
    ]);
    expect(attempts[0].target).toEqual({ url: 'http://127.0.0.1:9000/mcp', token: 'secret' });
    expect(storage.saved).toHaveLength(1);

    attempts[0].succeed([info('slow_count'), info('echo')]);
    await flush();
    expect(manager.servers()[0].status).toMatchObject({ state: 'connected', tools: ['test_server__slow_count', 'test_server__echo'] });
    expect(toolNames(registry)).toEqual(['calculate', 'test_server__slow_count', 'test_server__echo']);
    expect(registry.get('test_server__echo')?.policy).toBe('ask');
  });

  it('names a server after its host when no name is given, and keeps prefixes apart', async () => {
    const { manager } = setup();
    manager.add({ name: '', url: 'https://tools.example.com/mcp', token: '', rememberToken: false });
    manager.add({ name: 'tools.example.com', url: 'https://other.example.com/mcp', token: '', rememberToken: false });
    expect(manager.servers().map((s) => [s.name, s.prefix, s.hasToken])).toEqual([
      ['tools.example.com', 'tools_example_com', false],
      ['tools.example.com', 'tools_example_com_2', false],
    ]);
  });

  it('shows a failed connection as an error with its problem, and never the token', async () => {
    const { manager, registry, attempts } = setup();
    manager.add({ name: 'a', url: 'https://a.example/mcp', token: 'tok-123', rememberToken: false });
    manager.add({ name: 'b', url: 'https://b.example/mcp', token: 'tok-456', rememberToken: false });
    attempts[0].fail(Object.assign(new Error('x'), { problem: { kind: 'unauthorized', status: 401 } }));
    attempts[1].fail(new Error('server said: bad header Bearer tok-456'));
    await flush();
    expect(manager.servers().map((s) => s.status)).toEqual([
      { state: 'error', problem: { kind: 'unauthorized', status: 401 } },
      { state: 'error', problem: { kind: 'other', message: 'server said: bad header Bearer •••' } },
    ]);
    expect(toolNames(registry)).toEqual(['calculate']);
  });

  it('follows the server’s tool list when it changes', async () => {
    const { manager, registry, attempts } = setup();
    manager.add({ name: 's', url: 'https://s.example/mcp', token: '', rememberToken: false });
    attempts[0].succeed([info('one')]);
    await flush();
    attempts[0].hooks.onToolsChanged([info('one'), info('two')]);
    expect(toolNames(registry)).toEqual(['calculate', 's__one', 's__two']);
    expect(manager.servers()[0].status).toMatchObject({ state: 'connected', tools: ['s__one', 's__two'] });
  });

  it('a session that stops working after connect (refused, or lost for good) takes its tools away and says why', async () => {
    const { manager, registry, attempts } = setup();
    manager.add({ name: 's', url: 'https://s.example/mcp', token: 't', rememberToken: false });
    attempts[0].succeed([info('one')]);
    await flush();
    attempts[0].hooks.onLost({ kind: 'refused', status: 401 });
    expect(manager.servers()[0].status).toEqual({ state: 'error', problem: { kind: 'refused', status: 401 } });
    expect(toolNames(registry)).toEqual(['calculate']);

    // A reconnect starts over; a late report from the old session changes nothing.
    const reconnecting = manager.reconnect(manager.servers()[0].id);
    await flush();
    attempts[1].succeed([info('one')]);
    await reconnecting;
    await flush();
    attempts[0].hooks.onLost({ kind: 'session_lost' });
    expect(manager.servers()[0].status).toMatchObject({ state: 'connected', tools: ['s__one'] });
    attempts[1].hooks.onLost({ kind: 'session_lost' });
    expect(manager.servers()[0].status).toEqual({ state: 'error', problem: { kind: 'session_lost' } });
  });

  it('lists titles and hints, and keeps tools that need task-based execution away from the model', async () => {
    const { manager, registry, attempts } = setup();
    manager.add({ name: 's', url: 'https://s.example/mcp', token: '', rememberToken: false });
    attempts[0].succeed([
      { ...info('rm'), title: 'Remove files', hints: ['destructive', 'openWorld'] },
      { ...info('research'), title: 'Research', taskSupport: 'required' },
      { ...info('look'), hints: ['readOnly'], taskSupport: 'optional' },
    ]);
    await flush();
    expect(toolNames(registry)).toEqual(['calculate', 's__rm', 's__look']);
    // Hints never lower the approval a call needs.
    expect(registry.get('s__look')?.policy).toBe('ask');
    expect(manager.servers()[0].status).toEqual({
      state: 'connected',
      tools: ['s__rm', 's__look'],
      catalog: [
        { name: 's__rm', title: 'Remove files', hints: ['destructive', 'openWorld'], offered: true },
        { name: 's__look', title: undefined, hints: ['readOnly'], offered: true },
        { name: 'research', title: 'Research', hints: [], offered: false },
      ],
    });
  });

  it('reconnects: the old session is closed, its tools leave until the new list arrives', async () => {
    const { manager, registry, attempts } = setup();
    const id = manager.add({ name: 's', url: 'https://s.example/mcp', token: '', rememberToken: false });
    const first = attempts[0].succeed([info('one')]);
    await flush();
    const reconnecting = manager.reconnect(id);
    expect(manager.servers()[0].status).toEqual({ state: 'connecting' });
    expect(toolNames(registry)).toEqual(['calculate']);
    await flush();
    expect(first.close).toHaveBeenCalled();
    attempts[1].succeed([info('two')]);
    await reconnecting;
    expect(toolNames(registry)).toEqual(['calculate', 's__two']);
    // A list change from the old session no longer counts.
    attempts[0].hooks.onToolsChanged([info('stale')]);
    expect(toolNames(registry)).toEqual(['calculate', 's__two']);
  });

  it('removes a server: tools gone, session closed, forgotten in storage, a late connection closed at once', async () => {
    const { manager, registry, attempts, storage } = setup();
    const a = manager.add({ name: 'a', url: 'https://a.example/mcp', token: '', rememberToken: false });
    const b = manager.add({ name: 'b', url: 'https://b.example/mcp', token: '', rememberToken: false });
    const connA = attempts[0].succeed([info('x')]);
    await flush();
    await manager.remove(a);
    expect(connA.close).toHaveBeenCalled();
    expect(toolNames(registry)).toEqual(['calculate']);
    expect(storage.saved.map((s) => s.id)).toEqual([b]);

    await manager.remove(b); // still connecting
    const late = attempts[1].succeed([info('y')]);
    await flush();
    expect(late.close).toHaveBeenCalled();
    expect(toolNames(registry)).toEqual(['calculate']);
    expect(manager.servers()).toEqual([]);
  });

  it('reports a tool name that clashes with an existing tool instead of adding half the tools', async () => {
    const registry = createDynamicToolRegistry([{ ...builtin, name: 'srv__echo' }]);
    const { connect, attempts } = fakeConnector();
    const manager = createMcpManager({ registry, connect, storage: memoryStorage() });
    manager.add({ name: 'srv', url: 'https://s.example/mcp', token: '', rememberToken: false });
    attempts[0].succeed([info('slow'), info('echo')]);
    await flush();
    expect(manager.servers()[0].status).toEqual({ state: 'error', problem: { kind: 'name_clash', name: 'srv__echo' } });
    expect(toolNames(registry)).toEqual(['srv__echo']);
  });

  it('connects saved servers once on start, repairing duplicate prefixes', async () => {
    const saved = [
      { id: 's1', name: 'One', url: 'https://one.example/mcp', prefix: 'dup', token: 't1', rememberToken: true },
      { id: 's2', name: 'Two', url: 'https://two.example/mcp', prefix: 'dup', token: '', rememberToken: false },
    ];
    const { manager, attempts } = setup(saved);
    const seen = vi.fn();
    manager.subscribe(seen);
    expect(manager.servers()).toEqual([]);
    manager.start();
    manager.start();
    expect(attempts.map((a) => a.target)).toEqual([
      { url: 'https://one.example/mcp', token: 't1' },
      { url: 'https://two.example/mcp', token: '' },
    ]);
    expect(manager.servers().map((s) => s.prefix)).toEqual(['dup', 'dup_2']);
    expect(seen).toHaveBeenCalled();
  });

  it('keeps the same snapshot until something changes', async () => {
    const { manager } = setup();
    const empty = manager.servers();
    expect(manager.servers()).toBe(empty);
    manager.add({ name: 'a', url: 'https://a.example/mcp', token: '', rememberToken: false });
    expect(manager.servers()).not.toBe(empty);
  });
});
