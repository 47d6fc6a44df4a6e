import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const STUB = fileURLToPath(new URL('../src/tools/mcp/no-ajv.ts', import.meta.url));

/**
 * The MCP SDK's Client imports its ajv validator even when given another one. ajv compiles schemas
 * with `new Function` (forbidden by the app's CSP) and weighs ~30 KB gzip, so the build swaps that
 * one module for a stub; the app always passes the @cfworker/json-schema validator instead.
 */
export function mcpWithoutAjv(): Plugin {
  return {
    name: 'callstream-mcp-without-ajv',
    enforce: 'pre',
    resolveId(source, importer) {
      if (importer?.includes('@modelcontextprotocol/sdk') && /\/validation\/ajv-provider\.js$/.test(source)) return STUB;
      return null;
    },
  };
}
