import { useLayoutEffect, useRef } from 'react';
import type { ToolProgress } from '../../core/tools/types';
import { useT } from '../../i18n';
import { messages } from './messages';
import './tool-card.css';

/** Percentage 0–100 when the tool told us enough to know it, otherwise undefined (indeterminate). */
export function progressPercent(progress: ToolProgress | undefined): number | undefined {
  if (!progress) return undefined;
  const { percentage, current, total } = progress;
  if (typeof percentage === 'number' && Number.isFinite(percentage)) return clamp(percentage);
  if (typeof current === 'number' && typeof total === 'number' && total > 0) return clamp((current / total) * 100);
  return undefined;
}

function clamp(value: number): number {
  return Math.min(100, Math.max(0, value));
}

export function ProgressBar({ name, progress }: { name: string; progress?: ToolProgress }) {
  const t = useT(messages);
  const percent = progressPercent(progress);
  const counts =
    progress && typeof progress.current === 'number' && typeof progress.total === 'number'
      ? `${progress.current} / ${progress.total}`
      : undefined;
  return (
    <div className="space-y-1">
      <div
        role="progressbar"
        aria-label={t('progressOf', { name })}
        aria-valuemin={percent === undefined ? undefined : 0}
        aria-valuemax={percent === undefined ? undefined : 100}
        aria-valuenow={percent === undefined ? undefined : Math.round(percent)}
        aria-valuetext={percent === undefined ? progress?.message || t('working') : undefined}
        className="relative h-1.5 w-full overflow-hidden rounded-full bg-indigo-100 dark:bg-indigo-950"
      >
        {percent === undefined ? (
          <div className="tool-card-indeterminate absolute inset-y-0 w-1/3 rounded-full bg-indigo-500 dark:bg-indigo-400" />
        ) : (
          <div
            className="h-full rounded-full bg-indigo-500 transition-[width] duration-200 dark:bg-indigo-400"
            style={{ width: `${percent}%` }}
          />
        )}
      </div>
      <div className="flex items-baseline justify-between gap-2 text-xs text-zinc-600 dark:text-zinc-400">
        <span className="min-w-0 truncate">{progress?.message ?? ''}</span>
        <span className="shrink-0 tabular-nums">
          {counts}
          {counts && percent !== undefined ? ' · ' : ''}
          {percent !== undefined ? `${Math.round(percent)}%` : ''}
        </span>
      </div>
    </div>
  );
}

/** Text streamed by the tool; sticks to the bottom unless the user scrolled up to read. */
export function ContentLog({ name, text }: { name: string; text: string }) {
  const t = useT(messages);
  const ref = useRef<HTMLPreElement>(null);
  const pinned = useRef(true);
  useLayoutEffect(() => {
    const el = ref.current;
    if (el && pinned.current) el.scrollTop = el.scrollHeight;
  }, [text]);
  return (
    <pre
      ref={ref}
      role="log"
      aria-label={t('outputOf', { name })}
      tabIndex={0}
      onScroll={(event) => {
        const el = event.currentTarget;
        pinned.current = el.scrollHeight - el.scrollTop - el.clientHeight < 8;
      }}
      className="max-h-32 overflow-auto rounded-lg bg-zinc-100 p-2 font-mono text-xs whitespace-pre-wrap break-words text-zinc-700 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none dark:bg-zinc-800/80 dark:text-zinc-300"
    >
      {text}
    </pre>
  );
}
