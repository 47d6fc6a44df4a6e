import type { CallRefusal } from '../../core/run/refusals';
import { currentLocale, translator } from '../../i18n';
import { messages } from './messages';

/** Why the run refused an approval or a re-run, in the interface language. */
export function refusalText(refusal: CallRefusal): string {
  const t = translator(messages, currentLocale());
  switch (refusal.code) {
    case 'not_waiting':
      return t('notWaiting');
    case 'not_in_latest':
      return t('notInLatestAnswer');
    case 'after_round':
      return t('rerunAfterRound');
    case 'unavailable':
      return t('toolUnavailable');
    case 'denied':
      return t('toolDenied');
    case 'not_resumed':
      return t('notResumed');
    case 'invalid':
      // The schema validator's own words: paths and keywords read the same in every language.
      return refusal.message;
  }
}
