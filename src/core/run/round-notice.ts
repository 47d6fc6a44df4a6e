import type { TurnNotice } from '../conversation/types';

function notShown(count: number): { notice: string; noticeCode: TurnNotice } {
  return { notice: `${count} part(s) of this answer came in a form Callstream cannot show; the inspector lists them.`, noticeCode: { code: 'not_shown', count } };
}

// Stop words that mean the answer simply ended (or ended to call tools): nothing to explain.
const ORDINARY = new Set(['stop', 'end_turn', 'stop_sequence', 'tool_calls', 'tool_use', 'function_call', 'eos', 'completed']);
const LENGTH = new Set(['length', 'max_tokens', 'max_output_tokens', 'model_context_window_exceeded']);
// Gemini's names (through gateways) and Responses' incomplete reason beside OpenAI's own.
const FILTER = new Set(['content_filter', 'safety', 'recitation', 'prohibited_content', 'blocklist', 'spii']);

/** What one round's stream said that the turn should tell the reader, beyond its text and calls. */
export interface RoundSignals {
  rawReason: string | null | undefined;
  /** The model's refusal words, when it declined (OpenAI `refusal`). */
  refusal: string;
  /** How many pieces carrying words the decoder could not show (visible warnings). */
  notShown: number;
}

/**
 * The notice a round earns, most important first: a refusal, then the provider's reason for
 * stopping, then parts that could not be shown. `notice` is the English text for exports.
 */
export function roundNotice(s: RoundSignals): { notice: string; noticeCode: TurnNotice } | null {
  const raw = s.rawReason?.toLowerCase() ?? null;
  if (s.refusal || raw === 'refusal') {
    const words = s.refusal.trim();
    return { notice: `The model declined to answer.${words ? ` It said: “${words}”` : ''}`, noticeCode: { code: 'declined', text: words } };
  }
  if (raw && FILTER.has(raw)) return { notice: "The provider's content filter stopped this answer.", noticeCode: { code: 'content_filter' } };
  if (raw === 'pause_turn')
    return { notice: 'The provider paused this turn in the middle of a long step. Send a message to let the model continue.', noticeCode: { code: 'pause_turn' } };
  // A cut at the token limit has its own note under the answer (cut-off-note.tsx), with Continue.
  if (raw && LENGTH.has(raw)) return s.notShown > 0 ? notShown(s.notShown) : null;
  if (s.notShown > 0) return notShown(s.notShown);
  if (raw && !ORDINARY.has(raw))
    return { notice: `The provider ended the answer with a reason Callstream does not know: “${s.rawReason}”.`, noticeCode: { code: 'finish_reason', reason: s.rawReason! } };
  return null;
}
