// A real MCP server for tests and for trying the app by hand: the SDK's McpServer behind its
// Streamable HTTP transport on node:http, stateful (one session per client), CORS like a server
// that wants browsers to use it. See README.md in this folder.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';

const ALLOWED_HEADERS = 'content-type, authorization, mcp-session-id, mcp-protocol-version, last-event-id';

/**
 * Starts the server. Options: port (0 = any free one), token (require `Authorization: Bearer <token>`),
 * cors (false = no CORS headers, like a server that was never meant for browsers), stepMs (slow_count's pace).
 */
export async function startMcpServer({ port = 0, host = '127.0.0.1', token, cors = true, stepMs = 150 } = {}) {
  /** @type {Map<string, { transport: StreamableHTTPServerTransport, server: McpServer, extra: import('@modelcontextprotocol/sdk/server/mcp.js').RegisteredTool }>} */
  const sessions = new Map();
  const log = { calls: [], progress: [], cancellations: [], authorizations: [] };
  let extraEnabled = false;
  // Some servers (server-everything among them) answer an unknown session with 400 instead of 404.
  let lostSessionStatus = 404;
  let acceptingSessions = true;

  const buildServer = () => {
    const server = new McpServer({ name: 'callstream-test', version: '1.0.0' });
    server.registerTool(
      'slow_count',
      {
        description: 'Counts from 1 to `to`, one step at a time, reporting progress after each step.',
        inputSchema: { to: z.number().int().min(1).max(100).describe('Where to stop counting.') },
        outputSchema: { counted: z.number().int() },
      },
      async ({ to }, extra) => {
        log.calls.push({ tool: 'slow_count', args: { to } });
        for (let step = 1; step <= to; step++) {
          if (!(await sleep(stepMs, extra.signal))) {
            log.cancellations.push({ tool: 'slow_count', requestId: extra.requestId, step, reason: String(extra.signal.reason ?? '') });
            return { content: [{ type: 'text', text: `Cancelled at ${step}` }], isError: true };
          }
          const progressToken = extra._meta?.progressToken;
          if (progressToken !== undefined) {
            log.progress.push({ tool: 'slow_count', step, total: to });
            await extra.sendNotification({
              method: 'notifications/progress',
              params: { progressToken, progress: step, total: to, message: `Counted ${step} of ${to}` },
            });
          }
        }
        return { content: [{ type: 'text', text: `Counted to ${to}.` }], structuredContent: { counted: to } };
      },
    );
    server.registerTool(
      'echo',
      { description: 'Answers with the text it was given.', inputSchema: { text: z.string().describe('What to say back.') } },
      async ({ text }) => {
        log.calls.push({ tool: 'echo', args: { text } });
        return { content: [{ type: 'text', text }] };
      },
    );
    // Off until a test switches it on, to see notifications/tools/list_changed reach the client.
    const extra = server.registerTool(
      'add',
      { description: 'Adds two numbers.', inputSchema: { a: z.number(), b: z.number() } },
      async ({ a, b }) => ({ content: [{ type: 'text', text: String(a + b) }] }),
    );
    if (!extraEnabled) extra.disable();
    return { server, extra };
  };

  const corsHeaders = (req) =>
    cors
      ? {
          'access-control-allow-origin': req.headers.origin ?? '*',
          'access-control-allow-methods': 'GET, POST, DELETE, OPTIONS',
          'access-control-allow-headers': ALLOWED_HEADERS,
          'access-control-expose-headers': 'mcp-session-id, mcp-protocol-version',
          'access-control-max-age': '600',
          vary: 'origin',
        }
      : {};

  const http = createServer(async (req, res) => {
    for (const [name, value] of Object.entries(corsHeaders(req))) res.setHeader(name, value);
    const url = new URL(req.url ?? '/', 'http://localhost');
    try {
      if (req.method === 'OPTIONS') return void res.writeHead(204).end();
      if (url.pathname === '/__log') {
        if (req.method === 'DELETE') for (const list of Object.values(log)) list.length = 0;
        return json(res, 200, log);
      }
      if (url.pathname === '/__tools/extra' && req.method === 'POST') {
        extraEnabled = url.searchParams.get('enabled') !== '0';
        for (const session of sessions.values()) (extraEnabled ? session.extra.enable() : session.extra.disable());
        return json(res, 200, { enabled: extraEnabled });
      }
      if (url.pathname !== '/mcp') return json(res, 404, { error: 'Not found' });

      if (req.headers.authorization) log.authorizations.push(req.headers.authorization);
      if (token && req.headers.authorization !== `Bearer ${token}`) {
        res.setHeader('www-authenticate', 'Bearer');
        return json(res, 401, rpcError(-32001, 'Unauthorized'));
      }

      const sessionId = header(req, 'mcp-session-id');
      const body = req.method === 'POST' ? await readJson(req) : undefined;
      const session = sessionId ? sessions.get(sessionId) : undefined;
      if (session) return void (await session.transport.handleRequest(req, res, body));
      if (sessionId) return json(res, lostSessionStatus, rpcError(-32001, 'Session not found'));
      if (req.method !== 'POST' || !isInitializeRequest(body)) return json(res, 400, rpcError(-32000, 'Bad Request: No valid session ID provided'));

      if (!acceptingSessions) return json(res, 503, rpcError(-32000, 'Not accepting new sessions'));
      const { server, extra } = buildServer();
      const transport = new StreamableHTTPServerTransport({
        sessionIdGenerator: () => randomUUID(),
        onsessioninitialized: (id) => sessions.set(id, { transport, server, extra }),
      });
      transport.onclose = () => {
        if (transport.sessionId) sessions.delete(transport.sessionId);
      };
      await server.connect(transport);
      await transport.handleRequest(req, res, body);
    } catch (error) {
      if (!res.headersSent) json(res, 500, rpcError(-32603, `Internal server error: ${error instanceof Error ? error.message : String(error)}`));
    }
  });

  await new Promise((resolve, reject) => {
    http.once('error', reject);
    http.listen(port, host, resolve);
  });
  const address = http.address();
  const origin = `http://${host}:${typeof address === 'object' && address ? address.port : port}`;
  return {
    origin,
    url: `${origin}/mcp`,
    port: Number(new URL(origin).port),
    log,
    sessionCount: () => sessions.size,
    /** Forgets every session, as a restarted server would: their next request gets 404. */
    forgetSessions({ status = 404 } = {}) {
      lostSessionStatus = status;
      sessions.clear();
    },
    /** false: every new session is refused with 503 (a server that is going down). */
    acceptSessions(accept) {
      acceptingSessions = accept;
    },
    /** Changes the token the endpoint requires (a revoked token: live sessions get 401 from now on). */
    setToken(next) {
      token = next;
    },
    async close() {
      await Promise.all([...sessions.values()].map((s) => s.transport.close().catch(() => undefined)));
      http.closeAllConnections();
      await new Promise((resolve) => http.close(() => resolve(undefined)));
    },
  };
}

/** Resolves true after `ms`, false as soon as the signal aborts. */
function sleep(ms, signal) {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function header(req, name) {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function readJson(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('error', reject);
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        resolve(text ? JSON.parse(text) : undefined);
      } catch {
        resolve(undefined);
      }
    });
  });
}

function rpcError(code, message) {
  return { jsonrpc: '2.0', error: { code, message }, id: null };
}

function json(res, status, value) {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
}

// `node e2e/mcp/server.mjs [port]`: MCP_PORT, MCP_TOKEN, MCP_STEP_MS and MCP_CORS=0 tune it.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const server = await startMcpServer({
    port: Number(process.argv[2] ?? process.env.MCP_PORT ?? 0),
    token: process.env.MCP_TOKEN || undefined,
    cors: process.env.MCP_CORS !== '0',
    stepMs: Number(process.env.MCP_STEP_MS ?? 150),
  });
  console.log(`MCP test server listening at ${server.url}`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
