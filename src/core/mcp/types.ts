import type { McpElicitAnswer, McpElicitRequest } from './elicitations';

// The slice of MCP the app uses, as plain data: the core never imports the SDK (it is a lazily
// loaded chunk, see src/tools/mcp/).

/** One tool as a server lists it (tools/list). */
export interface McpToolInfo {
  name: string;
  title?: string;
  description?: string;
  inputSchema: Record<string, unknown>;
  /** The server's hints about the tool (MCP `annotations`); only what it said, nothing defaulted. */
  hints?: McpToolHint[];
  /** MCP `execution.taskSupport`: "required" tools can only run as tasks, which this client does not do. */
  taskSupport?: 'forbidden' | 'optional' | 'required';
}

/**
 * A hint a server gave about a tool, shown as a badge. Hints are the server's claims: they never lower
 * the approval a call needs.
 */
export type McpToolHint = 'readOnly' | 'destructive' | 'openWorld';

/** A tools/call result: content parts, optional structured content, and whether the tool failed. */
export interface McpCallResult {
  content?: readonly unknown[];
  structuredContent?: unknown;
  isError?: boolean;
}

/** A notifications/progress payload. */
export interface McpProgress {
  progress: number;
  total?: number;
  message?: string;
}

export interface McpCallOptions {
  /** Aborting it makes the client send notifications/cancelled. */
  signal: AbortSignal;
  onProgress(progress: McpProgress): void;
}

/** Why connecting (or a call) failed, in categories the interface explains in plain words. */
export type McpProblem =
  | { kind: 'network' }
  | { kind: 'unauthorized'; status: number }
  | { kind: 'not_found' }
  | { kind: 'not_mcp' }
  | { kind: 'timeout' }
  | { kind: 'http'; status: number }
  | { kind: 'name_clash'; name: string }
  /** Connected, then a call was refused (401/403): the token was revoked or expired. */
  | { kind: 'refused'; status: number }
  /** The server forgot the session and one automatic reconnect did not bring it back. */
  | { kind: 'session_lost' }
  | { kind: 'other'; message: string };

/** A live session with one server. */
export interface McpConnection {
  tools: McpToolInfo[];
  callTool(name: string, args: Record<string, unknown>, opts: McpCallOptions): Promise<McpCallResult>;
  /** Ends the session (best effort); never rejects. */
  close(): Promise<void>;
}

export interface McpConnectTarget {
  url: string;
  /** Sent as `Authorization: Bearer …` to this URL only; empty for none. */
  token: string;
}

export interface McpConnectHooks {
  /** The server said its tool list changed; here is the new one. */
  onToolsChanged(tools: McpToolInfo[]): void;
  /** The live session stopped working (refused, or lost and not recovered); its tools should go. */
  onLost(problem: McpProblem): void;
  /** The server asks the user for input (MCP elicitation, form mode). Absent: the client does not offer elicitation. */
  onElicit?(request: McpElicitRequest, signal: AbortSignal): Promise<McpElicitAnswer>;
}

/** Opens a session and lists the tools; rejects with an Error carrying `problem: McpProblem`. */
export type McpConnector = (target: McpConnectTarget, hooks: McpConnectHooks) => Promise<McpConnection>;

/** The problem an error from a connector carries, or `other` with its message. */
export function problemOf(error: unknown): McpProblem {
  const problem = (error as { problem?: McpProblem } | null)?.problem;
  if (problem && typeof problem === 'object' && typeof problem.kind === 'string') return problem;
  return { kind: 'other', message: error instanceof Error ? error.message : String(error) };
}
