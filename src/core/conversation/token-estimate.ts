import type { ModelMessage, ToolSpec } from '../protocols/types';

/*
 * A calibrated token estimate, so the budget needs no tokenizer download (cl100k/o200k tables are
 * megabytes, and Anthropic's is not public). Weights per character follow the usual published
 * ratios and err slightly high, because overshooting the context costs a failed request while
 * undershooting only costs a little history:
 *   - ASCII letters, spaces and line breaks: 1/4 token (English prose runs ~4 chars/token;
 *     "The quick brown fox jumps over the lazy dog." is 10 cl100k tokens, estimated 12);
 *   - ASCII digits: 1/3 token (tokenizers split numbers into groups of up to three digits);
 *   - ASCII punctuation: 1/2 token (it merges with its neighbours less than letters do, which is
 *     why JSON and code run nearer 3 chars/token than prose's 4);
 *   - CJK ideographs, kana, hangul and full-width forms: 1 token each (cl100k a little over,
 *     o200k and Claude a little under);
 *   - other scripts in the BMP (accented Latin, Cyrillic, Greek, Arabic, Devanagari...): 1/2 token;
 *   - characters outside the BMP (emoji, rare ideographs other than CJK): 2 tokens.
 * Per message the chat formats add role and separator tokens; a tool call adds its id and framing.
 */
export const MESSAGE_OVERHEAD = 4;
export const TOOL_CALL_OVERHEAD = 8;
/** Tokens the API adds to prime the reply. */
export const REPLY_PRIMING = 3;
// Weights are counted in twelfths of a token so sums stay exact integers (1/3 is not a binary fraction).
const UNIT = 12;

/** Estimated tokens of a piece of text (see the calibration above); monotonic in appended text. */
export function estimateTokens(text: string): number {
  return Math.ceil(weightOf(text).weight / UNIT);
}

/**
 * The longest prefix of `text` (in UTF-16 units, never splitting a surrogate pair) whose estimate
 * stays within `maxTokens`.
 */
export function prefixWithinTokens(text: string, maxTokens: number): number {
  return weightOf(text, Math.max(0, maxTokens) * UNIT).end;
}

/** Estimated tokens of one transcript message, including the format's framing. */
export function estimateMessageTokens(m: ModelMessage): number {
  switch (m.role) {
    case 'assistant': {
      let n = MESSAGE_OVERHEAD + estimateTokens(m.content) + (m.reasoning ? estimateTokens(m.reasoning) : 0);
      for (const b of m.reasoningBlocks ?? [])
        n += estimateTokens(b.type === 'thinking' ? b.thinking + b.signature : b.type === 'redacted_thinking' ? b.data : b.encrypted + b.summary.join(''));
      for (const c of m.toolCalls ?? []) n += TOOL_CALL_OVERHEAD + estimateTokens(c.id) + estimateTokens(c.name) + estimateTokens(c.argsText);
      return n;
    }
    case 'tool':
      return MESSAGE_OVERHEAD + estimateTokens(m.toolCallId) + estimateTokens(m.content);
    default:
      return MESSAGE_OVERHEAD + estimateTokens(m.content);
  }
}

/** Estimated tokens of the tool definitions sent with every request. */
export function estimateToolsTokens(tools: readonly ToolSpec[]): number {
  return tools.reduce((n, t) => n + TOOL_CALL_OVERHEAD + estimateTokens(JSON.stringify(t)), 0);
}

/** Estimated tokens of a whole request: messages, tool definitions and the reply priming. */
export function estimateRequestTokens(messages: readonly ModelMessage[], tools: readonly ToolSpec[] = []): number {
  return messages.reduce((n, m) => n + estimateMessageTokens(m), REPLY_PRIMING) + estimateToolsTokens(tools);
}

// One pass serves both the estimate and the prefix search: stop before the character that would
// push the weight over `limit`.
function weightOf(text: string, limit = Infinity): { weight: number; end: number } {
  let weight = 0;
  let i = 0;
  while (i < text.length) {
    const code = text.codePointAt(i)!;
    const w = charWeight(code);
    if (weight + w > limit) break;
    weight += w;
    i += code > 0xffff ? 2 : 1;
  }
  return { weight, end: i };
}

function charWeight(c: number): number {
  if (c < 0x80) {
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c <= 0x20) return 3;
    if (c >= 0x30 && c <= 0x39) return 4;
    return 6;
  }
  if (isCjk(c)) return 12;
  return c > 0xffff ? 24 : 6;
}

function isCjk(c: number): boolean {
  return (
    (c >= 0x2e80 && c <= 0x9fff) || // radicals, CJK punctuation, kana, bopomofo, hangul jamo, ideographs
    (c >= 0xac00 && c <= 0xd7af) || // hangul syllables
    (c >= 0xf900 && c <= 0xfaff) || // compatibility ideographs
    (c >= 0xff00 && c <= 0xffef) || // half- and full-width forms
    (c >= 0x20000 && c <= 0x3ffff) // ideograph extensions B and later
  );
}
