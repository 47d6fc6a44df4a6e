import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** An HTTP server that records every connection and request: anything reaching it got out. */
export async function startCanary() {
  const hits: string[] = [];
  const server = http.createServer((request, response) => {
    hits.push(`${request.method} ${request.url}`);
    response.writeHead(200, { 'access-control-allow-origin': '*', 'content-type': 'text/plain' });
    response.end('canary');
  });
  server.on('connection', () => hits.push('TCP connection'));
  server.on('upgrade', (request, socket) => {
    hits.push(`UPGRADE ${request.url}`);
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    /** Requests (not bare TCP connections) received since the last reset. */
    requests: () => hits.filter((hit) => hit !== 'TCP connection'),
    hits,
    reset: () => void hits.splice(0),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
