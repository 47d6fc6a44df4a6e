import type { ModelEvent, Usage } from './types';
import { mapFinishReason } from './finish-reason';
import { parseArgs, UNNAMED_CALL } from './shared';

export { UNNAMED_CALL };
import { readContent } from './content-parts';
import { isRecord, leftover, warning } from './decode-report';

/** The parts of an OpenAI chat.completion.chunk that we read; gateways vary, so all optional and loosely typed. */
export interface ChatChunk {
  choices?: {
    index?: number;
    delta?: {
      content?: unknown;
      reasoning_content?: unknown;
      reasoning?: unknown;
      refusal?: unknown;
      tool_calls?: ChunkToolCall[] | null;
      function_call?: { name?: string; arguments?: string | object } | null;
      [key: string]: unknown;
    } | null;
    finish_reason?: string | null;
    [key: string]: unknown;
  }[];
  usage?: { prompt_tokens?: number; completion_tokens?: number } | null;
  [key: string]: unknown;
}

interface ChunkToolCall {
  index?: number;
  id?: string | null;
  type?: string;
  function?: { name?: string | null; arguments?: string | object | null } | null;
  /** OpenAI custom (free-form) tools: `{name, input}` instead of `function`. */
  custom?: { name?: string | null; input?: string | null } | null;
  [key: string]: unknown;
}

interface OpenCall {
  index: number;
  providerIndex?: number;
  /** The id as the provider sent it; `id` differs when two calls shared one. */
  providerId?: string;
  id?: string;
  syntheticId: boolean;
  name: string;
  args: string;
  started: boolean;
}

// Fields that carry nothing for the user: identifiers, bookkeeping, provider statistics.
const CHUNK_NO_OP = new Set(['id', 'object', 'created', 'model', 'system_fingerprint', 'service_tier', 'provider', 'usage', 'choices', 'x_groq', 'obfuscation', 'prompt_filter_results', 'nvext', 'timings', 'error']);
const CHOICE_NO_OP = new Set(['index', 'delta', 'message', 'finish_reason', 'logprobs', 'native_finish_reason', 'stop_reason', 'matched_stop', 'content_filter_results', 'text']);
// `channel` is gpt-oss's harmony channel name (Groq); reasoning_details / thinking_blocks repeat
// `reasoning` (OpenRouter, LiteLLM) and are read only when it is absent.
const DELTA_NO_OP = new Set(['role', 'content', 'reasoning_content', 'reasoning', 'refusal', 'tool_calls', 'function_call', 'reasoning_details', 'thinking_blocks', 'thinking', 'name', 'tool_call_id', 'audio', 'annotations', 'obfuscation', 'channel', 'provider_specific_fields']);
const CALL_NO_OP = new Set(['index', 'id', 'type', 'function', 'custom']);
const FUNCTION_NO_OP = new Set(['name', 'arguments', 'input']);


/**
 * Assembles OpenAI-format chunks into normalized events. Survives gateway quirks: ids only on the
 * first fragment (or "" on the rest), missing `index`, id/name repeated on every fragment, several
 * calls sharing `index: 0` with different ids, two calls sharing one id at different indexes,
 * arguments as "" or as an object, usage-only chunks, legacy `function_call`, extra choices (n > 1),
 * `finish_reason: "stop"` after tool calls, and content as a list of typed parts. Whatever it does
 * not understand becomes a `warning` event, never silence. Error payloads are the stream decoder's business.
 */
export function createOpenAIChatAssembler(newId: () => string = randomCallId) {
  const calls: OpenCall[] = [];
  let rawFinish: string | null = null;
  let usage: Usage | undefined;
  let out: ModelEvent[] = [];

  function target(tc: ChunkToolCall): OpenCall {
    const id = typeof tc.id === 'string' && tc.id ? tc.id : undefined;
    const fn = tc.function ?? tc.custom;
    const name = (typeof fn?.name === 'string' && fn.name) || undefined;
    const index = typeof tc.index === 'number' ? tc.index : undefined;
    const byIndex = index !== undefined ? lastWithIndex(index) : undefined;
    if (id) {
      if (byIndex && byIndex.providerId === id) return byIndex;
      const same = calls.find((c) => c.providerId === id);
      if (same) {
        if (index === undefined || same.providerIndex === undefined || same.providerIndex === index) return same;
        // Index wins: a second call that reuses the first one's id (some gateways) stays a second
        // call, with an id of its own since every call needs exactly one result.
        const fresh = open(index, newId());
        fresh.providerId = id;
        out.push(warning('shared_call_id', `Two tool calls (index ${same.providerIndex} and ${index}) share the id "${id}"; the second was given the id "${fresh.id}".`, undefined, false));
        return fresh;
      }
      if (byIndex && !byIndex.id) return Object.assign(byIndex, { id, providerId: id });
      // An index reused by a new id is a new call (Ollama sends index 0 for every call) — but only
      // when it names a function: gateways that mint a fresh id per fragment must not split a call.
      const last = byIndex ?? (index === undefined ? calls[calls.length - 1] : undefined);
      if (last && !name) return last;
      const call = open(index, id);
      call.providerId = id;
      return call;
    }
    const current = byIndex ?? (index === undefined ? calls[calls.length - 1] : undefined);
    // A different name on an index that already has one is a new call that came without an id.
    if (current && !(name && current.name && name !== current.name)) return current;
    return open(index, undefined);
  }

  function lastWithIndex(index: number): OpenCall | undefined {
    for (let i = calls.length - 1; i >= 0; i--) if (calls[i].providerIndex === index) return calls[i];
    return undefined;
  }

  function open(providerIndex: number | undefined, id: string | undefined): OpenCall {
    const call: OpenCall = { index: calls.length, providerIndex, id, syntheticId: false, name: '', args: '', started: false };
    calls.push(call);
    return call;
  }

  function apply(call: OpenCall, name: unknown, args: unknown) {
    if (typeof name === 'string' && name && !call.name) call.name = name;
    else if (typeof name === 'string' && name && name !== call.name)
      out.push(warning('unexpected_value', `The tool call ${call.id ?? `#${call.index}`} was named "${call.name}" and then "${name}"; the first name is kept.`, { name }, false));
    let piece = '';
    if (typeof args === 'string') piece = args;
    else if (args && typeof args === 'object') {
      // Some gateways repeat the whole arguments object after streaming them as text.
      if (!call.args) piece = JSON.stringify(args);
      else if (JSON.stringify(args) !== call.args)
        out.push(warning('unexpected_value', `Ignored an arguments object that arrived after the arguments text of tool call ${call.id ?? `#${call.index}`}.`, args, false));
    } else if (args !== undefined && args !== null) piece = JSON.stringify(args);
    if (!call.started && call.name) {
      call.started = true;
      if (!call.id) {
        call.id = newId();
        call.syntheticId = true;
      }
      out.push({ type: 'tool-call-start', index: call.index, id: call.id, name: call.name, ...(call.syntheticId ? { syntheticId: true } : {}) });
      if (call.args) out.push({ type: 'tool-call-delta', index: call.index, argsText: call.args });
    }
    if (piece) {
      call.args += piece;
      if (call.started) out.push({ type: 'tool-call-delta', index: call.index, argsText: piece });
    }
  }

  function toolCall(tc: unknown) {
    if (!isRecord(tc)) {
      out.push(warning('unexpected_value', `Ignored a tool_calls entry that is not an object: ${JSON.stringify(tc)}`, tc));
      return;
    }
    const call = tc as ChunkToolCall;
    const fn = call.function ?? call.custom;
    apply(target(call), fn?.name, (fn as { arguments?: unknown } | undefined)?.arguments ?? (fn as { input?: unknown } | undefined)?.input);
    const rest = leftover(call, CALL_NO_OP);
    const fnRest = isRecord(fn) ? leftover(fn, FUNCTION_NO_OP) : null;
    if (rest || fnRest) out.push(warning('unknown_field', 'Ignored unknown fields of a tool call.', { ...rest, ...(fnRest ? { function: fnRest } : {}) }, false));
  }

  function readDelta(delta: Record<string, unknown>) {
    // Providers name reasoning differently; the later names repeat the earlier ones when both come.
    const reasoning = delta.reasoning_content ?? delta.reasoning ?? delta.reasoning_details ?? delta.thinking_blocks ?? delta.thinking;
    readContent(reasoning, 'reasoning', out, 'reasoning');
    readContent(delta.content, 'text', out, 'content');
    readContent(delta.refusal, 'refusal', out, 'refusal');
    const calls = delta.tool_calls;
    if (Array.isArray(calls)) for (const tc of calls) toolCall(tc);
    else if (calls !== undefined && calls !== null) toolCall(calls);
    if (isRecord(delta.function_call)) {
      const call = callsList()[0] ?? open(0, undefined);
      apply(call, delta.function_call.name, delta.function_call.arguments);
    }
    // Audio answers carry their words as a transcript.
    if (isRecord(delta.audio) && typeof delta.audio.transcript === 'string') readContent(delta.audio.transcript, 'text', out, 'audio');
    const rest = leftover(delta, DELTA_NO_OP);
    if (rest) out.push(warning('unknown_field', `The answer had fields Callstream does not read: ${Object.keys(rest).join(', ')}.`, rest));
  }

  const callsList = () => calls;

  return {
    /** Feeds one decoded chunk; returns the events it produced. */
    push(chunk: ChatChunk): ModelEvent[] {
      out = [{ type: 'raw', data: chunk }];
      const u = chunk.usage;
      if (isRecord(u)) usage = { inputTokens: num(u.prompt_tokens), outputTokens: num(u.completion_tokens) };
      const choices = Array.isArray(chunk.choices) ? chunk.choices : [];
      for (const choice of choices) {
        if (!isRecord(choice)) continue;
        // We ask for one choice; a server that sends more (n > 1) gets only the first read.
        if (typeof choice.index === 'number' && choice.index !== 0) continue;
        const delta = choice.delta ?? choice.message;
        if (isRecord(delta)) readDelta(delta);
        else if (delta !== undefined && delta !== null) readContent(delta, 'text', out, 'delta');
        // Legacy completions put the words in `text`.
        if (typeof choice.text === 'string') readContent(choice.text, 'text', out, 'text');
        if (typeof choice.finish_reason === 'string' && choice.finish_reason) rawFinish = choice.finish_reason;
        const rest = leftover(choice, CHOICE_NO_OP);
        if (rest) out.push(warning('unknown_field', `Ignored unknown fields of a choice: ${Object.keys(rest).join(', ')}.`, rest, false));
      }
      if (chunk.choices !== undefined && !Array.isArray(chunk.choices))
        out.push(warning('unexpected_value', 'Ignored `choices` that is not a list.', chunk.choices));
      const rest = leftover(chunk, CHUNK_NO_OP);
      if (rest) out.push(warning('unknown_field', `Ignored unknown fields of a chunk: ${Object.keys(rest).join(', ')}.`, rest, false));
      return out;
    },
    /** True once a finish_reason arrived: the answer ended properly. */
    get finished(): boolean {
      return rawFinish !== null;
    },
    /** Closes every call and emits `finish`. Call only when the stream ended properly. */
    end(): ModelEvent[] {
      out = [];
      for (const call of calls) {
        if (!call.name) {
          if (!call.id && !call.args) {
            out.push(warning('unnamed_call', 'A tool call entry arrived with no name, id or arguments; there is nothing to run.', undefined, false));
            continue;
          }
          // A call whose name never arrived still reaches the run, which tells the model it is unknown.
          call.name = UNNAMED_CALL;
          out.push(warning('unnamed_call', `The tool call ${call.id ?? `#${call.index}`} never received a name; the model is told it named no tool.`, { id: call.id, arguments: call.args }, true));
        }
        apply(call, undefined, undefined);
        out.push({ type: 'tool-call-end', index: call.index, id: call.id!, name: call.name, argsText: call.args, ...parseArgs(call.args) });
      }
      out.push({ type: 'finish', reason: mapFinishReason(rawFinish, calls.some((c) => c.name)), rawReason: rawFinish, usage });
      return out;
    },
    /** Calls whose arguments were still open: used to mark them incomplete when a stream breaks. */
    openCalls(): { index: number; id?: string; name: string; argsText: string }[] {
      return calls.map((c) => ({ index: c.index, id: c.id, name: c.name, argsText: c.args }));
    },
  };
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' ? v : undefined;
}

function randomCallId(): string {
  return `call_${Math.random().toString(36).slice(2, 12)}`;
}
