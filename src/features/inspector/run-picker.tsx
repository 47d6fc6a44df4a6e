import { useId } from 'react';
import { intlLocale, useLocale, useT } from '../../i18n';
import type { RecordedRun } from '../../core/inspector';
import { messages } from './messages';

const OUTCOME = { completed: 'outcomeCompleted', stopped: 'outcomeStopped', failed: 'outcomeFailed', max_rounds: 'outcomeMaxRounds' } as const;

/** Chooses the run to inspect, newest last; each option says when it ran, what it answered and how it ended. */
export function RunPicker({ runs, selected, onSelect }: { runs: readonly RecordedRun[]; selected: RecordedRun; onSelect(id: string): void }) {
  const t = useT(messages);
  const locale = useLocale((s) => s.locale);
  const id = useId();
  const time = new Intl.DateTimeFormat(intlLocale(locale), { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  return (
    <div className="flex min-w-0 flex-1 items-center gap-2">
      <label htmlFor={id} className="text-xs font-medium text-zinc-600 dark:text-zinc-300">
        {t('run')}
      </label>
      <select
        id={id}
        value={selected.id}
        onChange={(e) => onSelect(e.target.value)}
        className="min-w-0 flex-1 truncate rounded-lg border border-zinc-300 bg-white px-2 py-1.5 text-xs text-zinc-800 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
      >
        {runs.map((run) => (
          <option key={run.id} value={run.id}>
            {t('runOption', {
              seq: run.seq,
              time: time.format(run.startedAt),
              prompt: run.prompt ?? t('noPrompt'),
              outcome: t(run.endedAt === undefined ? 'outcomeRunning' : OUTCOME[run.outcome ?? 'completed']),
            })}
          </option>
        ))}
      </select>
    </div>
  );
}
