import { useSyncExternalStore } from 'react';
import type { McpManager, McpServerView } from '../../core/mcp/mcp-manager';

/** The manager's servers, re-rendering on every change. */
export function useMcpServers(manager: McpManager): readonly McpServerView[] {
  return useSyncExternalStore(manager.subscribe, manager.servers);
}
