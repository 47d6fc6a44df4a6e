import { fileURLToPath } from 'node:url';
import { createServer, type ViteDevServer } from 'vite';

/**
 * A Vite dev server over the repository, so specs can open the dev-only pages in e2e/harness/
 * (they are not part of the production build that the app's specs run against).
 */
export async function startHarnessServer(): Promise<{ url: (page: string) => string; close: () => Promise<void> }> {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const server: ViteDevServer = await createServer({
    root,
    logLevel: 'warn',
    clearScreen: false,
    server: { host: '127.0.0.1', port: 5199, strictPort: false, hmr: false },
  });
  await server.listen();
  const base = server.resolvedUrls?.local[0];
  if (!base) throw new Error('the harness server has no address');
  return { url: (page) => new URL(page, base).href, close: () => server.close() };
}
