import type { ToolCallState } from '../../core/conversation/types';
import { JsonView } from '../chat/markdown/json-view';
import { useT } from '../../i18n';
import { messages } from './messages';
import { resultCodeFields } from '../code/code-fields';
import { CopyResultButton } from './card-copy';

// Short results are worth seeing at a glance; long ones would push the conversation away.
const SHORT_CHARS = 400;
const SHORT_LINES = 12;

export function isShortResult(value: unknown): boolean {
  const text = typeof value === 'string' ? value : safeStringify(value);
  return text.length <= SHORT_CHARS && text.split('\n').length <= SHORT_LINES;
}

function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value, null, 2) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Outcome of a settled call: result, error, rejection or cancellation. */
export function CallResult({ call }: { call: ToolCallState }) {
  const { status, outcome } = call;
  const t = useT(messages);

  if (call.denied) return null; // the card's permission notice explains it
  if (status === 'rejected') {
    return (
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        {call.rejectReason ? (
          <>
            {t('rejectedBecause')} <span className="break-words italic">{call.rejectReason}</span>
          </>
        ) : (
          t('rejectedNoReason')
        )}
      </p>
    );
  }

  if (status === 'cancelled') {
    return <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('cancelled')}</p>;
  }

  if (status === 'failed') {
    const message = outcome?.error?.message ?? call.resultText ?? t('failedNoMessage');
    return (
      <details open className="group rounded-lg border border-red-200 bg-red-50 dark:border-red-900/60 dark:bg-red-950/40">
        <Summary label={t('error')} truncated={outcome?.truncated} tone="danger" />
        <div className="px-3 pb-3 text-sm text-red-800 dark:text-red-200">
          <p className="break-words whitespace-pre-wrap">{message}</p>
          {outcome?.error?.code && <p className="mt-1 font-mono text-xs opacity-80">{t('errorCode', { code: outcome.error.code })}</p>}
          <CopyResultButton value={message} error />
        </div>
      </details>
    );
  }

  if (status === 'succeeded') {
    const value = outcome && outcome.value !== undefined ? outcome.value : (outcome?.text ?? call.resultText);
    return (
      <details
        open={isShortResult(value)}
        className="group rounded-lg border border-zinc-200 bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-800/50"
      >
        <Summary label={t('result')} truncated={outcome?.truncated} tone="success" />
        <div className="px-3 pb-3">
          {value === undefined ? (
            <p className="text-xs text-zinc-500 dark:text-zinc-400">{t('noResult')}</p>
          ) : typeof value === 'string' ? (
            <pre className="max-h-80 overflow-auto font-mono text-xs whitespace-pre-wrap break-words text-zinc-800 dark:text-zinc-200">
              {value}
            </pre>
          ) : (
            <JsonView value={value} codeFields={resultCodeFields(call.name, call.args, value)} />
          )}
          {value !== undefined && <CopyResultButton value={value} />}
        </div>
      </details>
    );
  }

  return null;
}

function Summary({ label, truncated, tone }: { label: string; truncated?: boolean; tone: 'success' | 'danger' }) {
  const t = useT(messages);
  const color =
    tone === 'danger' ? 'text-red-800 dark:text-red-200' : 'text-zinc-700 dark:text-zinc-300';
  return (
    <summary
      className={`flex cursor-pointer items-center gap-2 rounded-lg px-3 py-2 text-xs font-medium select-none focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none ${color}`}
    >
      <span aria-hidden="true" className="transition-transform group-open:rotate-90">
        ▸
      </span>
      {label}
      {truncated && (
        <span
          title={t('truncatedHint')}
          className="rounded-full bg-amber-100 px-2 py-0.5 text-[11px] font-normal text-amber-800 dark:bg-amber-900/50 dark:text-amber-200"
        >
          {t('truncated')}
        </span>
      )}
    </summary>
  );
}
