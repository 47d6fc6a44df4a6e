import { memo, useState } from 'react';
import { useT } from '../../i18n';
import type { RecordedRound, RecordedRun, WireExchange, WireLine } from '../../core/inspector';
import { JsonView } from '../chat/markdown/json-view';
import { messages } from './messages';
import { CappedList } from './capped-list';
import type { InspectorT } from './format';

// Focusable, so a keyboard can scroll a long request.
const SCROLLER =
  'max-h-96 overflow-auto rounded-lg bg-zinc-50 p-2 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none dark:bg-zinc-950';

/** Per round: each HTTP request as sent (key redacted), its status, and the raw wire events as they arrived. */
export function RequestsTab({ run }: { run: RecordedRun }) {
  const t = useT(messages);
  return (
    <div className="space-y-5">
      {run.rounds.map((round, r) => (
        <section key={r} aria-label={t('round', { round: round.index + 1 })} className="space-y-2">
          <h3 className="flex items-baseline gap-2 text-xs font-semibold text-zinc-700 dark:text-zinc-200">
            {t('round', { round: round.index + 1 })}
            <span className="truncate font-normal text-zinc-500 dark:text-zinc-400">{round.model}</span>
          </h3>
          {round.exchanges.length === 0 ? (
            <NoExchange round={round} t={t} />
          ) : (
            round.exchanges.map((exchange, i) => <Exchange key={i} exchange={exchange} round={round} attempt={i + 1} t={t} />)
          )}
          {round.error && (
            <p className="rounded-lg bg-red-50 px-2 py-1.5 text-xs break-words text-red-800 dark:bg-red-950/40 dark:text-red-200" data-testid="inspector-round-error">
              {round.error.message}
            </p>
          )}
        </section>
      ))}
    </div>
  );
}

function NoExchange({ round, t }: { round: RecordedRound; t: InspectorT }) {
  return (
    <div className="rounded-xl border border-zinc-200 p-3 dark:border-zinc-800">
      <p className="mb-2 text-xs text-zinc-600 dark:text-zinc-300">{t('noExchange')}</p>
      <div role="region" tabIndex={0} aria-label={t('requestOf', { round: round.index + 1 })} className={SCROLLER}>
        <JsonView value={round.request} />
      </div>
    </div>
  );
}

function Exchange({ exchange, round, attempt, t }: { exchange: WireExchange; round: RecordedRound; attempt: number; t: InspectorT }) {
  const [showRequest, setShowRequest] = useState(false);
  return (
    <div className="space-y-2 rounded-xl border border-zinc-200 p-3 dark:border-zinc-800" data-testid="inspector-exchange">
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs">
        <span className="rounded-md bg-zinc-100 px-1.5 py-0.5 font-medium text-zinc-700 dark:bg-zinc-800 dark:text-zinc-200">{t('attempt', { n: attempt })}</span>
        <StatusBadge exchange={exchange} ended={round.endedAt !== undefined} t={t} />
        {exchange.protocol && <span className="text-zinc-500 dark:text-zinc-400">{exchange.protocol}</span>}
        <span className="w-full font-mono break-all text-zinc-700 dark:text-zinc-200">
          {exchange.method} {exchange.url}
        </span>
      </div>
      <details open={showRequest} onToggle={(e) => setShowRequest(e.currentTarget.open)} className="group">
        <summary className="cursor-pointer rounded text-xs font-medium text-indigo-700 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none dark:text-indigo-300">
          {t('requestBody')}
        </summary>
        {/* Rendered only while open: a long conversation's request body is large. */}
        {showRequest && (
          <div role="region" tabIndex={0} aria-label={t('requestOfAttempt', { round: round.index + 1, n: attempt })} className={`mt-2 ${SCROLLER}`}>
            <JsonView value={{ headers: exchange.headers, body: exchange.body }} />
          </div>
        )}
      </details>
      <WireLines exchange={exchange} round={round.index + 1} attempt={attempt} t={t} />
    </div>
  );
}

function StatusBadge({ exchange, ended, t }: { exchange: WireExchange; ended: boolean; t: InspectorT }) {
  const status = exchange.status;
  const tone =
    status === undefined
      ? 'bg-zinc-100 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300'
      : status < 300
        ? 'bg-emerald-100 text-emerald-800 dark:bg-emerald-900/40 dark:text-emerald-200'
        : 'bg-red-100 text-red-800 dark:bg-red-900/40 dark:text-red-200';
  return (
    <span className={`rounded-md px-1.5 py-0.5 font-mono font-medium ${tone}`} title={t('status')} data-testid="inspector-status">
      {status ?? (ended ? t('noStatus') : t('pending'))}
    </span>
  );
}

function WireLines({ exchange, round, attempt, t }: { exchange: WireExchange; round: number; attempt: number; t: InspectorT }) {
  return (
    <div>
      <p className="mb-1 text-xs font-medium text-zinc-600 dark:text-zinc-300">{t('wire', { count: exchange.raw.length })}</p>
      {exchange.raw.length === 0 ? (
        <p className="text-xs text-zinc-500 dark:text-zinc-400">{t('noWireText')}</p>
      ) : (
        // Focusable so keyboard users can scroll it.
        <div
          role="region"
          tabIndex={0}
          aria-label={t('wireLines', { round, n: attempt })}
          data-testid="inspector-wire"
          className="max-h-80 overflow-auto rounded-lg border border-zinc-200 bg-zinc-50 p-2 font-mono text-[11px] leading-4 text-zinc-800 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none dark:border-zinc-800 dark:bg-zinc-950 dark:text-zinc-100"
        >
          <CappedList items={exchange.raw} head={200} render={(line, i) => <WireEvent key={i} line={line} />} />
        </div>
      )}
      {exchange.truncated && <p className="mt-1 text-xs font-medium text-amber-700 dark:text-amber-300">{t('truncated')}</p>}
    </div>
  );
}

// One wire event (several SSE lines, or a whole JSON body); recorded lines never change.
const WireEvent = memo(function WireEvent({ line }: { line: WireLine }) {
  return <div className="border-b border-zinc-200 py-1 break-all whitespace-pre-wrap last:border-b-0 dark:border-zinc-800">{line.text}</div>;
});
