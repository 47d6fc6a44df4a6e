import { useMemo, useState } from 'react';
import { closeTail, createBlockSplitter } from '../../../core/stream/markdown-blocks';
import { MarkdownBlock } from './markdown-block';

export interface MarkdownProps {
  text: string;
  /** More text is still coming: the last block is shown with its open code fence closed. */
  streaming?: boolean;
  className?: string;
}

/**
 * Renders assistant markdown block by block: completed blocks are memoized and only the growing
 * tail re-renders, so a long answer streams without re-parsing everything before it.
 */
export function Markdown({ text, streaming = false, className }: MarkdownProps) {
  const [splitter] = useState(createBlockSplitter);
  const split = useMemo(() => splitter.update(text, { final: !streaming }), [splitter, text, streaming]);
  const display = (block: string) => (streaming ? closeTail(block) : block);

  return (
    <div
      className={`min-w-0 text-[15px] leading-7 break-words text-zinc-800 dark:text-zinc-200 [&>:first-child]:mt-0 [&>:last-child]:mb-0 ${className ?? ''}`}
    >
      {split.hasDefinitions ? (
        // Reference links and footnotes resolve across blocks, so such a text renders as one.
        <MarkdownBlock key="whole" text={display(text)} />
      ) : (
        split.blocks.map((b) => <MarkdownBlock key={b.key} text={b.complete ? b.text : display(b.text)} />)
      )}
    </div>
  );
}
