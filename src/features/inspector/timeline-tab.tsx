import { memo } from 'react';
import { useLocale, useT, type Locale } from '../../i18n';
import type { RecordedRun, TransitionRecord } from '../../core/inspector';
import { formatOffset, type InspectorT } from './format';
import { messages } from './messages';
import { CappedList } from './capped-list';

// `order` is the recorder's sequence: several steps often share a millisecond.
type Item = { at: number; order: number; transition: TransitionRecord } | { at: number; order: number; note: string; tone: 'round' | 'error' };

/** The run's transitions (run phases and each call's lifecycle) with the rounds' milestones between them. */
export function TimelineTab({ run }: { run: RecordedRun }) {
  const t = useT(messages);
  const locale = useLocale((s) => s.locale);
  const items: Item[] = run.transitions.map((transition) => ({ at: transition.at, order: transition.order, transition }));
  for (const r of run.rounds) {
    const round = r.index + 1;
    items.push({ at: r.startedAt, order: r.order.start, note: t('roundSent', { round }), tone: 'round' });
    if (r.firstTokenAt !== undefined) items.push({ at: r.firstTokenAt, order: r.order.firstToken ?? 0, note: t('roundFirstToken', { round }), tone: 'round' });
    if (r.endedAt !== undefined) {
      const note = r.outcome === 'error' ? t('roundFailed', { round, message: r.error?.message ?? '' }) : t(r.outcome === 'aborted' ? 'roundAborted' : 'roundEnded', { round });
      items.push({ at: r.endedAt, order: r.order.end ?? 0, note, tone: r.outcome === 'error' ? 'error' : 'round' });
    }
  }
  items.sort((a, b) => a.order - b.order);
  return (
    <div>
      <ol className="font-mono text-xs" data-testid="inspector-timeline">
        <CappedList items={items} render={(item, i) => <TimelineRow key={i} at={item.at} {...('note' in item ? { note: item.note, tone: item.tone } : { transition: item.transition })} start={run.startedAt} t={t} locale={locale} />} />
      </ol>
      {run.droppedTransitions > 0 && <p className="mt-2 text-xs text-amber-700 dark:text-amber-300">{t('droppedTransitions', { count: run.droppedTransitions })}</p>}
    </div>
  );
}

interface RowProps {
  at: number;
  transition?: TransitionRecord;
  note?: string;
  tone?: 'round' | 'error';
  start: number;
  t: InspectorT;
  locale: Locale;
}

// Props are primitives or recorded (never mutated) objects, so memo skips unchanged rows each frame.
const TimelineRow = memo(function TimelineRow({ at, transition: tr, note, tone, start, t, locale }: RowProps) {
  const offset = (
    <span className="w-16 shrink-0 text-right text-zinc-600 tabular-nums sm:w-20 dark:text-zinc-400">{formatOffset(at - start, t, locale)}</span>
  );
  if (!tr)
    return (
      <li className={`flex gap-3 py-0.5 ${tone === 'error' ? 'text-red-700 dark:text-red-300' : 'text-indigo-700 dark:text-indigo-300'}`}>
        {offset}
        <span className="min-w-0 font-sans font-medium break-words">{note}</span>
      </li>
    );
  return (
    <li className="flex gap-3 py-0.5" data-testid={tr.call ? 'call-transition' : 'run-transition'}>
      {offset}
      <span className="min-w-0 flex-1 break-words">
        <span className={tr.call ? 'text-zinc-500 dark:text-zinc-400' : 'font-semibold text-zinc-800 dark:text-zinc-100'}>{tr.event}</span>{' '}
        <span className="text-zinc-600 dark:text-zinc-300">
          {tr.from} → {tr.to}
        </span>
        {!tr.ok && (
          <span className="ml-1 rounded bg-amber-100 px-1 font-sans text-amber-900 dark:bg-amber-900/40 dark:text-amber-200">
            {t('refused')}
            {tr.reason ? `: ${tr.reason}` : ''}
          </span>
        )}
      </span>
    </li>
  );
});
