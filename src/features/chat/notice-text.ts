import type { TurnNotice } from '../../core/conversation/types';
import type { Translator } from '../../i18n';
import type { messages } from './messages';

/** A run notice in the reader's language; conversations saved before notices had codes show their text. */
export function noticeText(code: TurnNotice | undefined, text: string | undefined, t: Translator<keyof typeof messages.en>): string | undefined {
  if (code?.code === 'max_rounds') return t('maxRounds', { rounds: code.rounds });
  if (code?.code === 'stopped_after_round') return t('stoppedAfterRound');
  if (code?.code === 'interrupted') return t('interrupted');
  if (code?.code === 'declined') return code.text ? t('declinedSaid', { text: code.text }) : t('declined');
  if (code?.code === 'content_filter') return t('contentFilter');
  if (code?.code === 'pause_turn') return t('pauseTurn');
  if (code?.code === 'finish_reason') return t('unknownFinish', { reason: code.reason });
  if (code?.code === 'not_shown') return t('notShown', { count: code.count });
  return text;
}
