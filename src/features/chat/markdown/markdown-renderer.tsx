import ReactMarkdown from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { markdownComponents } from './markdown-components';
import { safeUrlTransform } from './safe-url';

const remarkPlugins = [remarkGfm];

/**
 * react-markdown with GFM, safe URLs and the app's element styles. Lives in its own chunk (see
 * renderer-loader.ts): the parser is a quarter of the app's JavaScript and not needed for first paint.
 * Raw HTML stays text: no rehype-raw, ever.
 */
export function MarkdownRenderer({ text }: { text: string }) {
  return (
    <ReactMarkdown remarkPlugins={remarkPlugins} urlTransform={safeUrlTransform} components={markdownComponents}>
      {text}
    </ReactMarkdown>
  );
}
