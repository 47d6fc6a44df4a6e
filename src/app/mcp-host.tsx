import { useEffect } from 'react';
import { ElicitationHost } from '../features/mcp/elicitation-host';
import { mcpElicitations, mcpServers } from './mcp-runtime';

/**
 * The MCP runtime's place on the page, loaded just after it (lazy-panels.tsx): saved servers connect
 * in the background (the SDK loads only if there is one), and their requests for input show here.
 */
export function McpHost() {
  useEffect(() => mcpServers.start(), []);
  return <ElicitationHost elicitations={mcpElicitations} />;
}
