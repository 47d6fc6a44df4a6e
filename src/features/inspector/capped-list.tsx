import { useState, type ReactNode } from 'react';
import { useT } from '../../i18n';
import { messages } from './messages';

interface Props<T> {
  items: readonly T[];
  /** Rows shown from the start before "Show more" (grows by `step` per click). */
  head?: number;
  /** Rows always shown from the end: the newest, where a stream's finish and usage are. */
  tail?: number;
  step?: number;
  render(item: T, index: number): ReactNode;
}

/**
 * A long list that renders a window of it: the first rows, a "Show more" button, and the last rows.
 * Thousands of streamed events stay cheap to repaint once per frame.
 */
export function CappedList<T>({ items, head = 150, tail = 50, step = 500, render }: Props<T>) {
  const t = useT(messages);
  const [shown, setShown] = useState(head);
  const hidden = items.length - shown - tail;
  if (hidden <= 0) return <>{items.map((item, i) => render(item, i))}</>;
  const from = items.length - tail;
  return (
    <>
      {items.slice(0, shown).map((item, i) => render(item, i))}
      <div className="flex items-center gap-2 py-1.5 text-xs text-zinc-500 dark:text-zinc-400">
        <span>{t('hiddenRows', { count: hidden })}</span>
        <button
          type="button"
          onClick={() => setShown((n) => n + step)}
          className="rounded-md px-2 py-0.5 font-medium text-indigo-700 hover:bg-indigo-50 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none dark:text-indigo-300 dark:hover:bg-indigo-950/50"
        >
          {t('showMore', { count: Math.min(step, hidden) })}
        </button>
      </div>
      {items.slice(from).map((item, i) => render(item, from + i))}
    </>
  );
}
