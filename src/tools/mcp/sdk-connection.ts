// The lazily loaded half of the MCP client: everything that touches the SDK. Keep './zod-jitless'
// the first import (see there).
import './zod-jitless';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { UnauthorizedError } from '@modelcontextprotocol/sdk/client/auth.js';
import { StreamableHTTPClientTransport, StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ElicitRequestSchema, ErrorCode, McpError, type Tool } from '@modelcontextprotocol/sdk/types.js';
import { CfWorkerJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/cfworker-provider.js';
import { MCP_TOOL_TIMEOUT_MS } from '../../core/mcp/map-tool';
import { createRequestFetch } from './request-fetch';
import type { McpCallOptions, McpCallResult, McpConnectHooks, McpConnectTarget, McpConnection, McpProblem, McpToolHint, McpToolInfo } from '../../core/mcp/types';

const CLIENT_INFO = { name: 'Callstream', version: '0.1.0' };
const CONNECT_TIMEOUT_MS = 15_000;
/** A call that stops reporting progress for this long is given up (progress resets the clock). */
const SILENCE_TIMEOUT_MS = 120_000;
const CLOSE_TIMEOUT_MS = 2_000;
const MAX_TOOL_PAGES = 20;

interface Session {
  client: Client;
  transport: StreamableHTTPClientTransport;
  tools: McpToolInfo[];
}

/**
 * Opens a session, lists the tools and keeps following the server's list changes; errors carry
 * `problem`. A server that lost the session (it restarted: HTTP 404 for the session id) gets a new
 * one, and the call is sent again: a 404 means the server never took it.
 */
export async function openMcpConnection(target: McpConnectTarget, hooks: McpConnectHooks): Promise<McpConnection> {
  let session = await openSession(target, hooks);
  let reopening: Promise<Session> | null = null;
  const reopen = () =>
    (reopening ??= openSession(target, hooks)
      .then((fresh) => {
        session = fresh;
        hooks.onToolsChanged(fresh.tools);
        return fresh;
      })
      .finally(() => {
        reopening = null;
      }));
  const token = target.token;
  return {
    tools: session.tools,
    close: () => closeQuietly(session.client, session.transport),
    async callTool(name, args, options) {
      try {
        return await callOnce(session.client, name, args, options);
      } catch (error) {
        const status = error instanceof StreamableHTTPError ? error.code : undefined;
        if (options.signal.aborted || !(status === 404 || status === 400)) {
          // Refused after connecting: the token was revoked or expired, and every later call would fail too.
          if (!options.signal.aborted && (status === 401 || status === 403)) hooks.onLost({ kind: 'refused', status });
          throw new Error(hide(callErrorText(error), token));
        }
      }
      // The server no longer knows the session (404; some servers say 400): it never took the call, so a
      // fresh session may send it again, once.
      try {
        return await callOnce((await reopen()).client, name, args, options);
      } catch (error) {
        if (!options.signal.aborted) hooks.onLost({ kind: 'session_lost' });
        throw new Error(hide(callErrorText(error), token));
      }
    },
  };
}

async function openSession({ url, token }: McpConnectTarget, hooks: McpConnectHooks): Promise<Session> {
  // The token rides only on this transport's requests, which the SDK keeps on the server's own origin
  // (redirects to other origins are not followed).
  const transport = new StreamableHTTPClientTransport(new URL(url), {
    // Cancel ends the request's own HTTP exchange too (see request-fetch.ts).
    fetch: createRequestFetch().fetch,
    requestInit: token ? { headers: { Authorization: `Bearer ${token}` } } : undefined,
  });
  const client = new Client(CLIENT_INFO, {
    // Form-mode elicitation only: URL mode would send the user to a page of the server's choosing.
    capabilities: hooks.onElicit ? { elicitation: { form: {} } } : {},
    // The default validator is ajv, which compiles schemas with `new Function`; the page's CSP forbids that.
    jsonSchemaValidator: new CfWorkerJsonSchemaValidator(),
    listChanged: {
      tools: {
        onChanged: (error, tools) => {
          if (!error && tools) hooks.onToolsChanged(tools.map(toInfo));
        },
      },
    },
  });
  const onElicit = hooks.onElicit;
  if (onElicit)
    client.setRequestHandler(ElicitRequestSchema, async (request, extra) => {
      const { params } = request;
      if (params.mode === 'url') return { action: 'decline' };
      return onElicit({ message: params.message, schema: params.requestedSchema as Record<string, unknown> }, extra.signal);
    });
  try {
    await client.connect(transport, { timeout: CONNECT_TIMEOUT_MS });
    return { client, transport, tools: await listAllTools(client) };
  } catch (error) {
    await closeQuietly(client, transport);
    const problem = problemFrom(error);
    throw Object.assign(new Error(hide(describe(problem), token)), {
      problem: problem.kind === 'other' ? { kind: 'other', message: hide(problem.message, token) } : problem,
    });
  }
}

async function callOnce(client: Client, name: string, args: Record<string, unknown>, { signal, onProgress }: McpCallOptions): Promise<McpCallResult> {
  const result = await client.callTool({ name, arguments: args }, undefined, {
    signal,
    onprogress: ({ progress, total, message }) => onProgress({ progress, total, message }),
    timeout: SILENCE_TIMEOUT_MS,
    resetTimeoutOnProgress: true,
    maxTotalTimeout: MCP_TOOL_TIMEOUT_MS,
  });
  return result as McpCallResult;
}

async function listAllTools(client: Client): Promise<McpToolInfo[]> {
  const tools: McpToolInfo[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_TOOL_PAGES; page++) {
    const result = await client.listTools(cursor ? { cursor } : undefined, { timeout: CONNECT_TIMEOUT_MS });
    tools.push(...result.tools.map(toInfo));
    cursor = result.nextCursor;
    if (!cursor) break;
  }
  return tools;
}

function toInfo(tool: Tool): McpToolInfo {
  const { annotations, execution } = tool;
  const hints: McpToolHint[] = [];
  // Only what the server said: the spec's defaults (destructive, open-world) would badge every tool.
  if (annotations?.readOnlyHint === true) hints.push('readOnly');
  else if (annotations?.destructiveHint === true) hints.push('destructive');
  if (annotations?.openWorldHint === true) hints.push('openWorld');
  return {
    name: tool.name,
    title: tool.title ?? annotations?.title,
    description: tool.description,
    inputSchema: tool.inputSchema as Record<string, unknown>,
    hints,
    ...(execution?.taskSupport ? { taskSupport: execution.taskSupport } : {}),
  };
}

async function closeQuietly(client: Client, transport: StreamableHTTPClientTransport): Promise<void> {
  // Ending the session tells the server to free it; a server that is gone must not hold the app up.
  await Promise.race([transport.terminateSession().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, CLOSE_TIMEOUT_MS))]);
  await client.close().catch(() => undefined);
}

/** Sorts an SDK or fetch error into the categories the settings explain in plain words. */
export function problemFrom(error: unknown): McpProblem {
  if (error instanceof StreamableHTTPError) {
    const status = error.code ?? 0;
    if (status === 401 || status === 403) return { kind: 'unauthorized', status };
    if (status === 404) return { kind: 'not_found' };
    // -1: an answer that was neither JSON nor an event stream; 405/415: the address does not take MCP posts.
    if (status === -1 || status === 405 || status === 406 || status === 415) return { kind: 'not_mcp' };
    if (status > 0) return { kind: 'http', status };
  }
  if (error instanceof UnauthorizedError) return { kind: 'unauthorized', status: 401 };
  if (error instanceof McpError && error.code === ErrorCode.RequestTimeout) return { kind: 'timeout' };
  // fetch rejects with a bare TypeError when the server is down, the name does not resolve, or CORS
  // (or the page's CSP) blocks the request: the page is not allowed to know which.
  if (error instanceof TypeError && /fetch|network|load failed/i.test(error.message)) return { kind: 'network' };
  // A body that is not JSON, or JSON that is not JSON-RPC.
  if (error instanceof SyntaxError || Array.isArray((error as { issues?: unknown } | null)?.issues)) return { kind: 'not_mcp' };
  return { kind: 'other', message: error instanceof Error ? error.message : String(error) };
}

function describe(problem: McpProblem): string {
  return problem.kind === 'other' ? problem.message : `MCP connection failed (${problem.kind})`;
}

// What the model reads when a call fails: short, English, and actionable by the user.
function callErrorText(error: unknown): string {
  // A failed reconnect carries the problem openSession already sorted out.
  const problem = (error as { problem?: McpProblem } | null)?.problem ?? problemFrom(error);
  switch (problem.kind) {
    case 'network':
      return 'The MCP server could not be reached (network or CORS failure).';
    case 'not_found':
      return 'The MCP server no longer knows this session (it may have restarted); the user can reconnect it in Settings.';
    case 'unauthorized':
      return `The MCP server refused the call (HTTP ${problem.status}).`;
    case 'timeout':
      return 'The MCP server stopped answering this call.';
    case 'http':
      return `The MCP server answered with HTTP ${problem.status}.`;
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

function hide(text: string, token: string): string {
  return token ? text.split(token).join('•••') : text;
}
