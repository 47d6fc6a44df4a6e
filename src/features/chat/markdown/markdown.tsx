import { useEffect, useMemo, useState } from 'react';
import { closeTail, createBlockSplitter, type MarkdownBlock as Block } from '../../../core/stream/markdown-blocks';
import { MarkdownBlock } from './markdown-block';

/**
 * Characters of not-yet-rendered blocks parsed per render (~5-10 ms of react-markdown). A burst
 * (a fast stream, a long answer scrolled into view) joins over a few frames instead of one long
 * task; blocks already on screen are memoized and cost nothing.
 */
export const NEW_BLOCK_CHARS_PER_RENDER = 4000;

export interface MarkdownProps {
  text: string;
  /** More text is still coming: the last block is shown with its open code fence closed. */
  streaming?: boolean;
  className?: string;
}

/** How many leading blocks to render: all that rendered before, plus new ones within the budget. */
export function blocksWithinBudget(blocks: readonly Pick<Block, 'text'>[], shown: number, budget = NEW_BLOCK_CHARS_PER_RENDER): number {
  let limit = Math.min(shown, blocks.length);
  let left = budget;
  // At least one new block per render, so a block larger than the budget still appears.
  while (limit < blocks.length && (limit === shown || left >= blocks[limit].text.length)) {
    left -= blocks[limit].text.length;
    limit++;
  }
  return limit;
}

/**
 * Renders assistant markdown block by block: completed blocks are memoized and only the growing
 * tail re-renders, so a long answer streams without re-parsing everything before it.
 */
export function Markdown({ text, streaming = false, className }: MarkdownProps) {
  const [splitter] = useState(createBlockSplitter);
  const split = useMemo(() => splitter.update(text, { final: !streaming }), [splitter, text, streaming]);
  const display = (block: string) => (streaming ? closeTail(block) : block);
  const [shown, setShown] = useState(0);
  const limit = split.hasDefinitions ? 0 : blocksWithinBudget(split.blocks, shown);
  const pending = !split.hasDefinitions && limit < split.blocks.length;

  useEffect(() => {
    // The next slice renders in its own task, so the browser can paint between slices.
    if (limit > shown) setShown(limit);
  }, [limit, shown]);

  return (
    <div
      className={`min-w-0 text-[15px] leading-7 break-words text-zinc-800 dark:text-zinc-200 [&>:first-child]:mt-0 [&>:last-child]:mb-0 ${className ?? ''}`}
      data-rendering={pending || undefined}
    >
      {split.hasDefinitions ? (
        // Reference links and footnotes resolve across blocks, so such a text renders as one.
        <MarkdownBlock key="whole" text={display(text)} />
      ) : (
        split.blocks.slice(0, limit).map((b) => <MarkdownBlock key={b.key} text={b.complete ? b.text : display(b.text)} />)
      )}
    </div>
  );
}
