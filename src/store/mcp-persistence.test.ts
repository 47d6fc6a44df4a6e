import { beforeEach, describe, expect, it } from 'vitest';
import type { McpServerConfig } from '../core/mcp/mcp-manager';
import { MCP_SERVERS_KEY, MCP_TOKENS_KEY, mcpServersStorage } from './mcp-persistence';

const server = (id: string, extra: Partial<McpServerConfig> = {}): McpServerConfig => ({
  id,
  name: `Server ${id}`,
  url: `https://${id}.example/mcp`,
  prefix: `server_${id}`,
  token: '',
  rememberToken: false,
  ...extra,
});

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

const storage = () => mcpServersStorage({ local: localStorage, session: sessionStorage });

describe('mcpServersStorage', () => {
  it('round-trips the servers with their tokens', () => {
    const servers = [server('a', { token: 'tab-token' }), server('b', { token: 'kept-token', rememberToken: true }), server('c')];
    storage().save(servers);
    expect(storage().load()).toEqual(servers);
  });

  it('keeps tokens out of the server list, in the tab’s session unless remembered', () => {
    storage().save([server('a', { token: 'tab-token' }), server('b', { token: 'kept-token', rememberToken: true })]);
    expect(localStorage.getItem(MCP_SERVERS_KEY)).not.toContain('token"');
    expect(localStorage.getItem(MCP_SERVERS_KEY)).not.toContain('tab-token');
    expect(localStorage.getItem(MCP_SERVERS_KEY)).not.toContain('kept-token');
    expect(JSON.parse(sessionStorage.getItem(MCP_TOKENS_KEY)!)).toEqual({ a: 'tab-token' });
    expect(JSON.parse(localStorage.getItem(MCP_TOKENS_KEY)!)).toEqual({ b: 'kept-token' });
  });

  it('forgets the token of a removed server everywhere', () => {
    storage().save([server('a', { token: 't1' }), server('b', { token: 't2', rememberToken: true })]);
    storage().save([]);
    expect(localStorage.getItem(MCP_TOKENS_KEY)).toBeNull();
    expect(sessionStorage.getItem(MCP_TOKENS_KEY)).toBeNull();
    expect(storage().load()).toEqual([]);
  });

  it('a new tab (empty session) loads the servers without their unremembered tokens', () => {
    storage().save([server('a', { token: 'tab-token' })]);
    sessionStorage.clear();
    expect(storage().load()).toEqual([server('a')]);
  });

  it('survives garbage: bad JSON, wrong shapes and damaged entries', () => {
    localStorage.setItem(MCP_SERVERS_KEY, '{not json');
    expect(storage().load()).toEqual([]);
    localStorage.setItem(MCP_SERVERS_KEY, JSON.stringify({ id: 'x' }));
    expect(storage().load()).toEqual([]);
    localStorage.setItem(MCP_SERVERS_KEY, JSON.stringify([null, 7, { id: 'no-url' }, { id: 'ok', url: 'https://ok.example/mcp', rememberToken: 'yes' }]));
    sessionStorage.setItem(MCP_TOKENS_KEY, JSON.stringify({ ok: 42 }));
    expect(storage().load()).toEqual([{ id: 'ok', url: 'https://ok.example/mcp', name: 'https://ok.example/mcp', prefix: '', rememberToken: false, token: '' }]);
  });

  it('works without any storage at all', () => {
    const none = mcpServersStorage({ local: null, session: null });
    none.save([server('a', { token: 't' })]);
    expect(none.load()).toEqual([]);
  });
});
