import { useEffect, useRef, useState } from 'react';
import { useT } from '../../../i18n';
import { messages } from './messages';

type CopyStatus = 'idle' | 'copied' | 'selected';

type Key = keyof typeof messages.en;
const LABELS: Record<CopyStatus, Key> = { idle: 'copy', copied: 'copied', selected: 'selected' };
const ANNOUNCEMENTS: Record<CopyStatus, Key | null> = { idle: null, copied: 'codeCopied', selected: 'copyFallback' };
const RESET_MS: Record<CopyStatus, number> = { idle: 0, copied: 1500, selected: 4000 };

export interface CodeBlockProps {
  code: string;
  language: string | null;
}

/** A fenced code block: language label, a copy button and the code, without highlighting. */
export function CodeBlock({ code, language }: CodeBlockProps) {
  const t = useT(messages);
  const [status, setStatus] = useState<CopyStatus>('idle');
  const announcement = ANNOUNCEMENTS[status];
  const codeRef = useRef<HTMLElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const show = (next: CopyStatus) => {
    setStatus(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setStatus('idle'), RESET_MS[next]);
  };

  const copy = async () => {
    try {
      if (!navigator.clipboard?.writeText) throw new Error('Clipboard unavailable');
      await navigator.clipboard.writeText(code);
      show('copied');
    } catch {
      // Denied permission or an insecure context: select the code so the user can copy it.
      const selection = window.getSelection();
      if (codeRef.current && selection) selection.selectAllChildren(codeRef.current);
      show('selected');
    }
  };

  return (
    <div className="my-4 overflow-hidden rounded-xl border border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900">
      <div className="flex items-center justify-between gap-2 border-b border-zinc-200 bg-zinc-100/70 py-1 pr-1.5 pl-3 text-xs text-zinc-600 dark:border-zinc-800 dark:bg-zinc-800/50 dark:text-zinc-400">
        <span className="truncate font-mono">{language ?? t('plainText')}</span>
        <button
          type="button"
          aria-label={t('copyCode')}
          onClick={() => void copy()}
          className="shrink-0 rounded-md px-2 py-1 font-medium transition-colors hover:bg-zinc-200 hover:text-zinc-800 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:hover:bg-zinc-700 dark:hover:text-zinc-100"
        >
          {t(LABELS[status])}
        </button>
      </div>
      <pre className="overflow-x-auto p-3 text-[13px] leading-6">
        <code ref={codeRef} className="font-mono text-zinc-800 dark:text-zinc-200">
          {code}
        </code>
      </pre>
      <span role="status" aria-live="polite" className="sr-only">
        {announcement ? t(announcement) : ''}
      </span>
    </div>
  );
}
