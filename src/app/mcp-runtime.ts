import { createElicitations } from '../core/mcp/elicitations';
import { createMcpManager } from '../core/mcp/mcp-manager';
import { mcpServersStorage } from '../store/mcp-persistence';
import { browserStorages } from '../store/settings-persistence';
import { connectMcpServer } from '../tools/mcp/connect';
import { tools } from './chat-runtime';

/** MCP servers' requests for input, answered in the elicitation dialog. */
export const mcpElicitations = createElicitations();

/** The configured MCP servers; their tools join the app's registry while connected. start() connects the saved ones. */
export const mcpServers = createMcpManager({
  registry: tools,
  connect: connectMcpServer,
  storage: mcpServersStorage(browserStorages()),
  elicitations: mcpElicitations,
});
