// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { createDynamicToolRegistry } from './registry';
import type { ToolDefinition } from './types';

const tool = (name: string): ToolDefinition => ({
  name,
  description: `The ${name} tool`,
  parameters: { type: 'object' },
  policy: 'ask',
  run: () => name,
});

const names = (registry: { list(): ToolDefinition[] }) => registry.list().map((t) => t.name);

describe('createDynamicToolRegistry', () => {
  it('starts with the built-ins and refuses duplicate built-ins', () => {
    expect(names(createDynamicToolRegistry([tool('a'), tool('b')]))).toEqual(['a', 'b']);
    expect(() => createDynamicToolRegistry([tool('a'), tool('a')])).toThrow('Duplicate tool name "a"');
  });

  it('adds, replaces and removes a source, keeping built-ins first and sources in the order added', () => {
    const registry = createDynamicToolRegistry([tool('calc')]);
    registry.setSource('one', [tool('one__x'), tool('one__y')]);
    registry.setSource('two', [tool('two__x')]);
    expect(names(registry)).toEqual(['calc', 'one__x', 'one__y', 'two__x']);
    expect(registry.specs().map((s) => s.name)).toEqual(['calc', 'one__x', 'one__y', 'two__x']);

    registry.setSource('one', [tool('one__z')]);
    expect(names(registry)).toEqual(['calc', 'one__z', 'two__x']);
    expect(registry.get('one__x')).toBeUndefined();
    expect(registry.get('one__z')?.name).toBe('one__z');

    registry.removeSource('one');
    expect(names(registry)).toEqual(['calc', 'two__x']);
  });

  it('rejects a source whose tool clashes with a built-in or another source, changing nothing', () => {
    const registry = createDynamicToolRegistry([tool('calc')]);
    registry.setSource('one', [tool('one__x')]);
    const listener = vi.fn();
    registry.subscribe(listener);
    const before = registry.version();

    expect(() => registry.setSource('two', [tool('calc')])).toThrow('Duplicate tool name "calc"');
    expect(() => registry.setSource('two', [tool('one__x')])).toThrow('Duplicate tool name "one__x"');
    expect(() => registry.setSource('one', [tool('dup'), tool('dup')])).toThrow('Duplicate tool name "dup"');

    expect(names(registry)).toEqual(['calc', 'one__x']);
    expect(registry.version()).toBe(before);
    expect(listener).not.toHaveBeenCalled();
  });

  it('tells subscribers about every change, with a new version each time, until they unsubscribe', () => {
    const registry = createDynamicToolRegistry([]);
    const seen: string[][] = [];
    const unsubscribe = registry.subscribe(() => seen.push(names(registry)));
    const v0 = registry.version();

    registry.setSource('s', [tool('s__a')]);
    const v1 = registry.version();
    registry.removeSource('s');
    registry.removeSource('never-added'); // nothing to change: no notification
    unsubscribe();
    registry.setSource('s', [tool('s__b')]);

    expect(seen).toEqual([['s__a'], []]);
    expect(v1).not.toBe(v0);
    expect(registry.version()).not.toBe(v1);
  });

  it('keeps its own copy of a source list', () => {
    const registry = createDynamicToolRegistry([]);
    const list = [tool('s__a')];
    registry.setSource('s', list);
    list.push(tool('s__b'));
    expect(names(registry)).toEqual(['s__a']);
  });
});
