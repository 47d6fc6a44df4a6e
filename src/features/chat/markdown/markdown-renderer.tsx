import ReactMarkdown from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { rehypeSoftBreaks } from '../../long-text/rehype-soft-breaks';
import { markdownComponents } from './markdown-components';
import { safeUrlTransform } from './safe-url';

const remarkPlugins = [remarkGfm];
// Last, so text that other plugins produce gets its soft breaks too (the hostile-content guard).
const rehypePlugins = [rehypeSoftBreaks];

/**
 * react-markdown with GFM, safe URLs and the app's element styles. Lives in its own chunk (see
 * renderer-loader.ts): the parser is a quarter of the app's JavaScript and not needed for first paint.
 * Raw HTML stays text: no rehype-raw, ever.
 */
export function MarkdownRenderer({ text }: { text: string }) {
  return (
    <ReactMarkdown remarkPlugins={remarkPlugins} rehypePlugins={rehypePlugins} urlTransform={safeUrlTransform} components={markdownComponents}>
      {text}
    </ReactMarkdown>
  );
}
