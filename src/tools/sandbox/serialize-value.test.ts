// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { toJsonSafe } from './serialize-value';

describe('toJsonSafe', () => {
  it('keeps JSON values as they are', () => {
    const value = { a: 1, b: 'two', c: [true, null, { d: 1.5 }] };
    expect(toJsonSafe(value)).toEqual(value);
  });

  it.each([
    [undefined, undefined],
    [NaN, 'NaN'],
    [Infinity, 'Infinity'],
    [-Infinity, '-Infinity'],
    [-0, 0],
    [12n, '12n'],
    [Symbol('s'), 'Symbol(s)'],
    [function named() {}, '[Function named]'],
    [() => 1, '[Function anonymous]'],
    [new Date(Date.UTC(2024, 1, 3)), '2024-02-03T00:00:00.000Z'],
    [new Date(NaN), 'Invalid Date'],
    [new TypeError('bad'), 'TypeError: bad'],
    [/a+/gi, '/a+/gi'],
    [Promise.resolve(1), '[Promise]'],
    [new WeakMap(), '[WeakMap]'],
    [new Map<unknown, unknown>([['a', 1], [2, { b: 3 }]]), [['a', 1], [2, { b: 3 }]]],
    [new Set([1, 'x']), [1, 'x']],
    [new Uint8Array([1, 2, 3]), [1, 2, 3]],
    [new ArrayBuffer(8), '[ArrayBuffer 8 bytes]'],
  ])('converts %s', (input, expected) => {
    expect(toJsonSafe(input)).toEqual(expected);
  });

  it('follows JSON rules for undefined inside objects and arrays', () => {
    expect(toJsonSafe({ a: undefined, b: 1 })).toEqual({ b: 1 });
    expect(toJsonSafe([undefined, 1])).toEqual([null, 1]);
  });

  it('marks cycles but repeats shared references', () => {
    const shared = { x: 1 };
    const loop: Record<string, unknown> = { shared, again: shared };
    loop.self = loop;
    expect(toJsonSafe(loop)).toEqual({ shared: { x: 1 }, again: { x: 1 }, self: '[Circular]' });
  });

  it('uses toJSON and survives throwing getters', () => {
    const tricky = {
      custom: { toJSON: () => ({ ok: true }) },
      get broken() {
        throw new Error('nope');
      },
    };
    expect(toJsonSafe(tricky)).toEqual({ custom: { ok: true }, broken: '[Thrown: nope]' });
  });

  it('cuts long strings, big arrays, many keys and deep nesting', () => {
    const long = toJsonSafe('x'.repeat(20_010)) as string;
    expect(long.endsWith('… (10 more characters)')).toBe(true);
    const array = toJsonSafe(Array.from({ length: 503 }, (_, i) => i)) as unknown[];
    expect(array).toHaveLength(501);
    expect(array[500]).toBe('… 3 more items');
    const keys = toJsonSafe(Object.fromEntries(Array.from({ length: 502 }, (_, i) => [`k${i}`, i]))) as Record<string, unknown>;
    expect(keys['…']).toBe('2 more keys');
    let deep: unknown = 'bottom';
    for (let i = 0; i < 20; i++) deep = [deep];
    expect(JSON.stringify(toJsonSafe(deep))).toContain('"[Array]"');
  });

  it('produces something JSON.stringify accepts for any of these', () => {
    const value = { n: 1n, f: Math.max, m: new Map([[{ k: 1 }, new Set([NaN])]]) };
    expect(JSON.parse(JSON.stringify(toJsonSafe(value)))).toEqual({
      n: '1n',
      f: '[Function max]',
      m: [[{ k: 1 }, ['NaN']]],
    });
  });
});
