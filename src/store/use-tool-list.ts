import { useMemo, useSyncExternalStore } from 'react';
import type { DynamicToolRegistry, ToolRegistry } from '../core/tools/registry';
import type { ToolDefinition } from '../core/tools/types';

const never = () => () => undefined;

/** The registry's tools, re-rendering when a dynamic registry changes (an MCP server connects or goes away). */
export function useToolList(registry: ToolRegistry | DynamicToolRegistry): ToolDefinition[] {
  const dynamic = 'subscribe' in registry ? registry : null;
  const version = useSyncExternalStore(
    dynamic ? dynamic.subscribe : never,
    dynamic ? dynamic.version : () => 0,
  );
  return useMemo(() => registry.list(), [registry, version]);
}
