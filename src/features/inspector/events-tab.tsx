import { memo, useState } from 'react';
import { useLocale, useT, type Locale } from '../../i18n';
import type { RecordedRun, TimedEvent } from '../../core/inspector';
import { JsonView } from '../chat/markdown/json-view';
import { eventDetail, formatOffset, type InspectorT } from './format';
import { messages } from './messages';
import { CappedList } from './capped-list';

const TYPE_TONE: Record<TimedEvent['event']['type'], string> = {
  'text-delta': 'text-zinc-700 dark:text-zinc-200',
  'reasoning-delta': 'text-violet-700 dark:text-violet-300',
  'refusal-delta': 'text-rose-700 dark:text-rose-300',
  warning: 'text-amber-700 dark:text-amber-300',
  'tool-call-start': 'text-indigo-700 dark:text-indigo-300',
  'tool-call-delta': 'text-indigo-700 dark:text-indigo-300',
  'tool-call-end': 'text-indigo-700 dark:text-indigo-300',
  'reasoning-block': 'text-violet-700 dark:text-violet-300',
  finish: 'text-emerald-700 dark:text-emerald-300',
  retrying: 'text-amber-700 dark:text-amber-300',
};

/** Every normalized event of the run, one compact line each, round by round; a line opens to its JSON. */
export function EventsTab({ run }: { run: RecordedRun }) {
  const t = useT(messages);
  const locale = useLocale((s) => s.locale);
  return (
    <div className="space-y-4">
      {run.rounds.map((round, r) => (
        <section key={r} aria-label={t('round', { round: round.index + 1 })}>
          <h3 className="mb-1 flex items-baseline gap-2 text-xs font-semibold text-zinc-700 dark:text-zinc-200">
            {t('round', { round: round.index + 1 })}
            <span className="font-normal text-zinc-500 dark:text-zinc-400">{t('eventCount', { count: round.events.length + round.droppedEvents })}</span>
          </h3>
          <ol className="font-mono text-xs" data-testid="inspector-events">
            <CappedList items={round.events} render={(e, i) => <EventRow key={i} item={e} start={run.startedAt} t={t} locale={locale} />} />
          </ol>
          {round.droppedEvents > 0 && <p className="mt-1 text-xs text-amber-700 dark:text-amber-300">{t('droppedEvents', { count: round.droppedEvents })}</p>}
        </section>
      ))}
    </div>
  );
}

interface RowProps {
  item: TimedEvent;
  start: number;
  t: InspectorT;
  locale: Locale;
}

// A recorded event never changes, so memo keeps a long list cheap while new events arrive.
const EventRow = memo(function EventRow({ item, start, t, locale }: RowProps) {
  const [open, setOpen] = useState(false);
  const { event } = item;
  return (
    <li data-event-type={event.type}>
      <button
        type="button"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        className="flex w-full gap-3 rounded px-1 py-0.5 text-left hover:bg-zinc-100 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none dark:hover:bg-zinc-800"
      >
        <span className="w-16 shrink-0 text-right text-zinc-600 tabular-nums sm:w-20 dark:text-zinc-400">{formatOffset(item.at - start, t, locale)}</span>
        <span className="min-w-0 flex-1 truncate">
          <span className={`font-semibold ${TYPE_TONE[event.type]}`}>{event.type}</span> <span className="text-zinc-600 dark:text-zinc-300">{eventDetail(event)}</span>
        </span>
      </button>
      {open && <JsonView value={event} className="my-1 ml-[5.5rem] rounded-lg bg-zinc-50 p-2 sm:ml-[6.5rem] dark:bg-zinc-950" />}
    </li>
  );
});
