import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createPartialJson, parsePartialJson } from './partial-json';
import { chunkText } from './markdown-arbitrary';

const parses = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

const pushAll = (chunks: string[]) => {
  const p = createPartialJson();
  for (const c of chunks) p.push(c);
  return p;
};

// JSON documents with assorted whitespace and strings that need escaping (control characters,
// quotes, lone and paired surrogates), since JSON.stringify escapes those as \uXXXX.
const documents = fc
  .tuple(
    fc.oneof(fc.jsonValue(), fc.jsonValue({ stringUnit: 'binary' })),
    fc.constantFrom<string | number | undefined>(undefined, 0, 1, 2, '\t', ' \r\n '),
    fc.constantFrom('', ' ', '\n', '\t\r\n '),
  )
  .map(([v, indent, pad]) => `${pad}${JSON.stringify(v, null, indent)}${pad}`);

describe('createPartialJson against JSON.parse', () => {
  it('agrees on every chunk boundary of a valid document, however it is chunked', () => {
    fc.assert(
      fc.property(documents, fc.array(fc.nat(), { maxLength: 20 }), (doc, cuts) => {
        const p = createPartialJson();
        let text = '';
        for (const chunk of chunkText(doc, cuts)) {
          p.push(chunk);
          text += chunk;
          expect(p.error()).toBeNull();
          expect(p.isComplete()).toBe(parses(text));
          if (p.isComplete()) expect(p.value()).toEqual(JSON.parse(text));
        }
        expect(p.text()).toBe(doc);
        expect(p.isComplete()).toBe(true);
        expect(p.value()).toEqual(JSON.parse(doc));
      }),
      { numRuns: 300 },
    );
  });

  it('agrees on every prefix when pushed one character at a time', () => {
    fc.assert(
      fc.property(fc.json(), (doc) => {
        const p = createPartialJson();
        for (let i = 0; i < doc.length; i++) {
          p.push(doc[i]);
          const prefix = doc.slice(0, i + 1);
          expect(p.isComplete()).toBe(parses(prefix));
          if (p.isComplete()) expect(p.value()).toEqual(JSON.parse(prefix));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('reports an error exactly when JSON.parse rejects a finished text, for mangled documents', () => {
    const mangled = fc
      .tuple(fc.json(), fc.nat(), fc.constantFrom('', ',', ']', '}', ':', '"', 'x', '0', '-', '\\', '\u0001', ' '))
      .map(([doc, at, insert]) => {
        const i = at % (doc.length + 1);
        return doc.slice(0, i) + insert + doc.slice(i);
      });
    fc.assert(
      fc.property(mangled, (text) => {
        const p = createPartialJson();
        p.push(text);
        if (parses(text)) {
          expect(p.error()).toBeNull();
          expect(p.value()).toEqual(JSON.parse(text));
        } else {
          expect(p.isComplete()).toBe(false);
        }
        // An error is definite: no continuation can make the text valid again.
        if (p.error()) expect(parses(`${text}]}"`)).toBe(false);
      }),
    );
  });
});

describe('partial values', () => {
  it.each([
    ['', undefined],
    ['{', {}],
    ['{"ci', {}],
    ['{"city"', {}],
    ['{"city":', {}],
    ['{"city":"P', { city: 'P' }],
    ['{"city":"Paris","n', { city: 'Paris' }],
    ['{"a":12', {}],
    ['{"a":12,', { a: 12 }],
    ['{"a":tr', {}],
    ['{"a":true', { a: true }],
    ['{"a":null}', { a: null }],
    ['[1,2', [1]],
    ['[1,2 ', [1, 2]],
    ['[1,{"b":[', [1, { b: [] }]],
    ['[[1,[2,[3', [[1, [2, []]]]],
    ['{"a":{"b":"x', { a: { b: 'x' } }],
    ['"hel', 'hel'],
    ['-', undefined],
    ['12', 12],
    ['{"a":"x\\', { a: 'x' }],
    ['{"a":"x\\u00', { a: 'x' }],
    ['{"a":"x\\u0041', { a: 'xA' }],
    ['{"a":"\\ud83d', { a: '' }],
    ['{"a":"\\ud83d\\ude00', { a: '😀' }],
  ])('%j gives %j', (text, expected) => {
    expect(parsePartialJson(text).value).toEqual(expected);
    expect(parsePartialJson(text).error).toBeNull();
  });

  it('decodes escapes split across chunks, including surrogate pairs', () => {
    const p = pushAll(['{"s":"a\\', 'n\\u', '00', 'e9\\ud8', '3d\\', 'ude0', '0 \\"q\\"\\\\\\/\\b\\f\\r\\t"}']);
    expect(p.isComplete()).toBe(true);
    expect(p.value()).toEqual({ s: 'a\né😀 "q"\\/\b\f\r\t' });
  });

  it('keeps "__proto__" as an own property like JSON.parse', () => {
    const v = parsePartialJson('{"__proto__":{"x":1},"y":"z').value as Record<string, unknown>;
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(Object.keys(v)).toEqual(['__proto__', 'y']);
    expect(v.y).toBe('z');
  });

  it('returns the same object until something visible changes, and shares closed containers', () => {
    const p = createPartialJson();
    p.push('{"done":{"x":[1,2]},"s":"a');
    const first = p.value() as { done: unknown; s: string };
    expect(p.value()).toBe(first);
    p.push('   '); // inside the string: visible
    const second = p.value() as { done: unknown; s: string };
    expect(second).not.toBe(first);
    expect(second.done).toBe(first.done);
    expect(first.s).toBe('a'); // snapshots are not mutated afterwards
    p.push('", "n": 12');
    const third = p.value();
    p.push('3');
    expect(p.value()).toBe(third); // an unfinished number is not shown
  });
});

describe('errors', () => {
  it.each([
    ['{a', 'Unexpected character "a", expected a property name at position 1'],
    ['[1,]', 'Unexpected character "]" at position 3'],
    ['{"a":1}x', 'Unexpected character "x" after the JSON value at position 7'],
    ['01', 'Unexpected character "1" after the JSON value at position 1'],
    ['[1 2]', `Unexpected character "2", expected ',' or ']' at position 3`],
    ['{"a" 1}', `Unexpected character "1", expected ':' at position 5`],
    ['"a\u0001"', 'Unescaped control character U+0001 in string at position 2'],
    ['"\\q"', 'Invalid escape "\\\\q" at position 2'],
    ['"\\u12x4"', 'Invalid \\u escape digit "x" at position 5'],
    ['[1.]', 'Invalid number at position 3'],
    ['-a', 'Invalid number at position 1'],
    ['nul!', 'Unexpected character "!" in "null" at position 3'],
  ])('%j fails with %j', (text, message) => {
    const result = parsePartialJson(text);
    expect(result.error).toBe(message);
    expect(result.complete).toBe(false);
  });

  it('keeps the first error and the best value before it while more text arrives', () => {
    const p = pushAll(['{"a":[1,2],', '"b"', ' x', '"c":3}']);
    expect(p.error()).toBe('Unexpected character "x", expected \':\' at position 15');
    expect(p.value()).toEqual({ a: [1, 2] });
    expect(p.text()).toBe('{"a":[1,2],"b" x"c":3}');
  });

  it('accepts a complete value followed only by whitespace', () => {
    const p = pushAll(['[true, false, null]', ' \n\t\r ']);
    expect(p.isComplete()).toBe(true);
    expect(p.error()).toBeNull();
  });
});

describe('cost', () => {
  it('takes 200 KB pushed one character at a time in well under a second', () => {
    const items = Array.from({ length: 1500 }, (_, i) => ({ id: i, name: `item ${i}`, tags: ['a', 'b'], ok: i % 2 === 0 }));
    const content = 'line with "quotes", a tab\t and unicode é😀\n'.repeat(2600);
    const doc = JSON.stringify({ path: 'src/app.ts', content, items });
    expect(doc.length).toBeGreaterThan(200_000);

    const started = performance.now();
    const p = createPartialJson();
    for (let i = 0; i < doc.length; i++) {
      p.push(doc[i]);
      if (i % 8 === 0) p.value(); // a UI reading the value at every small delta
    }
    const elapsed = performance.now() - started;

    expect(p.value()).toEqual(JSON.parse(doc));
    expect(elapsed).toBeLessThan(1000);
  });
});
