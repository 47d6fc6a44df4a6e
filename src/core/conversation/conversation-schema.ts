import type { FinishReason, ReasoningBlock } from '../protocols/types';
import type { ToolOutcome, ToolProgress } from '../tools/types';
import { rejectionText } from './transcript';
import { deniedResultText } from '../permissions';
import type { AssistantMessage, CallBase, Conversation, Message, Part, Round, ToolCallState, ToolCallStatus, TurnError, TurnNotice, UserMessage } from './types';

/*
 * One reader per stored type, checking a value and copying only the type's own fields. Export runs
 * conversations through them (so nothing else — no settings, no key — can ride along, and every
 * export is importable); import runs untrusted files through them. The field tables are typed
 * `{ [K in keyof T]-?: Reader }`, so adding a field to a conversation type fails to compile here
 * until the export format says how to carry it.
 */

/** A value that does not have the shape of a stored conversation; `path` says where. */
export class SchemaError extends Error {
  constructor(
    readonly path: string,
    readonly expected: string,
  ) {
    super(`${path} should be ${expected}`);
    this.name = 'SchemaError';
  }
}

export type Reader<T> = (value: unknown, path: string) => T;

function fail(path: string, expected: string): never {
  throw new SchemaError(path, expected);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const str: Reader<string> = (v, p) => (typeof v === 'string' ? v : fail(p, 'a string'));
const id: Reader<string> = (v, p) => (typeof v === 'string' && v !== '' ? v : fail(p, 'a non-empty string'));
const num: Reader<number> = (v, p) => (typeof v === 'number' && Number.isFinite(v) ? v : fail(p, 'a number'));
const bool: Reader<boolean> = (v, p) => (typeof v === 'boolean' ? v : fail(p, 'true or false'));
// A flag stored only when set.
const yes: Reader<true> = (v, p) => (v === true ? v : fail(p, 'true'));
// Tool arguments and values are whatever JSON the model or tool produced.
const anyValue: Reader<unknown> = (v) => v;

function oneOf<const T extends string | null>(...values: T[]): Reader<T> {
  const expected = values.map((v) => JSON.stringify(v)).join(', ').replace(/, ([^,]*)$/, ' or $1');
  return (v, p) => (values.includes(v as T) ? (v as T) : fail(p, expected));
}

function optional<T>(read: Reader<T>): Reader<T | undefined> {
  return (v, p) => (v === undefined ? undefined : read(v, p));
}

function nullable<T>(read: Reader<T>): Reader<T | null> {
  return (v, p) => (v === null ? null : read(v, p));
}

function arrayOf<T>(read: Reader<T>): Reader<T[]> {
  return (v, p) => (Array.isArray(v) ? v.map((item, i) => read(item, `${p}[${i}]`)) : fail(p, 'a list'));
}

function recordOf<T>(read: Reader<T>): Reader<Record<string, T>> {
  return (v, p) => {
    if (!isRecord(v)) fail(p, 'an object');
    const out: Record<string, T> = {};
    for (const [key, item] of Object.entries(v as Record<string, unknown>)) out[key] = read(item, `${p}[${JSON.stringify(key)}]`);
    return out;
  };
}

function object<T>(fields: { [K in keyof T]-?: Reader<T[K]> }): Reader<T> {
  return (v, p) => {
    if (!isRecord(v)) fail(p, 'an object');
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(fields) as (keyof T & string)[]) {
      const value = fields[key](v[key], `${p}.${key}`);
      if (value !== undefined) out[key] = value;
    }
    return out as T;
  };
}

const STATUSES: ToolCallStatus[] = ['streaming_args', 'incomplete', 'invalid', 'pending_approval', 'queued', 'running', 'succeeded', 'failed', 'rejected', 'cancelled'];
const FINISH_REASONS: FinishReason[] = ['stop', 'tool_calls', 'length', 'content_filter', 'error', 'aborted', null];

const progress = object<ToolProgress>({ current: optional(num), total: optional(num), percentage: optional(num), message: optional(str) });

const outcome = object<ToolOutcome>({
  status: oneOf('succeeded', 'failed', 'cancelled'),
  value: anyValue,
  error: optional(object<NonNullable<ToolOutcome['error']>>({ message: str, code: optional(str) })),
  text: str,
  truncated: bool,
});

/** Every field any call status may carry, flat: how a call is stored. */
type StoredCall = CallBase & {
  status: ToolCallStatus;
  validationError?: string;
  unknownTool?: true;
  rejectReason?: string;
  denied?: boolean;
  outcome?: ToolOutcome;
  resultText?: string;
  endedAt?: number;
};
type KeysOfUnion<T> = T extends unknown ? keyof T : never;
// A field added to any call status must be added to StoredCall too (and so to the table below).
const storedCoversEveryField: Exclude<KeysOfUnion<ToolCallState>, keyof StoredCall> extends never ? true : false = true;
void storedCoversEveryField;

const storedCall = object<StoredCall>({
  id,
  name: str,
  round: num,
  argsText: str,
  args: anyValue,
  parseError: optional(str),
  validationError: optional(str),
  unknownTool: optional(yes),
  status: oneOf(...STATUSES),
  policy: optional(oneOf('auto', 'ask')),
  editedArgs: anyValue,
  rejectReason: optional(str),
  denied: optional(bool),
  progress: optional(progress),
  content: optional(str),
  outcome: optional(outcome),
  resultText: optional(str),
  startedAt: optional(num),
  endedAt: optional(num),
});

/**
 * A stored call as the variant of its status: what the status may not carry is dropped, what it must
 * carry is required — except where older saves left it out and it can be told from the rest (the
 * text the model saw for a rejection, the error of a failure).
 */
const toolCall: Reader<ToolCallState> = (v, p) => {
  const { status, validationError, unknownTool, rejectReason, denied, outcome, resultText, endedAt, ...base } = storedCall(v, p);
  const settled = endedAt !== undefined ? { endedAt } : {};
  const required = <T>(value: T | undefined, field: string, expected: string): T => value ?? fail(`${p}.${field}`, `${expected} (the call ${status.replace('_', ' ')})`);
  switch (status) {
    case 'streaming_args':
    case 'pending_approval':
    case 'queued':
      return { ...base, status };
    case 'running':
      return { ...base, status, startedAt: required(base.startedAt, 'startedAt', 'a number') };
    case 'succeeded':
      return { ...base, ...settled, status, outcome: required(outcome, 'outcome', 'an object'), resultText: required(resultText, 'resultText', 'a string') };
    case 'failed': {
      const failed = required(outcome, 'outcome', 'an object');
      return { ...base, ...settled, status, outcome: { ...failed, error: failed.error ?? { message: failed.text } }, resultText: required(resultText, 'resultText', 'a string') };
    }
    case 'invalid': {
      const why = denied ? { denied: true as const } : { validationError: validationError ?? base.parseError ?? 'invalid arguments', ...(unknownTool ? { unknownTool } : {}) };
      const text = 'denied' in why ? deniedResultText(base.name) : `Error: ${why.validationError}. The call was not run.`;
      return { ...base, ...settled, status, ...why, resultText: resultText ?? text };
    }
    case 'rejected':
      return { ...base, ...settled, status, ...(rejectReason !== undefined ? { rejectReason } : {}), ...(denied ? { denied: true as const } : {}), resultText: resultText ?? rejectionText(rejectReason) };
    case 'cancelled':
      return { ...base, ...settled, status, ...(denied ? { denied: true as const } : {}), ...(resultText !== undefined ? { resultText } : {}) };
    case 'incomplete':
      return { ...base, ...settled, status, ...(resultText !== undefined ? { resultText } : {}) };
  }
};

const part: Reader<Part> = (v, p) => {
  const type = isRecord(v) ? v.type : undefined;
  if (type === 'text' || type === 'reasoning') return object<{ type: typeof type; text: string }>({ type: oneOf(type), text: str })(v, p);
  if (type === 'tool-call') return object<{ type: 'tool-call'; callId: string }>({ type: oneOf('tool-call'), callId: id })(v, p);
  return fail(`${p}.type`, '"text", "reasoning" or "tool-call"');
};

const reasoningBlock: Reader<ReasoningBlock> = (v, p) => {
  const type = isRecord(v) ? v.type : undefined;
  if (type === 'thinking') return object<{ type: 'thinking'; thinking: string; signature: string }>({ type: oneOf('thinking'), thinking: str, signature: str })(v, p);
  if (type === 'redacted_thinking') return object<{ type: 'redacted_thinking'; data: string }>({ type: oneOf('redacted_thinking'), data: str })(v, p);
  if (type === 'openai_reasoning')
    return object<{ type: 'openai_reasoning'; id: string; encrypted: string; summary: string[] }>({ type: oneOf('openai_reasoning'), id: str, encrypted: str, summary: arrayOf(str) })(v, p);
  return fail(`${p}.type`, '"thinking", "redacted_thinking" or "openai_reasoning"');
};

const round = object<Round>({ parts: arrayOf(part), finishReason: optional(oneOf(...FINISH_REASONS)), reasoningBlocks: optional(arrayOf(reasoningBlock)) });

const userMessage = object<UserMessage>({ id, parentId: nullable(id), role: oneOf('user'), text: str, createdAt: num });

function turnNotice(v: unknown, p: string): TurnNotice {
  const code = isRecord(v) ? v.code : undefined;
  if (code === 'max_rounds') return object<Extract<TurnNotice, { code: 'max_rounds' }>>({ code: oneOf('max_rounds'), rounds: num })(v, p);
  if (code === 'stopped_after_round' || code === 'interrupted' || code === 'content_filter' || code === 'pause_turn')
    return object<{ code: typeof code }>({ code: oneOf(code) })(v, p);
  if (code === 'declined') return object<Extract<TurnNotice, { code: 'declined' }>>({ code: oneOf('declined'), text: str })(v, p);
  if (code === 'finish_reason') return object<Extract<TurnNotice, { code: 'finish_reason' }>>({ code: oneOf('finish_reason'), reason: str })(v, p);
  if (code === 'not_shown') return object<Extract<TurnNotice, { code: 'not_shown' }>>({ code: oneOf('not_shown'), count: num })(v, p);
  return fail(`${p}.code`, '"max_rounds", "stopped_after_round", "interrupted", "declined", "content_filter", "pause_turn", "finish_reason" or "not_shown"');
}

const assistantMessage = object<AssistantMessage>({
  id,
  parentId: nullable(id),
  role: oneOf('assistant'),
  createdAt: num,
  model: str,
  rounds: arrayOf(round),
  calls: recordOf(toolCall),
  outcome: optional(oneOf('completed', 'stopped', 'failed', 'max_rounds')),
  error: optional(object<TurnError>({ message: str, kind: str, status: optional(num) })),
  notice: optional(str),
  noticeCode: optional(turnNotice),
  contextStartId: optional(id),
  direct: optional(yes),
});

const message: Reader<Message> = (v, p) => {
  const role = isRecord(v) ? v.role : undefined;
  if (role === 'user') return userMessage(v, p);
  if (role === 'assistant') return assistantMessage(v, p);
  return fail(`${p}.role`, '"user" or "assistant"');
};

/** Checks a conversation's shape and returns a copy holding only the conversation's own fields. */
export const readConversation: Reader<Conversation> = object<Conversation>({
  id,
  title: str,
  messages: arrayOf(message),
  activeChild: recordOf(id),
  systemPrompt: optional(str),
  createdAt: num,
  updatedAt: num,
});
