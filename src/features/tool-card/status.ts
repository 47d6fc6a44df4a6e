import type { ToolCallStatus } from '../../core/conversation/types';
import { intlLocale, translator, type Locale } from '../../i18n';
import { messages, statusMessages } from './messages';

/** The English chip text for every status; tests and screen readers rely on these exact words. */
export const STATUS_LABEL: Record<ToolCallStatus, string> = statusMessages.en;

export type StatusTone = 'neutral' | 'waiting' | 'active' | 'success' | 'danger';

export const STATUS_TONE: Record<ToolCallStatus, StatusTone> = {
  streaming_args: 'neutral',
  incomplete: 'danger',
  invalid: 'danger',
  pending_approval: 'waiting',
  queued: 'active',
  running: 'active',
  succeeded: 'success',
  failed: 'danger',
  rejected: 'neutral',
  cancelled: 'neutral',
};

/** Statuses after which a call can only be re-run, never resumed. */
export const SETTLED: ReadonlySet<ToolCallStatus> = new Set<ToolCallStatus>([
  'succeeded',
  'failed',
  'cancelled',
  'rejected',
  'invalid',
  'incomplete',
]);

export function isSettled(status: ToolCallStatus): boolean {
  return SETTLED.has(status);
}

export function isInFlight(status: ToolCallStatus): boolean {
  return status === 'running' || status === 'queued';
}

/** "0.4 s", "12.3 s", "2 min 05 s" (0.4 秒, 2 分 05 秒) — one decimal is enough to see a call is alive. */
export function formatDuration(ms: number, locale: Locale = 'en'): string {
  const t = translator(messages, locale);
  const safe = Math.max(0, ms);
  if (safe < 60_000) {
    const seconds = new Intl.NumberFormat(intlLocale(locale), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(Math.floor(safe / 100) / 10);
    return t('seconds', { seconds });
  }
  const totalSeconds = Math.floor(safe / 1000);
  const minutes = Math.floor(totalSeconds / 60);
  return t('minutes', { minutes, seconds: String(totalSeconds % 60).padStart(2, '0') });
}
