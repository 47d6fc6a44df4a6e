// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { needsSoftBreaks, SOFT_BREAK_RUN, softBreakOffsets, softBreakPieces } from './soft-breaks';

const longestRun = (pieces: string[]) => Math.max(...pieces.flatMap((piece) => piece.split(/[ \t\n\r\f\u200b\u3000]/).map((run) => run.length)));

describe('soft breaks', () => {
  it('leaves ordinary prose alone', () => {
    const prose = 'A sentence with ordinary words, some of them rather long: internationalisation.';
    expect(needsSoftBreaks(prose)).toBe(false);
    expect(softBreakPieces(prose)).toEqual([prose]);
  });

  it('breaks a 5 MB line without spaces every run, in linear time, losing nothing', () => {
    const line = 'x'.repeat(5_000_000);
    const started = performance.now();
    const pieces = softBreakPieces(line);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(pieces.join('')).toBe(line);
    expect(pieces).toHaveLength(Math.ceil(line.length / SOFT_BREAK_RUN));
    expect(longestRun(pieces)).toBe(SOFT_BREAK_RUN);
  });

  it('never splits a surrogate pair, a joiner sequence or a combining mark from its base', () => {
    const emoji = '👩‍👩‍👧‍👦'.repeat(200); // surrogate pairs joined by ZWJ
    for (const offset of softBreakOffsets(emoji)) {
      const code = emoji.charCodeAt(offset);
      expect(code >= 0xdc00 && code <= 0xdfff).toBe(false);
      expect(code).not.toBe(0x200d);
    }
    const marked = 'e\u0301'.repeat(500);
    for (const offset of softBreakOffsets(marked)) expect(marked[offset]).toBe('e');
  });

  it('still breaks 10,000 zero-width joiners and 10,000 combining marks (bounded slack)', () => {
    for (const hostile of ['\u200d'.repeat(10_000), `a${'\u0301'.repeat(10_000)}`]) {
      const pieces = softBreakPieces(hostile);
      expect(pieces.join('')).toBe(hostile);
      expect(Math.max(...pieces.map((p) => p.length))).toBeLessThanOrEqual(SOFT_BREAK_RUN + 16);
    }
  });

  it('property: pieces rejoin to the text, no run exceeds the limit plus slack, no pair is split', () => {
    const unit = fc.constantFrom('a', 'b', ' ', '\n', '😀', '\u200d', '\u0301', '\ufe0f', '字', '\u202e');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 600 }), fc.integer({ min: 4, max: 64 }), (units, run) => {
        const text = units.join('');
        const pieces = softBreakPieces(text, run);
        expect(pieces.join('')).toBe(text);
        expect(longestRun(pieces)).toBeLessThanOrEqual(run + 17);
        for (const offset of softBreakOffsets(text, run)) {
          const code = text.charCodeAt(offset);
          const before = text.charCodeAt(offset - 1);
          expect(code >= 0xdc00 && code <= 0xdfff && before >= 0xd800 && before <= 0xdbff).toBe(false);
        }
      }),
    );
  });
});
