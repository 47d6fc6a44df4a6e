import { useState, type ReactNode } from 'react';
import type { ToolCallState } from '../../core/conversation/types';
import { useT } from '../../i18n';
import { foldMessages } from './fold-messages';
import { groupCounts } from './fold-summary';
import { isSettled } from './status';

/**
 * Several calls of one round under a one-line summary ("3 tools · 2 done · 1 waiting"), each card
 * folded to its own line once settled. While any call still waits or runs the group stays open;
 * once all have settled the summary can fold the whole group to that one line.
 */
export function ToolGroup({ calls, children }: { calls: readonly ToolCallState[]; children: ReactNode }) {
  const t = useT(foldMessages);
  const [collapsed, setCollapsed] = useState(false);
  const active = calls.some((c) => !isSettled(c.status));
  const open = active || !collapsed;
  const counts = groupCounts(calls);
  const summary = [
    t('groupTools', { count: counts.total }),
    counts.done && t('groupDone', { count: counts.done }),
    counts.waiting && t('groupWaiting', { count: counts.waiting }),
    counts.running && t('groupRunning', { count: counts.running }),
    counts.failed && t('groupFailed', { count: counts.failed }),
    counts.other && t('groupOther', { count: counts.other }),
  ]
    .filter(Boolean)
    .join(' · ');
  const line = (
    <>
      <span aria-hidden="true" className={`inline-block text-xs text-zinc-500 transition-transform dark:text-zinc-400 ${open ? 'rotate-90' : ''}`}>
        ▸
      </span>
      <span data-testid="tool-group-summary">{summary}</span>
    </>
  );
  return (
    <div role="group" aria-label={t('groupLabel')} className="my-2 rounded-xl border border-dashed border-zinc-300 px-2 py-1.5 dark:border-zinc-700" data-testid="tool-group">
      {active ? (
        <p className="flex items-center gap-2 px-1 text-xs font-medium text-zinc-600 dark:text-zinc-300">{line}</p>
      ) : (
        <button
          type="button"
          aria-expanded={open}
          title={open ? t('hideDetails') : t('showDetails')}
          onClick={() => setCollapsed((v) => !v)}
          className="flex w-full items-center gap-2 rounded-md px-1 py-0.5 text-left text-xs font-medium text-zinc-600 hover:text-zinc-900 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none dark:text-zinc-300 dark:hover:text-white"
        >
          {line}
        </button>
      )}
      {open && <div className="[&>section:last-child]:mb-0.5">{children}</div>}
    </div>
  );
}
