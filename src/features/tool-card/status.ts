import type { ToolCallStatus } from '../../core/conversation/types';

/** The chip text for every status; tests and screen readers rely on these exact words. */
export const STATUS_LABEL: Record<ToolCallStatus, string> = {
  streaming_args: 'Receiving arguments…',
  incomplete: 'Incomplete',
  invalid: 'Invalid',
  pending_approval: 'Waiting for approval',
  queued: 'Queued',
  running: 'Running',
  succeeded: 'Done',
  failed: 'Failed',
  rejected: 'Rejected',
  cancelled: 'Cancelled',
};

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

/** "0.4 s", "12.3 s", "2 min 05 s" — one decimal is enough to see a call is alive. */
export function formatDuration(ms: number): string {
  const safe = Math.max(0, ms);
  if (safe < 60_000) return `${(safe / 1000).toFixed(1)} s`;
  const totalSeconds = Math.floor(safe / 1000);
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  return `${minutes} min ${String(seconds).padStart(2, '0')} s`;
}
