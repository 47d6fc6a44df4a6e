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
