import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cleanup, render } from '@testing-library/react';
import { ChunkedString, chunkEnds } from './chunked-string';
import { formatJsonStringBody } from './json-format';
import { JsonView } from './json-view';

afterEach(cleanup);

const pieces = (value: string, size: number) => {
  let start = 0;
  return chunkEnds(value, size).map((end) => {
    const piece = value.slice(start, end);
    start = end;
    return piece;
  });
};

/** The text as laid out: a block's edge is a line break (the chunks leave that character out). */
const visibleText = (spans: Element[]) =>
  spans.map((s, i) => s.textContent! + (s.className === 'block' || spans[i + 1]?.className === 'block' ? '\n' : '')).join('');

describe('chunkEnds', () => {
  it('covers the string, never splits a surrogate pair, and keeps earlier chunks as the string grows', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.integer({ min: 2, max: 17 }), fc.nat(200), (s, size, cut) => {
        const parts = pieces(s, size);
        expect(parts.join('')).toBe(s);
        for (const p of parts.slice(0, -1)) {
          const last = p.charCodeAt(p.length - 1);
          expect(last >= 0xd800 && last <= 0xdbff).toBe(false);
        }
        const prefix = s.slice(0, Math.min(cut, s.length));
        const before = pieces(prefix, size);
        // Every chunk of the prefix but the last (still growing) is a chunk of the longer string.
        const done = Math.max(0, before.length - 1);
        expect(parts.slice(0, done)).toEqual(before.slice(0, done));
      }),
    );
  }, 20_000); // a hundred generated strings: generous time, so a busy machine does not fail it

  it('escapes chunk by chunk exactly as the whole string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.integer({ min: 2, max: 40 }), (s, size) => {
        expect(pieces(s, size).map(formatJsonStringBody).join('')).toBe(formatJsonStringBody(s));
      }),
    );
  });
});

describe('ChunkedString', () => {
  it('shows the same text as formatJsonString for a long string, and JsonView uses it', () => {
    const code = 'function f(x) {\n\treturn "é😀" + x;\n}\n'.repeat(400);
    const { container } = render(<ChunkedString value={code} />);
    expect(visibleText([...container.children])).toBe(formatJsonStringBody(code));
    cleanup();
    const view = render(<JsonView value={{ code }} />).container;
    expect(view.textContent).toMatch(/^\{"code": "function f\(x\) \{\n\treturn \\"é😀\\" \+ x;/);
    expect(view.querySelectorAll('span.block').length).toBeGreaterThan(2);
  });

  it('keeps the DOM of finished chunks when the string grows', () => {
    const base = 'x'.repeat(5000);
    const { container, rerender } = render(<ChunkedString value={base} />);
    const firstNode = container.firstChild;
    const firstText = firstNode?.firstChild;
    rerender(<ChunkedString value={`${base}yyyy`} />);
    expect(container.firstChild).toBe(firstNode);
    expect(container.firstChild?.firstChild).toBe(firstText);
    expect(container.textContent).toBe(`${base}yyyy`);
    expect(container.childNodes.length).toBe(3);
  });

  it('ends chunks at line breaks and lays whole-line chunks out as blocks', () => {
    const code = Array.from({ length: 300 }, (_, i) => `line ${i} ${'x'.repeat(i % 40)}`).join('\n');
    const ends = chunkEnds(code);
    expect(ends.length).toBeGreaterThan(3);
    for (const end of ends.slice(0, -1)) expect(code[end - 1]).toBe('\n');
    const { container } = render(<ChunkedString value={code} />);
    const spans = [...container.children];
    // The first follows the key on its line and the last is still growing: both stay inline.
    expect(spans[0].className).toBe('');
    expect(spans[spans.length - 1].className).toBe('');
    expect(spans.slice(1, -1).every((s) => s.className === 'block')).toBe(true);
    expect(visibleText(spans)).toBe(formatJsonStringBody(code));
    // The break a block edge stands for is not in the DOM twice (copied text would double it).
    expect(spans.some((s) => s.className === 'block' && s.textContent?.endsWith('\n'))).toBe(false);
  });
});
