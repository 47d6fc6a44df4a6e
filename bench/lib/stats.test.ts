// The bench's pure helpers: the figures in docs/performance.md are only as right as these.
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM without types, run by Node in `npm run bench`
import { gaps, growth, longestStall, max, median, medianOfRuns, p95, quantile, ratio, totalBlockingTime } from './stats.mjs';
// @ts-expect-error -- plain ESM without types
import { markdownDocument } from './markdown-doc.mjs';
// @ts-expect-error -- plain ESM without types
import { historyConversation } from './history.mjs';
// @ts-expect-error -- plain ESM without types
import { parsePartialJsonFromScratch } from '../naive/naive-partial-json.ts';

describe('median and quantiles', () => {
  it('takes the middle value, or the mean of the middle two', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
    expect(median([2, NaN, 4])).toBe(3);
  });

  it('interpolates p95 between closest ranks', () => {
    const xs = Array.from({ length: 101 }, (_, i) => i); // 0..100
    expect(p95(xs)).toBe(95);
    expect(quantile([10, 20], 0.5)).toBe(15);
    expect(p95([7])).toBe(7);
    expect(quantile([3, 1, 2], 1)).toBe(3);
  });

  it('has max 0 for nothing and the largest value otherwise', () => {
    expect(max([])).toBe(0);
    expect(max([3, 9, 2])).toBe(9);
  });
});

describe('growth', () => {
  it('is 1 for linear and 2 for quadratic scaling', () => {
    expect(growth([1, 4], [10, 40])).toBeCloseTo(1, 10);
    expect(growth([1, 4], [10, 160])).toBeCloseTo(2, 10);
    expect(growth([12.5, 50, 200], [3, 12, 48])).toBeCloseTo(1, 10);
    expect(growth([12.5, 50, 200], [1, 16, 256])).toBeCloseTo(2, 10);
  });

  it('is log(time ratio) / log(size ratio) for two sizes', () => {
    expect(growth([5000, 20000], [100, 300])).toBeCloseTo(Math.log(3) / Math.log(4), 10);
  });

  it('needs two usable points', () => {
    expect(growth([1], [1])).toBeNaN();
    expect(growth([1, 2], [5, 0])).toBeNaN();
  });
});

describe('blocking and stalls', () => {
  it('counts only the part of long tasks beyond 50 ms, inside the window', () => {
    const tasks = [
      [0, 120],
      [200, 51],
      [300, 40],
      [1000, 500],
    ];
    expect(totalBlockingTime(tasks, 0, 999)).toBe(70 + 1);
    expect(totalBlockingTime(tasks)).toBe(70 + 1 + 450);
  });

  it('finds the longest time without a change, edges included', () => {
    expect(gaps([3, 1, 7])).toEqual([2, 4]);
    expect(longestStall([10, 20, 90], 0, 100)).toBe(70);
    expect(longestStall([], 0, 100)).toBe(100);
    expect(longestStall([150], 0, 100)).toBe(100);
  });
});

describe('ratios and medians of runs', () => {
  it('divides safely', () => {
    expect(ratio(1, 4)).toBe(0.25);
    expect(ratio(1, 0)).toBeNaN();
  });

  it('takes the median of each field', () => {
    expect(medianOfRuns([{ a: 1, b: 10 }, { a: 3, b: 30 }, { a: 2, b: 20 }])).toEqual({ a: 2, b: 20 });
  });
});

describe('generated data', () => {
  it('is deterministic and as long as asked', () => {
    const doc = markdownDocument(2000);
    expect(doc).toBe(markdownDocument(2000));
    expect(doc.length).toBeGreaterThanOrEqual(8000);
    expect(doc).toContain('```');
    expect(doc).toMatch(/^\| Name \|/m);
  });

  it('makes the small history a prefix of the large one', () => {
    const small = historyConversation(20);
    const large = historyConversation(200);
    type M = { role: string; text?: string; rounds?: unknown };
    const content = (m: M) => [m.role, m.text ?? JSON.stringify(m.rounds)];
    expect(large.messages.slice(0, 19).map(content)).toEqual(small.messages.slice(0, 19).map(content));
    expect(large.messages.every((m: { parentId: string | null }, i: number) => m.parentId === (i ? large.messages[i - 1].id : null))).toBe(true);
  });

  it('parses partial arguments the naive way, agreeing with JSON.parse when complete', () => {
    const full = JSON.stringify({ name: 'a.js', content: 'x = "1";\n' });
    expect(parsePartialJsonFromScratch(full)).toEqual(JSON.parse(full));
    expect(parsePartialJsonFromScratch('{"name": "a.js", "content": "x = \\"1')).toEqual({ name: 'a.js', content: 'x = "1' });
  });
});
