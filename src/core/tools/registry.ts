import type { ToolSpec } from '../protocols/types';
import type { ToolDefinition } from './types';

export interface ToolRegistry {
  get(name: string): ToolDefinition | undefined;
  /** The tools in the order they were given. */
  list(): ToolDefinition[];
  /** What the model is told about each tool. */
  specs(): ToolSpec[];
}

/** Builds a lookup of tools by name; throws on a duplicate name, since the model could not tell them apart. */
export function createToolRegistry(tools: readonly ToolDefinition[]): ToolRegistry {
  const byName = new Map<string, ToolDefinition>();
  for (const tool of tools) {
    if (byName.has(tool.name)) throw new Error(`Duplicate tool name "${tool.name}"`);
    byName.set(tool.name, tool);
  }
  const ordered = [...byName.values()];
  return {
    get: (name) => byName.get(name),
    list: () => [...ordered],
    specs: () =>
      ordered.map(({ name, description, parameters }) => ({ name, description, parameters })),
  };
}

/** A registry whose tools can change while the app runs: fixed built-ins plus named sources (e.g. MCP servers). */
export interface DynamicToolRegistry extends ToolRegistry {
  /**
   * Sets (or replaces) one source's tools, listed after the built-ins and earlier sources. Throws on a
   * name another source or a built-in already has, leaving the registry as it was.
   */
  setSource(id: string, tools: readonly ToolDefinition[]): void;
  /** Drops a source's tools; unknown ids are ignored. */
  removeSource(id: string): void;
  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** A number that changes with every change, for React's useSyncExternalStore. */
  version(): number;
}

/** Builds a registry of fixed built-ins to which sources can add tools later; built-ins must have unique names. */
export function createDynamicToolRegistry(builtins: readonly ToolDefinition[]): DynamicToolRegistry {
  const fixed = createToolRegistry(builtins).list();
  let sources = new Map<string, readonly ToolDefinition[]>();
  const listeners = new Set<() => void>();
  let current = createToolRegistry(fixed);
  let version = 0;

  // Building the new registry first means a clash throws before anything changed.
  const commit = (next: Map<string, readonly ToolDefinition[]>) => {
    const built = createToolRegistry([...fixed, ...[...next.values()].flat()]);
    sources = next;
    current = built;
    version++;
    for (const listener of [...listeners]) listener();
  };

  return {
    get: (name) => current.get(name),
    list: () => current.list(),
    specs: () => current.specs(),
    setSource(id, tools) {
      commit(new Map(sources).set(id, [...tools]));
    },
    removeSource(id) {
      if (!sources.has(id)) return;
      const next = new Map(sources);
      next.delete(id);
      commit(next);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    version: () => version,
  };
}
