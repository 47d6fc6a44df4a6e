import { currentLocale, translator } from '../../i18n';
import { messages } from './messages';

// The controller answers a refused re-run with an English sentence (it also reaches logs and
// tests); these are the ones it gives, so the alert can say them in the reader's language.
const KNOWN: Record<string, keyof typeof messages.en> = {
  [messages.en.notInLatestAnswer]: 'notInLatestAnswer',
  [messages.en.rerunAfterRound]: 'rerunAfterRound',
  [messages.en.toolDenied]: 'toolDenied',
  [messages.en.toolUnavailable]: 'toolUnavailable',
};

/** Why a re-run was refused, in the interface language; an unknown reason (a schema error) stays as written. */
export function rerunProblemText(problem: string): string {
  const key = KNOWN[problem];
  return key ? translator(messages, currentLocale())(key) : problem;
}
