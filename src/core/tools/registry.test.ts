// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createToolRegistry } from './registry';
import type { ToolDefinition } from './types';

const tool = (name: string, extra: Partial<ToolDefinition> = {}): ToolDefinition => ({
  name,
  description: `The ${name} tool`,
  parameters: { type: 'object', properties: { q: { type: 'string' } } },
  policy: 'auto',
  run: () => name,
  ...extra,
});

describe('createToolRegistry', () => {
  it('finds tools by exact name and nothing else', () => {
    const a = tool('alpha');
    const registry = createToolRegistry([a, tool('beta')]);
    expect(registry.get('alpha')).toBe(a);
    expect(registry.get('Alpha')).toBeUndefined();
    expect(registry.get('toString')).toBeUndefined();
    expect(registry.get('__proto__')).toBeUndefined();
  });

  it('lists tools in the order given, as a copy the caller cannot corrupt', () => {
    const registry = createToolRegistry([tool('b'), tool('a'), tool('c')]);
    const listed = registry.list();
    expect(listed.map((t) => t.name)).toEqual(['b', 'a', 'c']);
    listed.pop();
    expect(registry.list()).toHaveLength(3);
  });

  it('gives the model only name, description and parameters', () => {
    const registry = createToolRegistry([tool('ask', { policy: 'ask', timeoutMs: 5 })]);
    expect(registry.specs()).toEqual([
      {
        name: 'ask',
        description: 'The ask tool',
        parameters: { type: 'object', properties: { q: { type: 'string' } } },
      },
    ]);
    expect(Object.keys(registry.specs()[0]).sort()).toEqual(['description', 'name', 'parameters']);
  });

  it('refuses duplicate names at creation', () => {
    expect(() => createToolRegistry([tool('x'), tool('y'), tool('x')])).toThrow('Duplicate tool name "x"');
  });

  it('accepts an empty set of tools', () => {
    const registry = createToolRegistry([]);
    expect(registry.list()).toEqual([]);
    expect(registry.specs()).toEqual([]);
  });
});
