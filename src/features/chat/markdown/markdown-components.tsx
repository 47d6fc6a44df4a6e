import type { ComponentPropsWithoutRef, ElementType } from 'react';
import type { Components, ExtraProps } from 'react-markdown';
import { CodeBlock } from './code-block';
import { LazyImage } from './lazy-image';
import { MathView } from './math-view';
import { messages } from './messages';
import { useT } from '../../../i18n';

// Tailwind's preflight strips list bullets, heading sizes and table borders; these restore a
// calm reading style. Every element gets its classes here rather than through a prose plugin.

type Tag = 'p' | 'h1' | 'h2' | 'h3' | 'h4' | 'h5' | 'h6' | 'ol' | 'blockquote' | 'hr' | 'strong' | 'thead' | 'tr';

function styled<T extends Tag>(Tag: T, className: string) {
  function Styled({ node: _node, className: extra, ...props }: ComponentPropsWithoutRef<T> & ExtraProps) {
    const Element = Tag as ElementType;
    return <Element {...props} className={extra ? `${className} ${extra}` : className} />;
  }
  Styled.displayName = `Markdown.${Tag}`;
  return Styled;
}

const HEADING = 'font-semibold tracking-tight text-zinc-900 dark:text-zinc-50';

type HastNode = { type: string; value?: string; tagName?: string; properties?: Record<string, unknown>; children?: HastNode[] };

function textOf(node: HastNode): string {
  if (node.type === 'text') return node.value ?? '';
  return (node.children ?? []).map(textOf).join('');
}

function languageOf(code: HastNode): string | null {
  const classes = code.properties?.className;
  const list = Array.isArray(classes) ? classes : [];
  const language = list.find((c): c is string => typeof c === 'string' && c.startsWith('language-'));
  return language ? language.slice('language-'.length) : null;
}

/** Element renderers for react-markdown: typography, safe links, lazy images, code blocks, math. */
export const markdownComponents: Components = {
  p: styled('p', 'my-3'),
  h1: styled('h1', `mt-6 mb-3 text-2xl ${HEADING}`),
  h2: styled('h2', `mt-6 mb-3 text-xl ${HEADING}`),
  h3: styled('h3', `mt-5 mb-2 text-lg ${HEADING}`),
  h4: styled('h4', `mt-4 mb-2 text-base ${HEADING}`),
  h5: styled('h5', `mt-4 mb-2 text-sm ${HEADING}`),
  h6: styled('h6', `mt-4 mb-2 text-sm ${HEADING} text-zinc-600 dark:text-zinc-300`),
  ol: styled('ol', 'my-3 list-decimal pl-6 marker:text-zinc-500 [&_ol]:my-1 [&_ul]:my-1'),
  blockquote: styled(
    'blockquote',
    'my-3 border-l-4 border-zinc-300 pl-4 text-zinc-600 dark:border-zinc-600 dark:text-zinc-400',
  ),
  hr: styled('hr', 'my-6 border-zinc-200 dark:border-zinc-800'),
  strong: styled('strong', 'font-semibold text-zinc-900 dark:text-zinc-50'),
  thead: styled('thead', 'bg-zinc-100/70 dark:bg-zinc-800/50'),
  tr: styled('tr', 'even:bg-zinc-50 dark:even:bg-zinc-900/60'),

  ul({ node: _node, className, ...props }) {
    // remark-gfm marks lists holding task items; their checkboxes replace the bullets.
    const tasks = className?.includes('contains-task-list');
    return (
      <ul
        {...props}
        className={`my-3 ${tasks ? 'pl-2' : 'list-disc pl-6'} marker:text-zinc-400 dark:marker:text-zinc-500 [&_ol]:my-1 [&_ul]:my-1`}
      />
    );
  },
  li({ node: _node, className, ...props }) {
    const task = className?.includes('task-list-item');
    return <li {...props} className={`my-1 pl-1 [&>p]:my-1 ${task ? 'list-none' : ''}`} />;
  },
  input({ node: _node, type, checked }) {
    if (type !== 'checkbox') return null;
    return <TaskCheckbox checked={Boolean(checked)} />;
  },
  a({ node: _node, href, children, className, ...props }) {
    if (!href) {
      // The URL was removed as unsafe: keep the words, drop the link.
      return <span className="text-zinc-600 underline decoration-dotted dark:text-zinc-400">{children}</span>;
    }
    const inPage = href.startsWith('#');
    return (
      <a
        {...props}
        href={href}
        {...(inPage ? {} : { target: '_blank', rel: 'noopener noreferrer' })}
        className={`font-medium break-words text-indigo-600 underline decoration-indigo-300 underline-offset-2 hover:decoration-indigo-600 dark:text-indigo-400 dark:decoration-indigo-500/50 dark:hover:decoration-indigo-400 ${className ?? ''}`}
      >
        {children}
      </a>
    );
  },
  img({ src, alt, title }) {
    return <LazyImage src={typeof src === 'string' ? src : undefined} alt={alt} title={title} />;
  },
  code({ node: _node, className, ...props }) {
    // Only inline code reaches here: `pre` below renders fenced blocks from the syntax tree.
    return (
      <code
        {...props}
        className={`rounded-md bg-zinc-100 px-1.5 py-0.5 font-mono text-[0.875em] break-words text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200 ${className ?? ''}`}
      />
    );
  },
  pre({ node }) {
    const code = (node?.children as HastNode[] | undefined)?.find((c) => c.tagName === 'code');
    if (!code) return null;
    return <CodeBlock code={textOf(code).replace(/\n$/, '')} language={languageOf(code)} />;
  },
  span({ node: _node, children, ...props }) {
    // Markdown makes no spans of its own: these are the math placeholders (remark-math-placeholders.ts).
    const tex = (props as Record<string, unknown>)['data-tex'];
    if (typeof tex !== 'string') return <span>{children}</span>;
    const display = (props as Record<string, unknown>)['data-display'] === 'true';
    return <MathView tex={tex} display={display} source={typeof children === 'string' ? children : tex} />;
  },
  table({ node: _node, ...props }) {
    return (
      <div className="my-4 max-w-full overflow-x-auto rounded-xl border border-zinc-200 dark:border-zinc-800">
        <table {...props} className="w-full border-collapse text-sm" />
      </div>
    );
  },
  th({ node: _node, ...props }) {
    return (
      <th
        {...props}
        className="border-r border-b border-zinc-200 px-3 py-2 text-left font-semibold whitespace-nowrap text-zinc-900 last:border-r-0 dark:border-zinc-800 dark:text-zinc-100"
      />
    );
  },
  td({ node: _node, ...props }) {
    return (
      <td
        {...props}
        className="border-r border-b border-zinc-200 px-3 py-2 align-top last:border-r-0 dark:border-zinc-800 [tr:last-child>&]:border-b-0"
      />
    );
  },
};

/** A task-list box: read-only, and named so screen readers do not announce an unlabelled form field. */
function TaskCheckbox({ checked }: { checked: boolean }) {
  const t = useT(messages);
  return (
    <input
      type="checkbox"
      checked={checked}
      disabled
      readOnly
      aria-label={t('taskItem')}
      className="mr-2 size-3.5 translate-y-[2px] accent-indigo-600"
    />
  );
}
