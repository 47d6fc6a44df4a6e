import type { ModelMessage, ToolSpec } from '../protocols/types';
import { buildTranscript } from './transcript';
import type { Message } from './types';
import { estimateMessageTokens, estimateTokens, estimateToolsTokens, prefixWithinTokens, REPLY_PRIMING } from './token-estimate';

export interface BudgetOptions {
  systemPrompt?: string;
  /** The model's context window in tokens. */
  contextTokens: number;
  /** Room left for the answer; default min(4096, 25% of the context). */
  reserveTokens?: number;
  /** Cap per tool result; default 4000, or a quarter of the budget when that is smaller. */
  resultTokens?: number;
  /** Tool definitions sent with the request; they take room too. */
  tools?: readonly ToolSpec[];
}

export interface BudgetResult {
  transcript: ModelMessage[];
  /** The first message of the path the model sees; null when nothing was dropped. */
  firstKeptId: string | null;
  /** How many messages of the path were left out. */
  dropped: number;
  /** Estimated tokens of the request (messages and tools, without the reserve). */
  estimatedTokens: number;
  /** What the request may use: the context minus the reserve. */
  budgetTokens: number;
}

/** Context room kept free for the answer when none is configured. */
export function defaultReserve(contextTokens: number): number {
  return Math.max(0, Math.min(4096, Math.floor(contextTokens * 0.25)));
}

/** Per-result cap when none is configured: 4000 tokens, or a quarter of a small budget. */
export function defaultResultTokens(budgetTokens: number): number {
  return Math.min(4000, Math.max(100, Math.floor(budgetTokens / 4)));
}

/**
 * The transcript for `path` trimmed to the model's context: the system prompt is always kept; whole
 * exchanges (a user message with the assistant turn that answers it, tool calls and their results
 * together) are dropped oldest first, so what is sent starts with a user message and never holds a
 * result without its call; the newest exchange — the newest user message and the current turn's
 * rounds so far — is always sent, even when it alone is over budget. Tool results over the
 * per-result budget are cut with a marker.
 */
export function fitToBudget(path: Message[], opts: BudgetOptions): BudgetResult {
  const budgetTokens = opts.contextTokens - (opts.reserveTokens ?? defaultReserve(opts.contextTokens));
  const resultTokens = opts.resultTokens ?? defaultResultTokens(budgetTokens);
  const system = buildTranscript([], opts.systemPrompt);
  const fixed = REPLY_PRIMING + system.reduce((n, m) => n + estimateMessageTokens(m), 0) + estimateToolsTokens(opts.tools ?? []);

  const exchanges = groupExchanges(path, resultTokens);
  let first = exchanges.length;
  let total = fixed;
  for (let i = exchanges.length - 1; i >= 0; i--) {
    const isNewest = i === exchanges.length - 1;
    if (!isNewest && total + exchanges[i].tokens > budgetTokens) break;
    total += exchanges[i].tokens;
    first = i;
  }
  const kept = exchanges.slice(first);
  const keptCount = kept.reduce((n, e) => n + e.ids.length, 0);
  const dropped = path.length - keptCount;
  return {
    transcript: [...system, ...kept.flatMap((e) => e.messages)],
    firstKeptId: dropped > 0 && kept.length ? kept[0].ids[0] : null,
    dropped,
    estimatedTokens: total,
    budgetTokens,
  };
}

interface Exchange {
  /** Path message ids, the user message first. */
  ids: string[];
  messages: ModelMessage[];
  tokens: number;
}

// Messages before the first user message cannot start a request, so they belong to no exchange
// and are always left out (a path normally starts with a user message anyway).
function groupExchanges(path: Message[], resultTokens: number): Exchange[] {
  const out: Exchange[] = [];
  for (const m of path) {
    if (m.role === 'user') out.push({ ids: [], messages: [], tokens: 0 });
    const current = out[out.length - 1];
    if (!current) continue;
    const messages = buildTranscript([m]).map((mm) => (mm.role === 'tool' ? { ...mm, content: truncateResult(mm.content, resultTokens) } : mm));
    current.ids.push(m.id);
    current.messages.push(...messages);
    current.tokens += messages.reduce((n, mm) => n + estimateMessageTokens(mm), 0);
  }
  return out;
}

/** Cuts a tool result to about `maxTokens`, saying how much of it the model sees. */
export function truncateResult(content: string, maxTokens: number): string {
  if (estimateTokens(content) <= maxTokens) return content;
  const marker = (shown: number) => `\n…[truncated to fit the context: ${shown} of ${content.length} characters]`;
  // The marker with the full length has at least as many digits as the final one, so this is an upper bound.
  const end = prefixWithinTokens(content, maxTokens - estimateTokens(marker(content.length)));
  return content.slice(0, end) + marker(end);
}
