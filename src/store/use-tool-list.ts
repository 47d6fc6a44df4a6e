import { useMemo, useSyncExternalStore } from 'react';
import type { DynamicToolRegistry, ToolRegistry } from '../core/tools/registry';
import type { ToolDefinition } from '../core/tools/types';

const never = () => () => undefined;

/** A number that changes whenever a dynamic registry's tools change (0 for a fixed registry). */
export function useToolsVersion(registry: ToolRegistry | DynamicToolRegistry): number {
  const dynamic = 'subscribe' in registry ? registry : null;
  return useSyncExternalStore(dynamic ? dynamic.subscribe : never, dynamic ? dynamic.version : () => 0);
}

/** The registry's tools, re-rendering when a dynamic registry changes (an MCP server connects or goes away). */
export function useToolList(registry: ToolRegistry | DynamicToolRegistry): ToolDefinition[] {
  const version = useToolsVersion(registry);
  return useMemo(() => registry.list(), [registry, version]);
}
