// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startMcpServer, type McpTestServer } from '../../../e2e/mcp/server.mjs';
import { problemOf, type McpProgress } from '../../core/mcp/types';
import { openMcpConnection } from './sdk-connection';

// Against the real SDK server the e2e suite uses (e2e/mcp/server.mjs), over real HTTP.
let server: McpTestServer;
let secured: McpTestServer;
const noHooks = { onToolsChanged: () => undefined, onLost: () => undefined };

beforeAll(async () => {
  server = await startMcpServer({ stepMs: 20 });
  secured = await startMcpServer({ token: 's3cret-token', stepMs: 20 });
});
afterAll(async () => {
  await server.close();
  await secured.close();
});

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error, 'the connection failed').toBeInstanceOf(Error);
  return { problem: problemOf(error), message: (error as Error).message };
}

describe('openMcpConnection', () => {
  it('lists the tools and calls one with progress and structured output (validated without ajv)', async () => {
    const connection = await openMcpConnection({ url: server.url, token: '' }, noHooks);
    try {
      expect(connection.tools.map((t) => t.name)).toEqual(['slow_count', 'echo']);
      expect(connection.tools[0].inputSchema).toMatchObject({ type: 'object', required: ['to'] });
      const progress: McpProgress[] = [];
      const result = await connection.callTool('slow_count', { to: 3 }, { signal: new AbortController().signal, onProgress: (p) => progress.push(p) });
      expect(result.structuredContent).toEqual({ counted: 3 });
      expect(progress.map((p) => [p.progress, p.total])).toEqual([[1, 3], [2, 3], [3, 3]]);
      expect(progress[0].message).toBe('Counted 1 of 3');
    } finally {
      await connection.close();
    }
  });

  it('a server that forgot the session (a restart) gets a new one, and the call goes through', async () => {
    const changes: string[][] = [];
    const connection = await openMcpConnection({ url: server.url, token: '' }, { ...noHooks, onToolsChanged: (tools) => changes.push(tools.map((t) => t.name)) });
    const options = { signal: new AbortController().signal, onProgress: () => undefined };
    try {
      expect((await connection.callTool('echo', { text: 'before' }, options)).content).toEqual([{ type: 'text', text: 'before' }]);
      server.forgetSessions();
      expect((await connection.callTool('echo', { text: 'after' }, options)).content).toEqual([{ type: 'text', text: 'after' }]);
      expect(server.sessionCount()).toBe(1);
      expect(changes).toEqual([['slow_count', 'echo']]);
      expect(server.log.calls.filter((c) => c.tool === 'echo').map((c) => c.args.text)).toEqual(['before', 'after']);
    } finally {
      await connection.close();
    }
  });

  it('a server that answers a forgotten session with 400 gets a new session too; one that then refuses is reported lost', async () => {
    const lost: unknown[] = [];
    const local = await startMcpServer({ stepMs: 20 });
    const connection = await openMcpConnection({ url: local.url, token: '' }, { ...noHooks, onLost: (p) => lost.push(p) });
    const options = { signal: new AbortController().signal, onProgress: () => undefined };
    try {
      local.forgetSessions({ status: 400 });
      expect((await connection.callTool('echo', { text: 'again' }, options)).content).toEqual([{ type: 'text', text: 'again' }]);
      expect(lost).toEqual([]);
      // Forgotten again, and now the server takes no new session: one reconnect, then it says so.
      local.forgetSessions({ status: 400 });
      local.acceptSessions(false);
      await expect(connection.callTool('echo', { text: 'never' }, options)).rejects.toThrow('HTTP 503');
      expect(lost).toEqual([{ kind: 'session_lost' }]);
    } finally {
      await connection.close();
      await local.close();
    }
  });

  it('a call refused after connecting (a revoked token) reports the connection lost as refused', async () => {
    const lost: unknown[] = [];
    const local = await startMcpServer({ stepMs: 20, token: 'first-token' });
    const connection = await openMcpConnection({ url: local.url, token: 'first-token' }, { ...noHooks, onLost: (p) => lost.push(p) });
    try {
      local.setToken('rotated-token');
      const error = await connection.callTool('echo', { text: 'x' }, { signal: new AbortController().signal, onProgress: () => undefined }).catch((e: Error) => e);
      expect((error as Error).message).toBe('The MCP server refused the call (HTTP 401).');
      expect(lost).toEqual([{ kind: 'refused', status: 401 }]);
    } finally {
      await connection.close();
      await local.close();
    }
  });

  it('aborting a call sends notifications/cancelled, which the server sees', async () => {
    const connection = await openMcpConnection({ url: server.url, token: '' }, noHooks);
    try {
      const controller = new AbortController();
      const call = connection.callTool('slow_count', { to: 50 }, {
        signal: controller.signal,
        onProgress: (p) => p.progress === 2 && controller.abort(new Error('Cancelled by the user')),
      });
      await expect(call).rejects.toThrow();
      await vi.waitFor(() => expect(server.log.cancellations.map((c) => c.reason)).toContain('Error: Cancelled by the user'));
      expect(server.log.cancellations.at(-1)!.step).toBeLessThan(50);
    } finally {
      await connection.close();
    }
  });

  it('follows tools/list_changed', async () => {
    const onToolsChanged = vi.fn();
    const connection = await openMcpConnection({ url: server.url, token: '' }, { ...noHooks, onToolsChanged });
    try {
      await fetch(`${server.origin}/__tools/extra?enabled=1`, { method: 'POST' });
      await vi.waitFor(() => expect(onToolsChanged).toHaveBeenCalled(), { timeout: 3_000 });
      expect(onToolsChanged.mock.lastCall![0].map((t: { name: string }) => t.name)).toEqual(['slow_count', 'echo', 'add']);
    } finally {
      await fetch(`${server.origin}/__tools/extra?enabled=0`, { method: 'POST' });
      await connection.close();
    }
  });

  it('closing ends the session on the server', async () => {
    const before = server.sessionCount();
    const connection = await openMcpConnection({ url: server.url, token: '' }, noHooks);
    expect(server.sessionCount()).toBe(before + 1);
    await connection.close();
    expect(server.sessionCount()).toBe(before);
  });

  it('sends the bearer token to the server and connects with the right one', async () => {
    const connection = await openMcpConnection({ url: secured.url, token: 's3cret-token' }, noHooks);
    await connection.close();
    expect(secured.log.authorizations).toContain('Bearer s3cret-token');
  });

  it('explains a wrong token, a wrong path, a dead server and a non-MCP answer — never quoting the token', async () => {
    const wrong = await failure(openMcpConnection({ url: secured.url, token: 'wrong-token' }, noHooks));
    expect(wrong.problem).toEqual({ kind: 'unauthorized', status: 401 });
    expect(wrong.message).not.toContain('wrong-token');
    expect((await failure(openMcpConnection({ url: secured.url, token: '' }, noHooks))).problem).toEqual({ kind: 'unauthorized', status: 401 });
    expect((await failure(openMcpConnection({ url: `${server.origin}/nope`, token: '' }, noHooks))).problem).toEqual({ kind: 'not_found' });
    expect((await failure(openMcpConnection({ url: 'http://127.0.0.1:9/mcp', token: '' }, noHooks))).problem).toEqual({ kind: 'network' });
    expect((await failure(openMcpConnection({ url: `${server.origin}/__log`, token: '' }, noHooks))).problem).toEqual({ kind: 'not_mcp' });
  });
});
