import type { ToolDefinition, ToolEvent } from '../tools/types';
import type { McpCallResult, McpConnection, McpProgress, McpToolInfo } from './types';

/** Calls may run long while they report progress; the executor's deadline is the backstop. */
export const MCP_TOOL_TIMEOUT_MS = 10 * 60_000;

/** The app's tool for one MCP tool: exposed under `exposedName`, asking before every call, run through `connection`. */
export function toToolDefinition(tool: McpToolInfo, exposedName: string, serverName: string, connection: Pick<McpConnection, 'callTool'>): ToolDefinition {
  return {
    name: exposedName,
    ...(tool.title?.trim() ? { title: tool.title.trim() } : {}),
    description: tool.description?.trim() || tool.title?.trim() || `The "${tool.name}" tool of the MCP server "${serverName}".`,
    parameters: parametersOf(tool.inputSchema),
    // A remote server's tools can do anything on the user's behalf: the user says yes to each call
    // unless they grant more in the permissions.
    policy: 'ask',
    timeoutMs: MCP_TOOL_TIMEOUT_MS,
    run: (args: Record<string, unknown>, { signal }) => runMcpTool(connection, tool.name, args ?? {}, signal),
  };
}

// `$schema` says which draft the server's library wrote; some model gateways refuse the keyword.
function parametersOf(schema: Record<string, unknown> | undefined): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = schema ?? {};
  return { ...rest, type: 'object' };
}

/** Runs one call, turning progress notifications into progress events as they come and the result into done/error. */
export async function* runMcpTool(
  connection: Pick<McpConnection, 'callTool'>,
  name: string,
  args: Record<string, unknown>,
  signal: AbortSignal,
): AsyncGenerator<ToolEvent> {
  const pending: ToolEvent[] = [];
  let wake: (() => void) | null = null;
  let outcome: { ok: true; result: McpCallResult } | { ok: false; error: unknown } | null = null;
  const nudge = () => wake?.();

  connection
    .callTool(name, args, { signal, onProgress: (p) => (pending.push(progressEvent(p)), nudge()) })
    .then(
      (result) => (outcome = { ok: true, result }),
      (error: unknown) => (outcome = { ok: false, error }),
    )
    .finally(nudge);

  for (;;) {
    while (pending.length > 0) yield pending.shift()!;
    if (outcome) break;
    await new Promise<void>((resolve) => (wake = resolve));
    wake = null;
  }
  // TypeScript cannot see the assignment in the callbacks above.
  const settled = outcome as { ok: true; result: McpCallResult } | { ok: false; error: unknown };
  if (!settled.ok) {
    yield { type: 'error', message: settled.error instanceof Error ? settled.error.message : String(settled.error), code: 'mcp_error' };
    return;
  }
  yield resultEvent(settled.result);
}

/** A progress notification as the card's progress event (a percentage only when the total is known). */
export function progressEvent({ progress, total, message }: McpProgress): ToolEvent {
  const known = typeof total === 'number' && total > 0;
  return {
    type: 'progress',
    current: progress,
    ...(known ? { total, percentage: Math.min(100, Math.max(0, (progress / total) * 100)) } : {}),
    ...(message ? { message } : {}),
  };
}

/** A tools/call result as the final event: structured content when given, else the content as text; isError fails the call. */
export function resultEvent(result: McpCallResult): ToolEvent {
  const text = contentText(result.content ?? []);
  if (result.isError) return { type: 'error', message: text || 'The MCP tool reported an error without details.', code: 'mcp_tool_error' };
  if (result.structuredContent !== undefined && result.structuredContent !== null) return { type: 'done', result: result.structuredContent };
  return { type: 'done', result: text };
}

/** Text parts joined by blank lines; other parts described in a short bracket, since the model reads text. */
export function contentText(content: readonly unknown[]): string {
  return content
    .map((part) => describePart(part as Record<string, unknown> | null))
    .filter((text) => text !== '')
    .join('\n\n');
}

function describePart(part: Record<string, unknown> | null): string {
  switch (part?.type) {
    case 'text':
      return typeof part.text === 'string' ? part.text : '';
    case 'image':
    case 'audio':
      return `[${part.type} (${String(part.mimeType ?? 'unknown type')}) omitted]`;
    case 'resource': {
      const resource = (part.resource ?? {}) as Record<string, unknown>;
      if (typeof resource.text === 'string') return resource.text;
      return `[resource ${String(resource.uri ?? '')} omitted]`;
    }
    case 'resource_link':
      return `[resource link: ${String(part.uri ?? '')}${part.name ? ` (${String(part.name)})` : ''}]`;
    default:
      return '';
  }
}
