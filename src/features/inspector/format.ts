import { formatNumber, type Locale, type Translator } from '../../i18n';
import type { TimedEvent } from '../../core/inspector';
import type { messages } from './messages';

/** The inspector's translator, passed to rows so each does not subscribe to the locale itself. */
export type InspectorT = Translator<keyof (typeof messages)['en'] & string>;
type T = InspectorT;

/** A duration the way a person reads it: "840 ms", "1.25 s", "2 min 5 s". */
export function formatDuration(ms: number, t: T, locale: Locale): string {
  if (ms < 1000) return t('ms', { n: formatNumber(Math.round(ms), locale) });
  if (ms < 60_000) return t('seconds', { n: formatNumber(ms / 1000, locale, { maximumFractionDigits: 2 }) });
  const total = Math.round(ms / 1000);
  return t('minutes', { m: formatNumber(Math.floor(total / 60), locale), s: formatNumber(total % 60, locale) });
}

/** A time since the run began: "+0 ms", "+1.25 s". */
export function formatOffset(ms: number, t: T, locale: Locale): string {
  return `+${formatDuration(Math.max(0, ms), t, locale)}`;
}

const PREVIEW = 80;

/** Cuts a string for a one-line preview, keeping it readable as a JSON string literal. */
function quoted(text: string): string {
  const cut = text.length > PREVIEW ? `${text.slice(0, PREVIEW)}…` : text;
  return JSON.stringify(cut);
}

/**
 * One line for a normalized event, after its type: what a developer scans for. Protocol data, so it
 * is not translated (it names fields and values as they are on the wire).
 */
export function eventDetail(e: TimedEvent['event']): string {
  switch (e.type) {
    case 'text-delta':
    case 'reasoning-delta':
    case 'refusal-delta':
      return quoted(e.text);
    case 'warning':
      return `${e.code}${e.visible ? ' (visible)' : ''} — ${e.message}`;
    case 'tool-call-start':
      return `#${e.index} ${e.name} ${e.id}`;
    case 'tool-call-delta':
      return `#${e.index} ${quoted(e.argsText)}`;
    case 'tool-call-end':
      return `#${e.index} ${e.name} ${quoted(e.argsText)}${e.parseError ? ` — ${e.parseError}` : ''}`;
    case 'reasoning-block':
      return e.block.type;
    case 'finish': {
      const usage = e.usage ? ` · in ${e.usage.inputTokens ?? '?'} · out ${e.usage.outputTokens ?? '?'}` : '';
      return `${e.reason ?? 'null'}${e.rawReason && e.rawReason !== e.reason ? ` (${e.rawReason})` : ''}${usage}`;
    }
    case 'retrying':
      return `attempt ${e.attempt}/${e.maxAttempts} in ${e.inMs} ms — ${e.reason}`;
  }
}
