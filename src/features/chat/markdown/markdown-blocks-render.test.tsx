import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { renderToStaticMarkup } from 'react-dom/server';
import { createBlockSplitter, splitBlocks } from '../../../core/stream/markdown-blocks';
import { chunkText, markdownDocument } from '../../../core/stream/markdown-arbitrary';

import { MarkdownRenderer } from './markdown-renderer';

// The app's own renderer: GFM, math placeholders, code blocks with their chrome and highlighting.
const render = (text: string) => renderToStaticMarkup(<MarkdownRenderer text={text} />);

// react-markdown separates top-level elements with "\n" text nodes; blocks rendered apart lose
// only those, so the block renders are joined with the same separator.
const renderBlocks = (blocks: string[]) => blocks.map(render).filter((html) => html !== '').join('\n');

describe('rendering block by block equals rendering the whole document', () => {
  it('holds for generated documents', () => {
    fc.assert(
      fc.property(markdownDocument, (doc) => {
        expect(renderBlocks(splitBlocks(doc))).toBe(render(doc));
      }),
      { numRuns: 300 },
    );
  }, 120_000);

  it('holds at every step of a stream, tail included', () => {
    fc.assert(
      fc.property(markdownDocument, fc.array(fc.nat(), { maxLength: 6 }), (doc, cuts) => {
        const splitter = createBlockSplitter();
        let text = '';
        for (const chunk of chunkText(doc, cuts)) {
          text += chunk;
          const { blocks } = splitter.update(text);
          expect(renderBlocks(blocks.map((b) => b.text))).toBe(render(text));
        }
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  it('actually splits typical answers into several blocks', () => {
    const doc = '# Title\n\nIntro text.\n\n- a\n\n- b\n\n```js\nx\n\ny\n```\n\n| a |\n| - |\n| 1 |\n\n> quote\n\nEnd.';
    expect(splitBlocks(doc)).toHaveLength(7);
    expect(renderBlocks(splitBlocks(doc))).toBe(render(doc));
  });
});
