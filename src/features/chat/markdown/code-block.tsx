import { useRef, useState } from 'react';
import { useT } from '../../../i18n';
import { messages } from './messages';
import { CopyButton } from '../../copy/copy-button';
import { HighlightedCode } from '../../code/highlighted-code';

/** Blocks longer than this fold to their first lines with "Show all". */
export const COLLAPSE_LINES = 30;
const FOLDED_LINES = 20;

const TOOL =
  'shrink-0 rounded-md px-2 py-1 font-medium transition-colors hover:bg-zinc-200 hover:text-zinc-800 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:hover:bg-zinc-700 dark:hover:text-zinc-100';

function lineCount(code: string): number {
  let n = 1;
  for (let i = code.indexOf('\n'); i !== -1; i = code.indexOf('\n', i + 1)) n++;
  return n;
}

export interface CodeBlockProps {
  code: string;
  language: string | null;
}

/**
 * A fenced code block: language label, wrap toggle, copy button, highlighted code (lazy grammars,
 * plain until they arrive or when the language is unknown). A long block folds to its first
 * lines; the whole code stays in the page (copy, find in page) and one click shows it.
 */
export function CodeBlock({ code, language }: CodeBlockProps) {
  const t = useT(messages);
  const codeRef = useRef<HTMLElement>(null);
  const [wrap, setWrap] = useState(false);
  const [expanded, setExpanded] = useState(false);
  const lines = lineCount(code);
  const folded = lines > COLLAPSE_LINES && !expanded;

  return (
    <div className="my-4 overflow-hidden rounded-xl border border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900" data-testid="code-block">
      <div className="flex items-center justify-between gap-2 border-b border-zinc-200 bg-zinc-100/70 py-1 pr-1.5 pl-3 text-xs text-zinc-600 dark:border-zinc-800 dark:bg-zinc-800/50 dark:text-zinc-400">
        <span className="truncate font-mono">{language ?? t('plainText')}</span>
        <span className="flex items-center gap-1">
          <button type="button" aria-pressed={wrap} onClick={() => setWrap(!wrap)} className={TOOL}>
            {t('wrapLines')}
          </button>
          <CopyButton text={() => code} label={t('copy')} ariaLabel={t('copyCode')} fallbackTarget={codeRef} className={TOOL} />
        </span>
      </div>
      <pre
        className={`p-3 text-[13px] leading-6 ${wrap ? 'whitespace-pre-wrap [overflow-wrap:anywhere]' : 'overflow-x-auto'} ${folded ? 'overflow-y-hidden' : ''}`}
        style={folded ? { maxHeight: `calc(${FOLDED_LINES} * 1.5rem + 1.5rem)` } : undefined}
        tabIndex={wrap ? undefined : 0}
      >
        <code ref={codeRef} className="font-mono text-zinc-800 dark:text-zinc-200">
          <HighlightedCode code={code} language={language} />
        </code>
      </pre>
      {lines > COLLAPSE_LINES && (
        <div className="border-t border-zinc-200 px-3 py-1.5 text-xs dark:border-zinc-800">
          <button type="button" aria-expanded={expanded} onClick={() => setExpanded(!expanded)} className={`${TOOL} text-indigo-700 dark:text-indigo-300`}>
            {expanded ? t('showLess') : t('showAll', { lines })}
          </button>
        </div>
      )}
    </div>
  );
}
