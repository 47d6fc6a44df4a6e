// Types for server.mjs, so TypeScript tests can import it.

export interface McpTestLog {
  calls: { tool: string; args: Record<string, unknown> }[];
  progress: { tool: string; step: number; total: number }[];
  cancellations: { tool: string; requestId: string | number; step: number; reason: string }[];
  /** Every Authorization header the /mcp endpoint received. */
  authorizations: string[];
}

export interface McpTestServer {
  /** http://127.0.0.1:<port> */
  origin: string;
  /** The Streamable HTTP endpoint, `${origin}/mcp`. */
  url: string;
  port: number;
  log: McpTestLog;
  sessionCount(): number;
  /** Forgets every session, as a restarted server would: their next request gets 404 (or `status`). */
  forgetSessions(options?: { status?: 404 | 400 }): void;
  /** false: every new session is refused with 503. */
  acceptSessions(accept: boolean): void;
  /** Changes the token the endpoint requires: live sessions get 401 from now on. */
  setToken(token: string | undefined): void;
  close(): Promise<void>;
}

export interface McpTestServerOptions {
  port?: number;
  host?: string;
  /** Require `Authorization: Bearer <token>` on /mcp. */
  token?: string;
  /** false: no CORS headers at all. Default true. */
  cors?: boolean;
  /** Pause between slow_count's steps; default 150 ms. */
  stepMs?: number;
}

export function startMcpServer(options?: McpTestServerOptions): Promise<McpTestServer>;
