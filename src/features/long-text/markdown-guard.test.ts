// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { MARKDOWN_BLOCK_LIMIT, MARKDOWN_DEPTH_LIMIT, plainReason } from './markdown-guard';

describe('plainReason', () => {
  it('formats ordinary blocks, nested lists and quotes of sane depth, and deeply indented code', () => {
    expect(plainReason('A paragraph with **bold** text.')).toBeNull();
    expect(plainReason('- a\n  - b\n    - c\n> quote\n> > nested')).toBeNull();
    expect(plainReason(`${'- '.repeat(MARKDOWN_DEPTH_LIMIT)}x`)).toBeNull();
    expect(plainReason(`\`\`\`py\n${' '.repeat(200)}return x\n\`\`\``)).toBeNull();
  });

  it.each([
    ['a 5 MB line without spaces', 'x'.repeat(5_000_000), 'too_long'],
    ['a 20,000-row table', `| a | b |\n| - | - |\n${'| 1 | 2 |\n'.repeat(20_000)}`, 'too_long'],
    ['50,000 links in one paragraph', '[a](https://example.com) '.repeat(50_000), 'too_long'],
    ['10,000-deep nested list', `${'- '.repeat(10_000)}deep`, 'too_deep'],
    ['10,000-deep nested blockquote', `${'>'.repeat(10_000)} deep`, 'too_deep'],
    ['5,000-deep numbered list', `${'1. '.repeat(5_000)}deep`, 'too_deep'],
    ['a nested list one past the limit', `${'* '.repeat(MARKDOWN_DEPTH_LIMIT + 1)}x`, 'too_deep'],
  ])('shows %s as plain text', (_, block, reason) => {
    expect(plainReason(block)).toBe(reason);
  });

  it('is linear: a block just under the length limit of deep lines is judged fast', () => {
    const block = `${'> '.repeat(20)}x\n`.repeat(Math.floor(MARKDOWN_BLOCK_LIMIT / 44));
    const started = performance.now();
    expect(plainReason(block)).toBeNull();
    expect(performance.now() - started).toBeLessThan(200);
  });
});
