import type { ChatSnapshot } from '../../core/run/chat-controller';
import { findTurn } from '../../core/run/turn-updates';
import type { RetryInfo } from '../../core/protocols/retry-policy';
import type { Translator } from '../../i18n';
import type { statusMessages } from './messages';

type StatusT = Translator<keyof typeof statusMessages.en>;

/** After this long without a byte from the server, the status says so (the watchdog gives up much later). */
export const QUIET_NOTICE_MS = 10_000;

/**
 * A short sentence for what the run is doing, for the composer and screen readers. `quietSince`: when
 * the streaming server last sent something (ChatController.quietSince), to tell a stalled stream apart.
 */
export function runStatusText(snap: ChatSnapshot, t: StatusT, now = Date.now(), quietSince: number | null = null): string {
  const { phase } = snap.run;
  if (phase === 'idle') return '';
  if (phase === 'generating') {
    if (snap.retrying) return retryText(snap.retrying, t, now - snap.retrying.since);
    return quietSince !== null && now - quietSince >= QUIET_NOTICE_MS ? t('quiet', { seconds: QUIET_NOTICE_MS / 1000 }) : t('generating');
  }
  const calls = Object.values(findTurn(snap.conversation, snap.turnId)?.calls ?? {});
  const pending = calls.filter((c) => c.status === 'pending_approval').length;
  const running = calls.filter((c) => c.status === 'running' || c.status === 'queued').length;
  const runningText = running ? t(running === 1 ? 'runningToolsOne' : 'runningTools', { count: running }) : '';
  if (phase === 'awaiting_confirmation') {
    const waiting = t(pending === 1 ? 'waitingOne' : 'waiting', { count: pending });
    return runningText ? `${waiting} · ${runningText}` : waiting;
  }
  return runningText ? `${runningText}…` : t('finishing');
}

/** "Rate limited — retrying in 3 s (attempt 2 of 3)", `waitedMs` into the wait, with the reason in the reader's language. */
export function retryText(info: RetryInfo, t: StatusT, waitedMs = 0): string {
  const seconds = Math.max(1, Math.ceil((info.inMs - waitedMs) / 1000));
  return t('retrying', { reason: retryReason(info, t), seconds, attempt: info.attempt, max: info.maxAttempts });
}

// The retry policy names its reasons in English; these are the ones it gives.
function retryReason(info: RetryInfo, t: StatusT): string {
  if (info.reason === 'Rate limited') return t('rateLimited');
  if (info.reason === 'Connection failed') return t('connectionFailed');
  const server = /^Server error \(HTTP (.+)\)$/.exec(info.reason);
  if (server) return t('serverError', { status: server[1] });
  return info.reason;
}
