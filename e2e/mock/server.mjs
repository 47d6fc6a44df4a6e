#!/usr/bin/env node
// CLI entry: `npm run mock` (MOCK_PORT overrides the default 8787).

import { startMockServer } from './server-core.mjs';

const port = Number(process.env.MOCK_PORT || 8787);
const server = await startMockServer({ port });
console.log(`Mock LLM server listening on ${server.url} (OpenAI base URL: ${server.url}/v1)`);

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    server.close().then(() => process.exit(0));
  });
}
