import { memo } from 'react';
import ReactMarkdown from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { markdownComponents } from './markdown-components';
import { safeUrlTransform } from './safe-url';

const remarkPlugins = [remarkGfm];

export interface MarkdownBlockProps {
  text: string;
}

/**
 * One block of markdown. Memoized on its text, so a finished block is parsed once and skipped
 * while later blocks stream. Raw HTML stays text: no rehype-raw, ever.
 */
export const MarkdownBlock = memo(function MarkdownBlock({ text }: MarkdownBlockProps) {
  return (
    <ReactMarkdown remarkPlugins={remarkPlugins} urlTransform={safeUrlTransform} components={markdownComponents}>
      {text}
    </ReactMarkdown>
  );
});
