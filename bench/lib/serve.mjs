// Servers the benchmark needs: static files for both builds, and the mock LLM.

import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { pathToFileURL } from 'node:url';

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json' };

/**
 * Serves `dir` on 127.0.0.1:`port`; unknown paths get index.html (the app routes by hash anyway).
 * `extra` maps a path to a string body (generated data).
 */
export function serveStatic(dir, port, extra = {}) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (extra[path] !== undefined) {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(extra[path]);
      return;
    }
    const file = normalize(join(dir, path === '/' ? 'index.html' : path));
    if (!file.startsWith(normalize(dir))) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end(await readFile(join(dir, 'index.html')));
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) }));
  });
}

/**
 * Starts the mock LLM (e2e/mock/server-core.mjs) in this process on `port`: it goes away with the
 * runner however the runner ends.
 */
export async function startMock(root, port) {
  const { startMockServer } = await import(pathToFileURL(join(root, 'e2e/mock/server-core.mjs')).href);
  const server = await startMockServer({ port });
  return {
    url: server.url,
    queue: async (key, ...scripts) => {
      const res = await fetch(`${server.url}/__mock/queue?key=${encodeURIComponent(key)}`, { method: 'POST', body: JSON.stringify({ responses: scripts }) });
      if (!res.ok) throw new Error(`Queueing failed: ${res.status}`);
    },
    close: () => server.close(),
  };
}
