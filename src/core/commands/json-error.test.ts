// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findJsonError, lineAndColumn } from './json-error';

describe('findJsonError', () => {
  it.each(['{}', ' { "a" : [1, -2.5e3, true, false, null, "x\\n\\u00e9"] } ', '[]', '"s"', '0', '{"a":{"b":[{}]}}'])(
    'accepts valid JSON %s',
    (text) => {
      expect(findJsonError(text)).toBeNull();
    },
  );

  it.each([
    ['{"a": }', 6, 'value'],
    ['{a: 1}', 1, 'key'],
    ['{"a" 1}', 5, 'colon'],
    ['{"a": 1 "b": 2}', 8, 'comma-or-brace'],
    ['[1 2]', 3, 'comma-or-bracket'],
    ['{"a": "x\ny"}', 8, 'string-char'],
    ['{"a": "\\q"}', 7, 'escape'],
    ['{"a": "\\u12g4"}', 7, 'escape'],
    ['{"a": 01}', 7, 'comma-or-brace'],
    ['{"a": 1.}', 8, 'number'],
    ['{"a": -}', 7, 'number'],
    ['{"a": tru }', 9, 'value'],
    ['{} x', 3, 'trailing'],
    ['{"a": 1,}', 8, 'key'],
    ['{"a": "open', 11, 'eof'],
    ['{"a": 1', 7, 'eof'],
    ['', 0, 'eof'],
  ] as const)('%j fails at %i with %s', (text, offset, problem) => {
    expect(findJsonError(text)).toEqual({ offset, problem });
  });

  it('agrees with JSON.parse on whether a text is valid', () => {
    const alphabet = fc.constantFrom('{', '}', '[', ']', '"', ':', ',', ' ', '1', '-', '.', 'e', 't', 'r', 'u', 'n', 'l', '\\', 'a');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 14 }).map((cs) => cs.join('')), (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        expect(findJsonError(text) === null).toBe(valid);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('lineAndColumn', () => {
  it('counts lines and columns from 1', () => {
    expect(lineAndColumn('abc', 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumn('ab\ncd\nef', 7)).toEqual({ line: 3, column: 2 });
    expect(lineAndColumn('ab\n', 3)).toEqual({ line: 2, column: 1 });
  });
});
