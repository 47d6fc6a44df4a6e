import type { FinishReason, ReasoningBlock } from '../protocols/types';
import type { ToolOutcome, ToolPolicy, ToolProgress } from '../tools/types';

/** Lifecycle of one tool call (DESIGN.md): streaming_args -> pending_approval | queued -> running -> settled. */
export type ToolCallStatus =
  | 'streaming_args'
  | 'incomplete'
  | 'invalid'
  | 'pending_approval'
  | 'queued'
  | 'running'
  | 'succeeded'
  | 'failed'
  | 'rejected'
  | 'cancelled';

export interface ToolCallState {
  /** Provider call id, unique within the conversation. */
  id: string;
  name: string;
  round: number;
  /** Raw arguments exactly as streamed by the model. */
  argsText: string;
  /** Parsed original arguments once complete. */
  args?: unknown;
  parseError?: string;
  /** Schema or unknown-tool error found before asking or running. */
  validationError?: string;
  /** The model called a tool that does not exist here (the call was not run and cannot be re-run). */
  unknownTool?: true;
  status: ToolCallStatus;
  policy?: ToolPolicy;
  /** Arguments the user changed to before running (history keeps the original call). */
  editedArgs?: unknown;
  rejectReason?: string;
  /** The user's tool permissions refuse this tool (set to Never): the call was not run. */
  denied?: boolean;
  progress?: ToolProgress;
  /** Text streamed by the tool's `content` events. */
  content?: string;
  outcome?: ToolOutcome;
  /** What the model sees as this call's result (set when the call settles). */
  resultText?: string;
  startedAt?: number;
  endedAt?: number;
}

export type Part =
  | { type: 'text'; text: string }
  | { type: 'reasoning'; text: string }
  | { type: 'tool-call'; callId: string };

export interface Round {
  parts: Part[];
  finishReason?: FinishReason;
  /** Signed thinking blocks (Anthropic) that must go back verbatim with this round's tool calls. */
  reasoningBlocks?: ReasoningBlock[];
}

export interface UserMessage {
  id: string;
  /** The message this one answers or follows; null for the first message. Siblings are branches. */
  parentId: string | null;
  role: 'user';
  text: string;
  createdAt: number;
}

export type TurnOutcome = 'completed' | 'stopped' | 'failed' | 'max_rounds';

export interface TurnError {
  message: string;
  kind: string;
  status?: number;
}

/** The notices the run writes; `notice` holds the same in English for exports and older versions. */
export type TurnNotice =
  | { code: 'max_rounds'; rounds: number }
  | { code: 'stopped_after_round' }
  | { code: 'interrupted' }
  /** The model declined to answer; `text` holds its own words ("" when it gave none). */
  | { code: 'declined'; text: string }
  /** The provider's own stop reason explains why the answer ended (see core/run/round-notice.ts). */
  | { code: 'content_filter' }
  | { code: 'pause_turn' }
  | { code: 'finish_reason'; reason: string }
  /** Parts of the answer came in a shape Callstream cannot show; the inspector lists them. */
  | { code: 'not_shown'; count: number };

export interface AssistantMessage {
  id: string;
  parentId: string | null;
  role: 'assistant';
  createdAt: number;
  /** Label of the model that answered (e.g. "Demo (offline)" or the model id). */
  model: string;
  rounds: Round[];
  calls: Record<string, ToolCallState>;
  /** Set when the run that produced this turn has ended. */
  outcome?: TurnOutcome;
  error?: TurnError;
  /** A visible notice, e.g. the max-rounds guard or "stopped after this round". */
  notice?: string;
  /** What `notice` says, so the interface can word it in the reader's language (older saves have only the text). */
  noticeCode?: TurnNotice;
  /** First message the model saw for this turn when older ones did not fit its context. */
  contextStartId?: string;
  /** The user ran this turn's one tool call themselves (a slash command); no model was asked. */
  direct?: true;
}

export type Message = UserMessage | AssistantMessage;

export interface Conversation {
  id: string;
  title: string;
  /** Every message of every branch, in creation order (see tree.ts for the active path). */
  messages: Message[];
  /** At each fork, the child on the active path; keyed by parent id ('' for the first message). */
  activeChild: Record<string, string>;
  /** Instructions for this conversation only, sent as the system prompt (saved and exported with it). */
  systemPrompt?: string;
  createdAt: number;
  updatedAt: number;
}
