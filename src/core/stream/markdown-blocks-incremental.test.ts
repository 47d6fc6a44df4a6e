import { describe, expect, it, vi } from 'vitest';
import * as scan from './markdown-scan';
import { createBlockSplitter } from './markdown-blocks';

vi.mock('./markdown-scan', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./markdown-scan')>();
  return { ...actual, scanLine: vi.fn(actual.scanLine) };
});

describe('createBlockSplitter cost', () => {
  it('scans each line once over a whole stream, even inside one long block', () => {
    const lines = ['# Title', '', '```ts'];
    for (let i = 0; i < 400; i++) lines.push(`const v${i} = ${i};`, '');
    lines.push('```', '', '- a', '', '  more', '', 'Done.');
    const doc = `${lines.join('\n')}\n`;

    const splitter = createBlockSplitter();
    vi.mocked(scan.scanLine).mockClear();
    for (let end = 3; end <= doc.length; end += 3) splitter.update(doc.slice(0, end));
    splitter.update(doc);

    expect(vi.mocked(scan.scanLine).mock.calls).toHaveLength(lines.length);
    expect(splitter.update(doc).blocks.map((b) => b.text.split('\n')[0])).toEqual(['# Title', '```ts', '- a', 'Done.']);
  });
});
