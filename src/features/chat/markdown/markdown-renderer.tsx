import { useMemo } from 'react';
import ReactMarkdown, { type Options } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { protectMath } from '../../../core/stream/math-tokens';
import { markdownComponents } from './markdown-components';
import { remarkMathPlaceholders } from './remark-math-placeholders';
import { safeUrlTransform } from './safe-url';

const remarkPlugins: Options['remarkPlugins'] = [remarkGfm];

/**
 * react-markdown with GFM, math, safe URLs and the app's element styles. Lives in its own chunk
 * (see renderer-loader.ts): the parser is a quarter of the app's JavaScript and not needed for
 * first paint. Math is cut out before markdown parses the text (so `\,` keeps its backslash) and
 * typeset by KaTeX, itself a lazy chunk. Raw HTML stays text: no rehype-raw, ever.
 */
export function MarkdownRenderer({ text }: { text: string }) {
  const math = useMemo(() => protectMath(text), [text]);
  const plugins = useMemo<Options['remarkPlugins']>(
    () => (math.spans.length > 0 ? [remarkGfm, [remarkMathPlaceholders, { spans: math.spans }]] : remarkPlugins),
    [math],
  );
  return (
    <ReactMarkdown remarkPlugins={plugins} urlTransform={safeUrlTransform} components={markdownComponents}>
      {math.text}
    </ReactMarkdown>
  );
}
