import { memo } from 'react';
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
  if (!Renderer) return <p className="my-3 whitespace-pre-wrap">{text}</p>;
  return <Renderer text={text} />;
});
