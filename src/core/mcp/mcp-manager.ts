import type { DynamicToolRegistry } from '../tools/registry';
import type { Elicitations } from './elicitations';
import { toToolDefinition } from './map-tool';
import { normalizeServerUrl, originOf } from './server-url';
import { exposedToolNames, serverPrefix, uniquePrefix } from './tool-names';
import { problemOf, type McpConnection, type McpConnector, type McpProblem, type McpToolHint, type McpToolInfo } from './types';

/** A saved server. `prefix` is fixed when it is added, so tool names in old conversations stay valid. */
export interface McpServerConfig {
  id: string;
  name: string;
  url: string;
  prefix: string;
  /** Bearer token; empty for none. Never part of a view, a message or the saved list. */
  token: string;
  rememberToken: boolean;
}

/** One of a server's tools as the settings list it. */
export interface McpToolView {
  /** The name the model sees, or the server's own name for a tool not offered. */
  name: string;
  title?: string;
  hints: McpToolHint[];
  /** False for tools that need task-based execution, which this client does not support. */
  offered: boolean;
}

export type McpServerStatus =
  | { state: 'connecting' }
  /** `tools`: the names the model sees; `catalog`: every tool the server listed, offered or not. */
  | { state: 'connected'; tools: string[]; catalog: McpToolView[] }
  | { state: 'error'; problem: McpProblem };

/** What the interface shows of a server: everything but the token. */
export interface McpServerView {
  id: string;
  name: string;
  url: string;
  prefix: string;
  hasToken: boolean;
  rememberToken: boolean;
  status: McpServerStatus;
}

export interface McpServersStorage {
  load(): McpServerConfig[];
  save(servers: readonly McpServerConfig[]): void;
}

export interface NewMcpServer {
  name: string;
  url: string;
  token: string;
  rememberToken: boolean;
}

export interface McpManager {
  /** The servers in the order added; the same array until something changes. */
  servers(): readonly McpServerView[];
  subscribe(listener: () => void): () => void;
  /** Connects every saved server; later calls do nothing. */
  start(): void;
  /** Saves a server and starts connecting; returns its id. The caller has checked the URL (serverUrlProblem). */
  add(server: NewMcpServer): string;
  /** Ends the session and connects again, which also reloads the tool list. */
  reconnect(id: string): Promise<void>;
  /** Forgets the server: its tools leave the registry and its session is closed. */
  remove(id: string): Promise<void>;
}

export interface McpManagerOptions {
  registry: DynamicToolRegistry;
  /** Where servers' requests for user input wait for an answer; without it, servers cannot ask. */
  elicitations?: Elicitations;
  connect: McpConnector;
  storage: McpServersStorage;
  newId?: () => string;
}

interface Entry {
  config: McpServerConfig;
  status: McpServerStatus;
  connection: McpConnection | null;
  /** Bumped by every connect / remove, so a late answer from an older attempt is dropped. */
  attempt: number;
}

const sourceId = (id: string) => `mcp:${id}`;

/** Keeps the configured MCP servers connected and their tools in the registry. Framework-free; the SDK comes in through `connect`. */
export function createMcpManager({ registry, connect, storage, elicitations, newId = defaultId }: McpManagerOptions): McpManager {
  const entries = new Map<string, Entry>();
  const listeners = new Set<() => void>();
  let views: readonly McpServerView[] = [];
  let started = false;

  const changed = () => {
    views = [...entries.values()].map(({ config, status }) => ({
      id: config.id,
      name: config.name,
      url: config.url,
      prefix: config.prefix,
      hasToken: config.token !== '',
      rememberToken: config.rememberToken,
      status,
    }));
    for (const listener of [...listeners]) listener();
  };
  const persist = () => storage.save([...entries.values()].map((e) => e.config));
  const current = (entry: Entry, attempt: number) => entries.get(entry.config.id) === entry && entry.attempt === attempt;

  const publish = (entry: Entry, connection: McpConnection, tools: McpToolInfo[]) => {
    const { config } = entry;
    const offered = tools.filter((t) => t.taskSupport !== 'required');
    const names = exposedToolNames(config.prefix, offered.map((t) => t.name));
    const catalog: McpToolView[] = [
      ...offered.map((tool, i) => ({ name: names[i], title: tool.title, hints: tool.hints ?? [], offered: true })),
      ...tools.filter((t) => t.taskSupport === 'required').map((tool) => ({ name: tool.name, title: tool.title, hints: tool.hints ?? [], offered: false })),
    ];
    try {
      registry.setSource(sourceId(config.id), offered.map((tool, i) => toToolDefinition(tool, names[i], config.name, connection)));
      entry.status = { state: 'connected', tools: names, catalog };
    } catch (error) {
      registry.removeSource(sourceId(config.id));
      const name = /"(.*)"/.exec(error instanceof Error ? error.message : '')?.[1] ?? '';
      entry.status = { state: 'error', problem: { kind: 'name_clash', name } };
    }
    changed();
  };

  const open = async (entry: Entry) => {
    const attempt = ++entry.attempt;
    const previous = entry.connection;
    entry.connection = null;
    registry.removeSource(sourceId(entry.config.id));
    entry.status = { state: 'connecting' };
    changed();
    if (previous) await previous.close();
    if (!current(entry, attempt)) return;
    try {
      const { url, token } = entry.config;
      let live: McpConnection | null = null;
      const connection = await connect(
        { url, token },
        {
          onToolsChanged: (tools) => {
            if (live && current(entry, attempt) && entry.connection === live) publish(entry, live, tools);
          },
          onLost: (problem) => {
            if (!live || !current(entry, attempt) || entry.connection !== live) return;
            // Its tools leave the model's list until the user reconnects (or fixes the token).
            registry.removeSource(sourceId(entry.config.id));
            entry.status = { state: 'error', problem };
            changed();
          },
          ...(elicitations ? { onElicit: (request, signal) => elicitations.ask(entry.config.name, request, signal) } : {}),
        },
      );
      if (!current(entry, attempt)) return void (await connection.close());
      live = connection;
      entry.connection = connection;
      publish(entry, connection, connection.tools);
    } catch (error) {
      if (!current(entry, attempt)) return;
      entry.status = { state: 'error', problem: scrub(problemOf(error), entry.config.token) };
      changed();
    }
  };

  const insert = (config: McpServerConfig) => {
    const entry: Entry = { config, status: { state: 'connecting' }, connection: null, attempt: 0 };
    entries.set(config.id, entry);
    return entry;
  };

  return {
    servers: () => views,
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    start() {
      if (started) return;
      started = true;
      const prefixes = new Set([...entries.values()].map((e) => e.config.prefix));
      for (const saved of storage.load()) {
        if (entries.has(saved.id)) continue;
        // Storage edited by hand (or by an older version) must not make two servers share names.
        const prefix = uniquePrefix(saved.prefix || serverPrefix(saved.name), prefixes);
        prefixes.add(prefix);
        insert({ ...saved, prefix });
      }
      changed();
      for (const entry of entries.values()) if (entry.attempt === 0) void open(entry);
    },
    add({ name, url, token, rememberToken }) {
      const normalized = normalizeServerUrl(url);
      const label = name.trim() || (originOf(normalized) ?? normalized).replace(/^https?:\/\//, '');
      const prefix = uniquePrefix(serverPrefix(label), [...entries.values()].map((e) => e.config.prefix));
      const entry = insert({ id: newId(), name: label, url: normalized, prefix, token: token.trim(), rememberToken });
      persist();
      void open(entry);
      return entry.config.id;
    },
    async reconnect(id) {
      const entry = entries.get(id);
      if (entry) await open(entry);
    },
    async remove(id) {
      const entry = entries.get(id);
      if (!entry) return;
      entry.attempt++;
      entries.delete(id);
      registry.removeSource(sourceId(id));
      persist();
      changed();
      await entry.connection?.close();
    },
  };
}

// A server's error text can quote the request back; the token must not reach the screen.
function scrub(problem: McpProblem, token: string): McpProblem {
  if (problem.kind !== 'other' || !token) return problem;
  return { kind: 'other', message: problem.message.split(token).join('•••') };
}

function defaultId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `mcp-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}
