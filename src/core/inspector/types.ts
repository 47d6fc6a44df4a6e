import type { TurnOutcome } from '../conversation/types';
import type { ProtocolId } from '../protocols/protocol-id';
import type { FinishReason, ModelError, ModelEvent, ModelMessage, ToolSpec, Usage } from '../protocols/types';

/** A normalized event as it arrived, `raw` wire copies excluded (those live on their exchange). */
export interface TimedEvent {
  at: number;
  event: Exclude<ModelEvent, { type: 'raw' }>;
}

/** One line of the transition log, with the call it concerns when it is a call's own transition. */
export interface TransitionRecord {
  at: number;
  /** Recording order across the run's transitions and round milestones (several can share a millisecond). */
  order: number;
  event: string;
  from: string;
  to: string;
  ok: boolean;
  reason?: string;
  call?: { id: string; name: string };
}

/** One wire event (an SSE event's lines, or a whole JSON body) exactly as it arrived. */
export interface WireLine {
  at: number;
  text: string;
}

/** One HTTP exchange of a round; retries and the prompted fallback make more than one. */
export interface WireExchange {
  /** null when a client yielded wire text without reporting its request. */
  protocol: ProtocolId | null;
  method: string;
  url: string;
  /** Secrets already replaced by `[redacted]`. */
  headers: Record<string, string>;
  /** The body as sent, secrets already replaced by `[redacted]`. */
  body: unknown;
  startedAt: number;
  respondedAt?: number;
  status?: number;
  contentType?: string | null;
  raw: WireLine[];
  rawChars: number;
  /** The raw text reached the cap; later wire events were not kept. */
  truncated: boolean;
}

export type RoundEndOutcome = 'ok' | 'aborted' | 'error';

/** One round of a run: one request to the model and everything that came back. */
export interface RecordedRound {
  /** 0-based index of the round within its turn. */
  index: number;
  model: string;
  startedAt: number;
  endedAt?: number;
  outcome?: RoundEndOutcome;
  error?: Pick<ModelError, 'kind' | 'message' | 'status'>;
  /** The provider-neutral request (the wire bodies are on the exchanges). */
  request: { messages: ModelMessage[]; tools: ToolSpec[] };
  exchanges: WireExchange[];
  events: TimedEvent[];
  /** Streamed deltas not kept because the round passed the event cap (structural events always are). */
  droppedEvents: number;
  firstTokenAt?: number;
  usage?: Usage;
  finishReason?: FinishReason;
  /** Everything the model produced (text, reasoning, arguments), for a token estimate when no usage came. */
  outputText: string;
  /** Recording order of the round's milestones, comparable with TransitionRecord.order. */
  order: { start: number; firstToken?: number; end?: number };
}

/** One execution of a tool call (a re-run makes another). */
export interface CallTiming {
  callId: string;
  name: string;
  startedAt: number;
  endedAt?: number;
  status: string;
}

/** One run: the loop started by send, regenerate, edit, retry or re-run, until it is idle again. */
export interface RecordedRun {
  id: string;
  seq: number;
  turnId: string | null;
  startedAt: number;
  endedAt?: number;
  outcome?: TurnOutcome;
  /** The last user message the run answered, for the run picker. */
  prompt?: string;
  transitions: TransitionRecord[];
  droppedTransitions: number;
  rounds: RecordedRound[];
  calls: CallTiming[];
}
