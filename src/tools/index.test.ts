// @vitest-environment node
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { createBuiltinTools, MemoryFileStore } from './index';

describe('createBuiltinTools', () => {
  const tools = createBuiltinTools({ fileStore: new MemoryFileStore() });

  it('offers every built-in tool once, with the intended approval policy', () => {
    expect(tools.map((tool) => [tool.name, tool.policy])).toEqual([
      ['list_files', 'auto'],
      ['read_file', 'auto'],
      ['write_file', 'ask'],
      ['delete_file', 'ask'],
      ['calculate', 'auto'],
      ['fetch_url', 'ask'],
      ['process_items', 'auto'],
      ['run_javascript', 'ask'],
    ]);
  });

  it('gives each tool a strict, documented object schema that compiles', () => {
    const ajv = new Ajv({ strict: true });
    for (const tool of tools) {
      expect(tool.name).toMatch(/^[a-z_]{1,64}$/);
      expect(tool.description.length).toBeGreaterThan(60);
      expect(tool.parameters).toMatchObject({ type: 'object', additionalProperties: false });
      expect(() => ajv.compile(tool.parameters)).not.toThrow();
      for (const [name, property] of Object.entries(tool.parameters.properties as Record<string, { description?: string }>))
        expect(property.description, `${tool.name}.${name}`).toBeTruthy();
    }
  });

  it('can be created outside a browser without touching storage', () => {
    expect(() => createBuiltinTools()).not.toThrow();
  });

  it('uses the given file store', async () => {
    const store = new MemoryFileStore();
    await store.write('a.txt', 'hello');
    const list = createBuiltinTools({ fileStore: store }).find((tool) => tool.name === 'list_files');
    await expect(list?.run({}, { signal: new AbortController().signal })).resolves.toMatchObject({ count: 1 });
  });
});
