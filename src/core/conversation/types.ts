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

/** What every call has, whatever its status. */
export interface CallBase {
  /** Provider call id, unique within the conversation. */
  id: string;
  name: string;
  round: number;
  /** Raw arguments exactly as streamed by the model. */
  argsText: string;
  /** Parsed original arguments once complete. */
  args?: unknown;
  parseError?: string;
  /** How the call was decided: run at once, or ask the user first. */
  policy?: ToolPolicy;
  /** Arguments the user changed to before running (history keeps the original call). */
  editedArgs?: unknown;
  /** The tool's last progress report (kept once settled, so the card shows how far it got). */
  progress?: ToolProgress;
  /** Text streamed by the tool's `content` events. */
  content?: string;
  startedAt?: number;
}

/** The fields only a settled call may carry; an unsettled one has none of them. */
interface NoResult {
  outcome?: never;
  resultText?: never;
  validationError?: never;
  rejectReason?: never;
  denied?: never;
  unknownTool?: never;
  endedAt?: never;
}

/** A tool's outcome that failed: it always says why. */
export type FailedOutcome = ToolOutcome & { error: NonNullable<ToolOutcome['error']> };

/**
 * One tool call, keyed on its status, so what a status may carry is the type's business: a running
 * call cannot hold a result, a succeeded or failed one always holds its outcome and the text the model
 * sees, an invalid one always says why (the validator's error, or the user's permissions).
 * Fields a status does not have are typed `never`, so reading `call.resultText` on any call is fine
 * while setting it on the wrong one does not compile.
 */
export type ToolCallState =
  | (CallBase & NoResult & { status: 'streaming_args' })
  | (CallBase & NoResult & { status: 'pending_approval' })
  | (CallBase & NoResult & { status: 'queued' })
  | (CallBase & NoResult & { status: 'running'; startedAt: number })
  | (CallBase & Settled & { status: 'succeeded'; outcome: ToolOutcome; resultText: string; validationError?: never; rejectReason?: never; denied?: never; unknownTool?: never })
  | (CallBase & Settled & { status: 'failed'; outcome: FailedOutcome; resultText: string; validationError?: never; rejectReason?: never; denied?: never; unknownTool?: never })
  | (CallBase &
      Settled & { status: 'invalid'; resultText: string; outcome?: never; rejectReason?: never } & (
        | {
            /** Schema, parse or unknown-tool error found before asking or running. */
            validationError: string;
            /** The model called a tool that does not exist here (the call was not run and cannot be re-run). */
            unknownTool?: true;
            denied?: never;
          }
        | { /** The user's tool permissions refuse this tool (set to Never): the call was not run. */ denied: true; validationError?: never; unknownTool?: never }
      ))
  | (CallBase & Settled & { status: 'rejected'; resultText: string; rejectReason?: string; denied?: true; outcome?: never; validationError?: never; unknownTool?: never })
  | (CallBase & Settled & { status: 'cancelled'; resultText?: string; denied?: true; outcome?: never; validationError?: never; rejectReason?: never; unknownTool?: never })
  | (CallBase & Settled & { status: 'incomplete'; resultText?: string; outcome?: never; validationError?: never; rejectReason?: never; denied?: never; unknownTool?: never });

/** When a settled call ended (absent on calls settled before they ever ran, in older saves). */
interface Settled {
  endedAt?: number;
}

/** The calls in one status, e.g. `CallIn<'running'>`. */
export type CallIn<S extends ToolCallStatus> = Extract<ToolCallState, { status: S }>;

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
