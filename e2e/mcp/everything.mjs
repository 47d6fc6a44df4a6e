// Starts the reference MCP server, @modelcontextprotocol/server-everything (a devDependency, written by
// the MCP project, not by us), in Streamable HTTP mode on a chosen port. It answers CORS for any
// origin itself (`cors({ origin: '*' })`), exposing mcp-session-id, so the browser can use it as is.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('../../node_modules/@modelcontextprotocol/server-everything/dist/index.js', import.meta.url));

/** @param {{ port: number }} options */
export function startEverythingServer({ port }) {
  const child = spawn(process.execPath, [entry, 'streamableHttp'], {
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  return new Promise((resolve, reject) => {
    const fail = (why) => {
      child.kill();
      reject(new Error(`server-everything did not start: ${why}\n${stderr}`));
    };
    const timer = setTimeout(() => fail('no "listening" line within 20 s'), 20_000);
    child.once('exit', (code) => fail(`it exited with code ${code}`));
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (text) => {
      stderr += text;
      if (!/listening on port/i.test(stderr)) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      const origin = `http://127.0.0.1:${port}`;
      resolve({
        origin,
        url: `${origin}/mcp`,
        close: () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done(undefined);
            child.once('exit', () => done(undefined));
            child.kill();
          }),
      });
    });
  });
}
