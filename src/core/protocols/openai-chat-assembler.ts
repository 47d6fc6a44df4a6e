import type { ModelEvent, Usage } from './types';
import { mapFinishReason } from './finish-reason';
import { parseArgs } from './shared';

/** The parts of an OpenAI chat.completion.chunk that we read; gateways vary, so all optional. */
export interface ChatChunk {
  choices?: {
    index?: number;
    delta?: {
      content?: string | null;
      reasoning_content?: string | null;
      reasoning?: string | null;
      tool_calls?: ChunkToolCall[] | null;
      function_call?: { name?: string; arguments?: string | object } | null;
    } | null;
    finish_reason?: string | null;
  }[];
  usage?: { prompt_tokens?: number; completion_tokens?: number } | null;
}

interface ChunkToolCall {
  index?: number;
  id?: string | null;
  function?: { name?: string | null; arguments?: string | object | null } | null;
}

interface OpenCall {
  index: number;
  providerIndex?: number;
  id?: string;
  syntheticId: boolean;
  name: string;
  args: string;
  started: boolean;
}

/**
 * Assembles OpenAI-format chunks into normalized events. Survives gateway quirks: ids only on the
 * first fragment (or "" on the rest), missing `index`, id/name repeated on every fragment, several
 * calls sharing `index: 0` with different ids, arguments as "" or as an object, usage-only chunks,
 * legacy `function_call`, extra choices (n > 1) and `finish_reason: "stop"` after tool calls.
 * Error payloads are the stream decoder's business (openai-chat-stream.ts).
 */
export function createOpenAIChatAssembler(newId: () => string = randomCallId) {
  const calls: OpenCall[] = [];
  let rawFinish: string | null = null;
  let usage: Usage | undefined;

  function target(tc: ChunkToolCall): OpenCall {
    const id = tc.id || undefined;
    const name = tc.function?.name || undefined;
    const byIndex = tc.index !== undefined ? lastWithIndex(tc.index) : undefined;
    if (id) {
      const same = calls.find((c) => c.id === id);
      if (same) return same;
      if (byIndex && !byIndex.id) return Object.assign(byIndex, { id });
      // An index reused by a new id is a new call (Ollama sends index 0 for every call) — but only
      // when it names a function: gateways that mint a fresh id per fragment must not split a call.
      const last = byIndex ?? (tc.index === undefined ? calls[calls.length - 1] : undefined);
      if (last && !name) return last;
      return open(tc.index, id);
    }
    const current = byIndex ?? (tc.index === undefined ? calls[calls.length - 1] : undefined);
    // A different name on an index that already has one is a new call that came without an id.
    if (current && !(name && current.name && name !== current.name)) return current;
    return open(tc.index, undefined);
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

  function apply(call: OpenCall, name: string | null | undefined, args: string | object | null | undefined, out: ModelEvent[]) {
    if (name && !call.name) call.name = name;
    let piece = '';
    if (typeof args === 'string') piece = args;
    else if (args && typeof args === 'object') piece = call.args ? '' : JSON.stringify(args);
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

  return {
    /** Feeds one decoded chunk; returns the events it produced. */
    push(chunk: ChatChunk): ModelEvent[] {
      const out: ModelEvent[] = [{ type: 'raw', data: chunk }];
      if (chunk.usage) usage = { inputTokens: chunk.usage.prompt_tokens, outputTokens: chunk.usage.completion_tokens };
      for (const choice of chunk.choices ?? []) {
        // We ask for one choice; a server that sends more (n > 1) gets only the first read.
        if (choice.index !== undefined && choice.index !== 0) continue;
        const delta = choice.delta;
        const reasoning = delta?.reasoning_content ?? delta?.reasoning;
        if (typeof reasoning === 'string' && reasoning) out.push({ type: 'reasoning-delta', text: reasoning });
        if (typeof delta?.content === 'string' && delta.content) out.push({ type: 'text-delta', text: delta.content });
        for (const tc of delta?.tool_calls ?? []) apply(target(tc), tc.function?.name, tc.function?.arguments, out);
        if (delta?.function_call) {
          const call = calls[0] ?? open(0, undefined);
          apply(call, delta.function_call.name, delta.function_call.arguments, out);
        }
        if (choice.finish_reason) rawFinish = choice.finish_reason;
      }
      return out;
    },
    /** True once a finish_reason arrived: the answer ended properly. */
    get finished(): boolean {
      return rawFinish !== null;
    },
    /** Closes every call and emits `finish`. Call only when the stream ended properly. */
    end(): ModelEvent[] {
      const out: ModelEvent[] = [];
      for (const call of calls) {
        if (!call.name) continue;
        apply(call, undefined, undefined, out);
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

function randomCallId(): string {
  return `call_${Math.random().toString(36).slice(2, 12)}`;
}
