import { memo } from 'react';
import { GuardedBlock, LongText, plainReason } from '../../long-text';
import { preloadMarkdownRendererWhenIdle, useMarkdownRenderer } from './renderer-loader';

export interface MarkdownBlockProps {
  text: string;
}

preloadMarkdownRendererWhenIdle();

/**
 * One block of markdown. Memoized on its text, so a finished block is parsed once and skipped
 * while later blocks stream. Until the renderer chunk has loaded (a few ms after startup) the
 * block shows its text as plain wrapped text: never markup turned into HTML by anything else.
 */
export const MarkdownBlock = memo(function MarkdownBlock({ text }: MarkdownBlockProps) {
  const Renderer = useMarkdownRenderer();
  // The hostile-content guard: a block too long or too deep to format is shown as plain text.
  const reason = plainReason(text);
  if (reason) return <GuardedBlock text={text} reason={reason} />;
  if (!Renderer)
    return (
      <p className="my-3 whitespace-pre-wrap">
        <LongText text={text} />
      </p>
    );
  return <Renderer text={text} />;
});
