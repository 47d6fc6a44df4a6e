// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { mcpWithoutAjv } from './mcp-without-ajv';

const resolve = (source: string, importer?: string) => {
  const hook = mcpWithoutAjv().resolveId as (source: string, importer?: string) => string | null;
  return hook(source, importer);
};

describe('mcpWithoutAjv', () => {
  it('swaps the SDK client’s ajv validator for the stub', () => {
    const stub = resolve('../validation/ajv-provider.js', '/x/node_modules/@modelcontextprotocol/sdk/dist/esm/client/index.js');
    expect(stub).toMatch(/src[\\/]tools[\\/]mcp[\\/]no-ajv\.ts$/);
  });

  it('leaves every other import alone, ajv itself included', () => {
    expect(resolve('../validation/cfworker-provider.js', '/x/node_modules/@modelcontextprotocol/sdk/dist/esm/client/index.js')).toBeNull();
    expect(resolve('./ajv-provider.js', '/x/src/elsewhere.ts')).toBeNull();
    expect(resolve('ajv', '/x/node_modules/some-lib/index.js')).toBeNull();
  });
});
