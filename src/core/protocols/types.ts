import type { ProtocolId } from './protocol-id';

/** Normalized model events: every protocol adapter (and the offline demo model) produces these. */
export type FinishReason = 'stop' | 'tool_calls' | 'length' | 'content_filter' | 'error' | 'aborted' | null;

export type ModelEvent =
  | { type: 'text-delta'; text: string }
  | { type: 'reasoning-delta'; text: string }
  /** The model declined to answer (OpenAI `refusal`): its words, shown as "The model declined". */
  | { type: 'refusal-delta'; text: string }
  /**
   * Something in the stream the decoder did not turn into text, reasoning, a call or a known no-op.
   * Never silent: the inspector lists it, and when `visible` (it carried words meant for the user)
   * the turn gets a notice. `data` is the piece as it arrived.
   */
  | { type: 'warning'; code: DecodeWarningCode; message: string; visible: boolean; data?: unknown }
  | {
      type: 'tool-call-start';
      index: number;
      id: string;
      name: string;
      /** True when the provider sent no id and this one was made up (legacy `function_call`). */
      syntheticId?: boolean;
    }
  | { type: 'tool-call-delta'; index: number; argsText: string }
  | {
      type: 'tool-call-end';
      index: number;
      id: string;
      name: string;
      /** Parsed arguments, or undefined when they never became valid JSON. */
      args: unknown;
      argsText: string;
      parseError?: string;
    }
  /** A finished reasoning block that must be sent back verbatim (Anthropic thinking signatures). */
  | { type: 'reasoning-block'; block: ReasoningBlock }
  | { type: 'finish'; reason: FinishReason; rawReason?: string | null; usage?: Usage }
  /**
   * A copy of one wire event for the inspector, never needed to follow the answer: `data` is the
   * parsed payload, `text` the event exactly as it arrived (its SSE lines, or the JSON body).
   */
  | { type: 'raw'; data: unknown; text?: string }
  /** The request failed before any output and will be sent again after `inMs` (see retry-policy). */
  | { type: 'retrying'; attempt: number; maxAttempts: number; inMs: number; reason: string };

/** Why a decoder reported something instead of turning it into output. */
export type DecodeWarningCode =
  | 'unknown_part'
  | 'unknown_field'
  | 'unknown_event'
  | 'unknown_block'
  | 'unexpected_value'
  | 'unnamed_call'
  | 'shared_call_id'
  | 'ignored_event';

export interface Usage {
  inputTokens?: number;
  outputTokens?: number;
}

/**
 * Opaque reasoning the provider wants back unchanged on later requests: Anthropic `thinking` /
 * `redacted_thinking`, and OpenAI Responses `reasoning` items (sent back with `store: false`).
 */
export type ReasoningBlock =
  | { type: 'thinking'; thinking: string; signature: string }
  | { type: 'redacted_thinking'; data: string }
  | { type: 'openai_reasoning'; id: string; encrypted: string; summary: string[] };

/** One message of the transcript sent to a model, provider-neutral. */
export type ModelMessage =
  | { role: 'system'; content: string }
  | { role: 'user'; content: string }
  | {
      role: 'assistant';
      content: string;
      reasoning?: string;
      /** Signed reasoning blocks of this round, in order; sent back by protocols that need them. */
      reasoningBlocks?: ReasoningBlock[];
      toolCalls?: ModelToolCall[];
    }
  | { role: 'tool'; toolCallId: string; name: string; content: string };

export interface ModelToolCall {
  id: string;
  name: string;
  /** The arguments exactly as the model produced them (history stays honest). */
  argsText: string;
}

export interface ToolSpec {
  name: string;
  description: string;
  parameters: Record<string, unknown>;
}

export interface ModelRequest {
  messages: ModelMessage[];
  tools: ToolSpec[];
  signal: AbortSignal;
  /** Told about every HTTP exchange (for the inspector); wrappers pass it on to the client they call. */
  onWire?: (event: WireEvent) => void;
}

/**
 * What a protocol client reports about one HTTP exchange. Headers that carry the API key are
 * already replaced by `[redacted]`: the key itself is never part of a wire event.
 */
export type WireEvent =
  | { type: 'request'; protocol: ProtocolId; method: 'POST'; url: string; headers: Record<string, string>; body: unknown }
  | { type: 'response'; status: number; contentType: string | null };

/** The value that stands in for a secret in everything the inspector shows or exports. */
export const REDACTED = '[redacted]';

/** A model endpoint: streams normalized events for one round. */
export interface ModelClient {
  readonly label: string;
  stream(request: ModelRequest): AsyncIterable<ModelEvent>;
}

export type ModelErrorKind =
  | 'auth'
  | 'forbidden'
  | 'not_found'
  | 'rate_limit'
  | 'server'
  | 'bad_request'
  | 'network'
  | 'timeout'
  | 'stream'
  | 'aborted';

/** A failure talking to a model, already classified for the user. Never contains the API key. */
export class ModelError extends Error {
  readonly kind: ModelErrorKind;
  readonly status?: number;
  readonly retryAfterMs?: number;
  /** The provider's machine-readable error code when it sent one (e.g. OpenAI `insufficient_quota`). */
  readonly code?: string;
  constructor(kind: ModelErrorKind, message: string, opts: { status?: number; retryAfterMs?: number; code?: string } = {}) {
    super(message);
    this.name = 'ModelError';
    this.kind = kind;
    this.status = opts.status;
    this.retryAfterMs = opts.retryAfterMs;
    this.code = opts.code;
  }
}
