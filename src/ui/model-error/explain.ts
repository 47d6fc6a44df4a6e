import { translator, type Locale } from '../../i18n';
import { messages } from './messages';

export interface ErrorLike {
  kind: string;
  status?: number;
  message: string;
}

const KINDS = new Set(['auth', 'forbidden', 'not_found', 'rate_limit', 'server', 'bad_request', 'network', 'timeout', 'stream', 'aborted']);

/**
 * A model error's explanation in the interface language, or null in English: there the message
 * the core wrote already is the explanation, with the provider's details in it. In another
 * language the explanation goes first and the original message stays visible as the detail.
 */
export function explainModelError(error: ErrorLike, locale: Locale): string | null {
  if (locale === 'en') return null;
  const t = translator(messages, locale);
  // Quota 429s are told apart by the lead the core gives them (there is no separate kind).
  const key = error.kind === 'rate_limit' && /^Out of quota/.test(error.message) ? 'quota' : KINDS.has(error.kind) ? (error.kind as keyof typeof messages.en) : 'unknown';
  const explanation = t(key);
  // The status goes inside the sentence, before its full stop.
  return error.status !== undefined && key !== 'aborted' ? t('withStatus', { explanation: explanation.replace(/[。.]$/, ''), status: error.status }) : explanation;
}
