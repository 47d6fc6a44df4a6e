// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { errorMessage, NO_OUTPUT_TEXT, serialiseResult, truncateText } from './result-text';

describe('serialiseResult', () => {
  it.each([
    ['a string as it is', 'plain "text"', 'plain "text"'],
    ['a number', 42, '42'],
    ['null', null, 'null'],
    ['a boolean', false, 'false'],
    ['an object', { a: 1, b: [true, 'x'] }, '{"a":1,"b":[true,"x"]}'],
    ['a date through toJSON', new Date(0), '"1970-01-01T00:00:00.000Z"'],
    ['nothing', undefined, NO_OUTPUT_TEXT],
  ])('serialises %s', (_name, value, text) => {
    expect(serialiseResult(value)).toEqual({ ok: true, text });
  });

  it('accepts the same object reached twice without a cycle', () => {
    const shared = { n: 1 };
    expect(serialiseResult({ a: shared, b: [shared, shared] })).toEqual({
      ok: true,
      text: '{"a":{"n":1},"b":[{"n":1},{"n":1}]}',
    });
  });

  it('names a circular reference and where it is', () => {
    const value: Record<string, unknown> = { list: [1, { deep: {} }] };
    (value.list as [number, { deep: Record<string, unknown> }])[1].deep.back = value;
    expect(serialiseResult(value)).toEqual({
      ok: false,
      message: 'The result could not be serialised: it contains a circular reference at $.list[1].deep.back',
    });
  });

  it('finds a cycle that is its own root', () => {
    const self: Record<string, unknown> = {};
    self.self = self;
    expect(serialiseResult(self)).toMatchObject({ ok: false, message: expect.stringContaining('circular reference at $.self') });
  });

  it.each([
    ['a BigInt', { n: 10n }, 'a BigInt at $.n'],
    ['a top-level BigInt', 10n, 'a BigInt at $'],
    ['a nested function', { ok: 1, items: [{ 'odd key': () => 1 }] }, 'a function at $.items[0]["odd key"]'],
    ['a top-level function', () => 1, 'a function at $'],
    ['a symbol', { s: Symbol('x') }, 'a symbol at $.s'],
  ])('refuses %s with its path', (_name, value, detail) => {
    expect(serialiseResult(value)).toEqual({
      ok: false,
      message: `The result could not be serialised: it contains ${detail}`,
    });
  });

  it('reports a throwing toJSON as a failure, not a crash', () => {
    const value = { toJSON: () => { throw new Error('nope'); } };
    expect(serialiseResult(value)).toEqual({ ok: false, message: 'The result could not be serialised: nope' });
  });

  it('forgets a finished branch so siblings get the right path', () => {
    const value = { a: { b: { c: 1 } }, d: { e: 1n } };
    expect(serialiseResult(value)).toMatchObject({ message: expect.stringContaining('a BigInt at $.d.e') });
  });
});

describe('truncateText', () => {
  it('leaves text within the budget alone', () => {
    expect(truncateText('abc', 3)).toEqual({ text: 'abc', truncated: false });
  });

  it('cuts to the budget and says how much was shown', () => {
    expect(truncateText('abcdef', 4)).toEqual({
      text: 'abcd\n…[truncated: showing 4 of 6 characters]',
      truncated: true,
    });
  });

  it('never splits a surrogate pair', () => {
    const result = truncateText('ab😀cd', 3);
    expect(result.text.startsWith('ab\n')).toBe(true);
    expect(result.text).toContain('showing 2 of 6 characters');
  });
});

describe('errorMessage', () => {
  it.each([
    ['an error', new TypeError('bad'), 'bad'],
    ['an error without a message', Object.assign(new Error(''), { name: 'AbortError' }), 'AbortError'],
    ['a string', 'plain', 'plain'],
    ['a number', 42, '42'],
    ['an object whose toString throws', { toString: () => { throw new Error('x'); } }, 'Unknown error'],
  ])('reads %s', (_name, error, message) => {
    expect(errorMessage(error)).toBe(message);
  });
});
