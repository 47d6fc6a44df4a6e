import type { McpConnector } from '../../core/mcp/types';

/**
 * Connects with the official MCP SDK, loaded on first use: the SDK and its schemas stay out of the
 * initial bundle until a server is configured.
 */
export const connectMcpServer: McpConnector = async (target, hooks) => {
  let sdk: typeof import('./sdk-connection');
  try {
    sdk = await import('./sdk-connection');
  } catch (error) {
    // A failed chunk download (offline, a new deploy) is about this page, not about the server.
    const detail = error instanceof Error ? error.message : String(error);
    throw Object.assign(new Error(detail), { problem: { kind: 'other', message: `The MCP client could not be loaded: ${detail}` } });
  }
  return sdk.openMcpConnection(target, hooks);
};
