import type { ReactNode } from 'react';
import { formatNumber, useLocale, useT, type Locale } from '../../i18n';
import { runTimings, type RecordedRun } from '../../core/inspector';
import { formatDuration, type InspectorT } from './format';
import { messages } from './messages';

/** Time to first token, duration, tokens per second and usage for the run, its rounds and its tool calls. */
export function TimingsTab({ run }: { run: RecordedRun }) {
  const t = useT(messages);
  const locale = useLocale((s) => s.locale);
  const timings = runTimings(run, Date.now());
  const ms = (v: number | undefined) => (v === undefined ? t('notYet') : formatDuration(v, t, locale));
  const count = (v: number | undefined) => (v === undefined ? t('notYet') : formatNumber(v, locale));
  const rate = (v: number | undefined) => (v === undefined ? t('notYet') : formatNumber(v, locale, { maximumFractionDigits: 1 }));
  const est = (estimated: boolean) => (estimated ? <abbr title={t('estimated')} className="ml-1 text-xs text-amber-700 no-underline dark:text-amber-300">{t('estimatedShort')}</abbr> : null);
  return (
    <div className="space-y-5">
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-3" data-testid="inspector-timings">
        <Stat label={t('ttft')} value={ms(timings.ttftMs)} />
        <Stat label={t('duration')} value={ms(timings.durationMs)} />
        <Stat label={t('tokensPerSecond')} value={rate(timings.tokensPerSecond)} extra={est(timings.estimated)} />
        <Stat label={t('promptTokens')} value={count(timings.inputTokens)} />
        <Stat label={t('completionTokens')} value={count(timings.outputTokens)} extra={est(timings.estimated)} />
      </dl>
      {timings.estimated && <p className="text-xs text-amber-700 dark:text-amber-300">{t('estimated')}</p>}
      <section aria-label={t('rounds')}>
        <h3 className="mb-1 text-xs font-semibold text-zinc-700 dark:text-zinc-200">{t('rounds')}</h3>
        <table className="w-full text-left text-xs tabular-nums">
          <thead className="text-zinc-500 dark:text-zinc-400">
            <tr>
              <th className="py-1 pr-2 font-medium">{t('colRound')}</th>
              <th className="py-1 pr-2 font-medium">{t('colTtft')}</th>
              <th className="py-1 pr-2 font-medium">{t('colDuration')}</th>
              <th className="py-1 pr-2 font-medium">{t('colTokens')}</th>
              <th className="py-1 font-medium">{t('colRate')}</th>
            </tr>
          </thead>
          <tbody className="text-zinc-800 dark:text-zinc-100">
            {timings.rounds.map((r, i) => (
              <tr key={i} className="border-t border-zinc-100 dark:border-zinc-800">
                <td className="py-1 pr-2">{r.index + 1}</td>
                <td className="py-1 pr-2">{ms(r.ttftMs)}</td>
                <td className="py-1 pr-2">{ms(r.durationMs)}</td>
                <td className="py-1 pr-2">
                  {count(r.outputTokens)}
                  {est(r.estimated)}
                </td>
                <td className="py-1">{rate(r.tokensPerSecond)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-label={t('tools')}>
        <h3 className="mb-1 text-xs font-semibold text-zinc-700 dark:text-zinc-200">{t('tools')}</h3>
        {timings.tools.length === 0 ? (
          <p className="text-xs text-zinc-500 dark:text-zinc-400">{t('noTools')}</p>
        ) : (
          <ul className="space-y-1 text-xs" data-testid="inspector-tool-timings">
            {timings.tools.map((tool, i) => (
              <ToolRow key={i} name={tool.name} status={tool.status} durationMs={tool.durationMs} t={t} locale={locale} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function Stat({ label, value, extra }: { label: string; value: string; extra?: ReactNode }) {
  return (
    <div className="rounded-xl border border-zinc-200 px-3 py-2 dark:border-zinc-800">
      <dt className="text-xs text-zinc-500 dark:text-zinc-400">{label}</dt>
      <dd className="text-base font-semibold text-zinc-900 tabular-nums dark:text-zinc-50">
        {value}
        {extra}
      </dd>
    </div>
  );
}

function ToolRow({ name, status, durationMs, t, locale }: { name: string; status: string; durationMs?: number; t: InspectorT; locale: Locale }) {
  return (
    <li className="flex items-baseline gap-2">
      <span className="min-w-0 flex-1 truncate font-mono text-zinc-800 dark:text-zinc-100">{name}</span>
      <span className="text-zinc-500 dark:text-zinc-400">{status}</span>
      <span className="w-20 text-right font-medium text-zinc-800 tabular-nums dark:text-zinc-100">{durationMs === undefined ? t('notYet') : formatDuration(durationMs, t, locale)}</span>
    </li>
  );
}
