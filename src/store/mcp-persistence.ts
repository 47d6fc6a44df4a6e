import type { McpServerConfig, McpServersStorage } from '../core/mcp/mcp-manager';
import type { SettingsStorages } from './settings-persistence';
import { readItem, writeItem, removeItem, parseJson } from './safe-storage';

export const MCP_SERVERS_KEY = 'callstream.mcpServers';
export const MCP_TOKENS_KEY = 'callstream.mcpTokens';

/**
 * The server list in local storage (no secrets in it); each token, by server id, in session storage
 * unless the user ticked "remember", then in local storage — the same rule as the API key.
 */
export function mcpServersStorage(storages: SettingsStorages): McpServersStorage {
  return {
    load() {
      const local = readTokens(storages.local);
      const session = readTokens(storages.session);
      return parseServers(readItem(storages.local, MCP_SERVERS_KEY)).map((server) => ({
        ...server,
        // Prefer the storage the setting points at, without losing a token that sits in the other.
        token: (server.rememberToken ? (local[server.id] ?? session[server.id]) : (session[server.id] ?? local[server.id])) ?? '',
      }));
    },
    save(servers) {
      writeItem(storages.local, MCP_SERVERS_KEY, JSON.stringify(servers.map(({ token: _secret, ...rest }) => rest)));
      const remembered: Record<string, string> = {};
      const forTab: Record<string, string> = {};
      for (const server of servers) if (server.token) (server.rememberToken ? remembered : forTab)[server.id] = server.token;
      writeTokens(storages.local, remembered);
      writeTokens(storages.session, forTab);
    },
  };
}

function parseServers(raw: string | null): Omit<McpServerConfig, 'token'>[] {
  const list = parseJson(raw);
  if (!Array.isArray(list)) return [];
  const out: Omit<McpServerConfig, 'token'>[] = [];
  // Entry by entry, so one damaged entry does not take the others with it.
  for (const item of list) {
    if (typeof item !== 'object' || item === null) continue;
    const v = item as Record<string, unknown>;
    if (typeof v.id !== 'string' || !v.id || typeof v.url !== 'string' || !v.url) continue;
    out.push({
      id: v.id,
      url: v.url,
      name: typeof v.name === 'string' ? v.name : v.url,
      prefix: typeof v.prefix === 'string' ? v.prefix : '',
      rememberToken: v.rememberToken === true,
    });
  }
  return out;
}

function readTokens(storage: Storage | null): Record<string, string> {
  const value = parseJson(readItem(storage, MCP_TOKENS_KEY));
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

function writeTokens(storage: Storage | null, tokens: Record<string, string>) {
  if (Object.keys(tokens).length === 0) removeItem(storage, MCP_TOKENS_KEY);
  else writeItem(storage, MCP_TOKENS_KEY, JSON.stringify(tokens));
}
