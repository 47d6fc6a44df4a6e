import type { SseEvent } from './sse-decoder';
import type { StreamDecoder } from './stream-decoder';
import type { ModelEvent, Usage } from './types';
import { ModelError } from './types';
import { parseArgs, UNNAMED_CALL } from './shared';
import { mapFinishReason } from './finish-reason';
import { invalidStreamError, providerStreamError } from './stream-error';
import { carriesWords, isRecord, preview, warning } from './decode-report';
import { readContent } from './content-parts';
import type { DecodeWarningCode } from './types';

/** One output item of a response, as far as it has streamed. */
type Item =
  | { kind: 'message'; streamed: Map<string, string> }
  | { kind: 'reasoning'; streamed: Map<string, string>; summaryParts: number }
  | { kind: 'call'; call: number; callId: string; name: string; args: string; closed: boolean }
  | { kind: 'other' };

// Events that only announce or repeat what the deltas already said, or carry nothing for the user.
const NO_OP_EVENTS = new Set([
  'response.created',
  'response.in_progress',
  'response.queued',
  'response.content_part.added',
  'response.content_part.done',
  'response.reasoning_summary_part.done',
  'response.output_text.annotation.added',
  'keepalive',
]);

/**
 * Decodes an OpenAI Responses API stream (`POST /responses`, `stream: true`): semantic events named
 * by `type`, each output item keyed by `output_index` and `item_id`. Text, refusals, reasoning
 * (summaries, or raw reasoning text from open-weight servers) and function calls become normalized
 * events; a `reasoning` item's encrypted content is handed back as a reasoning block so the next
 * round can send it (`store: false`). `.done` events fill in whatever the deltas did not carry.
 * `response.completed` ends the answer, `response.incomplete` ends it with its reason, and
 * `response.failed` / `error` are stream errors. Anything else is a warning, never silence.
 */
export function createOpenAIResponsesStreamDecoder(): StreamDecoder {
  const items = new Map<string, Item>();
  const calls: Extract<Item, { kind: 'call' }>[] = [];
  const doneItems = new Set<string>();
  const warnings: string[] = [];
  let rawFinish: string | null = null;
  let finished = false;
  let done = false;
  let usage: Usage | undefined;
  let out: ModelEvent[] = [];

  function warn(code: DecodeWarningCode, message: string, data?: unknown, visible = carriesWords(data)) {
    if (!warnings.includes(message)) warnings.push(message);
    out.push(warning(code, message, data, visible));
  }

  // Items are keyed by output_index, which every event carries; item ids are not always there.
  const keyOf = (p: Record<string, any>) => String(typeof p.output_index === 'number' ? p.output_index : (p.item_id ?? 0));

  function itemAt(p: Record<string, any>): Item | undefined {
    return items.get(keyOf(p));
  }

  function addItem(key: string, item: Record<string, any>) {
    if (items.has(key)) return;
    const type = item?.type;
    if (type === 'message') items.set(key, { kind: 'message', streamed: new Map() });
    else if (type === 'reasoning') items.set(key, { kind: 'reasoning', streamed: new Map(), summaryParts: 0 });
    else if (type === 'function_call' || type === 'custom_tool_call') {
      const callId = typeof item.call_id === 'string' && item.call_id ? item.call_id : typeof item.id === 'string' && item.id ? item.id : `call_missing_${calls.length}`;
      const named = typeof item.name === 'string' && item.name !== '';
      const call = { kind: 'call' as const, call: calls.length, callId, name: named ? item.name : UNNAMED_CALL, args: '', closed: false };
      if (!named) warn('unnamed_call', `The function call ${callId} came without a name; the model is told it named no tool.`, item, true);
      calls.push(call);
      items.set(key, call);
      out.push({ type: 'tool-call-start', index: call.call, id: callId, name: call.name, ...(item.call_id ? {} : { syntheticId: true }) });
      const args = typeof item.arguments === 'string' ? item.arguments : typeof item.input === 'string' ? item.input : '';
      if (args) appendArgs(call, args);
    } else {
      // Hosted tools (web search, file search, code interpreter, image generation) run at OpenAI.
      items.set(key, { kind: 'other' });
      const hosted = typeof type === 'string' && /_call$/.test(type);
      warn('unknown_block', `Ignored an output item of type ${String(type)}.`, item, hosted ? false : carriesWords(item));
    }
  }

  function appendArgs(call: Extract<Item, { kind: 'call' }>, piece: string) {
    if (!piece) return;
    call.args += piece;
    out.push({ type: 'tool-call-delta', index: call.call, argsText: piece });
  }

  /** A `.done` event's full text: emits what the deltas missed, warns when it disagrees with them. */
  function settle(streamed: Map<string, string>, part: string, full: unknown, kind: 'text' | 'reasoning' | 'refusal') {
    if (typeof full !== 'string') return;
    const had = streamed.get(part) ?? '';
    if (full.startsWith(had)) {
      const rest = full.slice(had.length);
      if (rest) readContent(rest, kind, out, kind);
      streamed.set(part, full);
    } else warn('unexpected_value', 'A final text differed from what had streamed; the streamed text is kept.', { final: full }, true);
  }

  function delta(p: Record<string, any>, kind: 'text' | 'reasoning' | 'refusal', part: string) {
    const item = itemAt(p) ?? (addItem(keyOf(p), { type: kind === 'reasoning' ? 'reasoning' : 'message' }), itemAt(p));
    const text = typeof p.delta === 'string' ? p.delta : '';
    if (item && 'streamed' in item) item.streamed.set(part, (item.streamed.get(part) ?? '') + text);
    if (text) readContent(text, kind, out, kind);
    else if (p.delta !== undefined && p.delta !== '') readContent(p.delta, kind, out, kind);
  }

  function closeCall(call: Extract<Item, { kind: 'call' }>, item: Record<string, any> | undefined) {
    if (call.closed) return;
    call.closed = true;
    const full = typeof item?.arguments === 'string' ? item.arguments : typeof item?.input === 'string' ? item.input : undefined;
    if (full !== undefined && full !== call.args) {
      if (full.startsWith(call.args)) appendArgs(call, full.slice(call.args.length));
      else warn('unexpected_value', `The final arguments of ${call.callId} differ from the streamed ones; the final ones are used.`, { streamed: call.args }, false);
      if (!full.startsWith(call.args)) call.args = full;
    }
    out.push({ type: 'tool-call-end', index: call.call, id: call.callId, name: call.name, argsText: call.args, ...parseArgs(call.args) });
  }

  function itemDone(key: string, item: Record<string, any>) {
    if (doneItems.has(key)) return;
    doneItems.add(key);
    addItem(key, item);
    const state = items.get(key)!;
    if (state.kind === 'call') closeCall(state, item);
    else if (state.kind === 'message') {
      const content = Array.isArray(item.content) ? item.content : [];
      content.forEach((part: Record<string, any>, i: number) => {
        if (part?.type === 'output_text') settle(state.streamed, `text:${i}`, part.text, 'text');
        else if (part?.type === 'refusal') settle(state.streamed, `refusal:${i}`, part.refusal, 'refusal');
        else readContent(part, 'text', out, 'message');
      });
    } else if (state.kind === 'reasoning') {
      const summary = Array.isArray(item.summary) ? item.summary : [];
      summary.forEach((s: Record<string, any>, i: number) => settle(state.streamed, `summary:${i}`, s?.text, 'reasoning'));
      const content = Array.isArray(item.content) ? item.content : [];
      content.forEach((c: Record<string, any>, i: number) => settle(state.streamed, `reasoning:${i}`, c?.text, 'reasoning'));
      if (typeof item.encrypted_content === 'string' && item.encrypted_content && typeof item.id === 'string')
        out.push({
          type: 'reasoning-block',
          block: { type: 'openai_reasoning', id: item.id, encrypted: item.encrypted_content, summary: summary.map((s: { text?: unknown }) => (typeof s?.text === 'string' ? s.text : '')) },
        });
    }
  }

  function end(response: Record<string, any> | undefined, reason: string) {
    // A gateway may send the whole output only in the final response object.
    const output = Array.isArray(response?.output) ? response.output : [];
    output.forEach((item: Record<string, any>, i: number) => {
      if (!doneItems.has(String(i)) && isRecord(item)) itemDone(String(i), item);
    });
    const u = response?.usage;
    if (isRecord(u)) usage = { inputTokens: num(u.input_tokens), outputTokens: num(u.output_tokens) };
    rawFinish = reason;
    finished = true;
  }

  function handle(p: Record<string, any>) {
    const type = typeof p.type === 'string' ? p.type : '';
    switch (type) {
      case 'response.output_item.added':
        return addItem(keyOf(p), p.item ?? {});
      case 'response.output_item.done':
        return itemDone(keyOf(p), p.item ?? {});
      case 'response.output_text.delta':
        return delta(p, 'text', `text:${p.content_index ?? 0}`);
      case 'response.refusal.delta':
        return delta(p, 'refusal', `refusal:${p.content_index ?? 0}`);
      case 'response.reasoning_summary_text.delta':
        return delta(p, 'reasoning', `summary:${p.summary_index ?? 0}`);
      case 'response.reasoning_text.delta':
        return delta(p, 'reasoning', `reasoning:${p.content_index ?? 0}`);
      case 'response.output_text.done':
      case 'response.refusal.done':
      case 'response.reasoning_summary_text.done':
      case 'response.reasoning_text.done': {
        const item = itemAt(p);
        if (!item || !('streamed' in item)) return;
        const [kind, part, full] =
          type === 'response.output_text.done'
            ? (['text', `text:${p.content_index ?? 0}`, p.text] as const)
            : type === 'response.refusal.done'
              ? (['refusal', `refusal:${p.content_index ?? 0}`, p.refusal] as const)
              : type === 'response.reasoning_text.done'
                ? (['reasoning', `reasoning:${p.content_index ?? 0}`, p.text] as const)
                : (['reasoning', `summary:${p.summary_index ?? 0}`, p.text] as const);
        return settle(item.streamed, part, full, kind);
      }
      case 'response.reasoning_summary_part.added': {
        // Summary parts are paragraphs: keep them apart in the reasoning text.
        const item = itemAt(p);
        if (item?.kind === 'reasoning' && item.summaryParts++ > 0) out.push({ type: 'reasoning-delta', text: '\n\n' });
        return;
      }
      case 'response.function_call_arguments.delta':
      case 'response.custom_tool_call_input.delta': {
        const item = itemAt(p);
        if (item?.kind !== 'call') return warn('unexpected_value', `Arguments arrived for output ${keyOf(p)}, which is not a function call.`, p, false);
        return appendArgs(item, typeof p.delta === 'string' ? p.delta : '');
      }
      case 'response.function_call_arguments.done':
      case 'response.custom_tool_call_input.done': {
        const item = itemAt(p);
        if (item?.kind === 'call') closeCall(item, { arguments: p.arguments ?? p.input });
        return;
      }
      case 'response.completed':
        return end(p.response, 'completed');
      case 'response.incomplete':
        return end(p.response, String(p.response?.incomplete_details?.reason ?? 'incomplete'));
      case 'response.failed': {
        const error = p.response?.error;
        throw providerStreamError(isRecord(error) ? { error: { message: error.message, code: error.code, type: 'response.failed' } } : { error: { message: 'The response failed.', type: 'response.failed' } });
      }
      case 'error':
        throw providerStreamError({ error: { message: p.message ?? p.error?.message, code: p.code ?? p.error?.code, type: p.error?.type ?? null } });
      default:
        if (NO_OP_EVENTS.has(type)) return;
        if (type.startsWith('response.') && /_call\.(in_progress|searching|completed|generating|interpreting)$/.test(type)) return;
        warn('unknown_event', `Ignored an event of type ${type || '(none)'}.`, p);
    }
  }

  return {
    push(event: SseEvent): ModelEvent[] {
      if (done) return [];
      const data = event.data.trim();
      if (data === '[DONE]') {
        done = true;
        return [];
      }
      let payload: unknown;
      try {
        payload = JSON.parse(data);
      } catch {
        if (event.event === 'error') throw providerStreamError(data || 'unknown error');
        if (event.unterminated) {
          warnings.push('The last line of the stream was cut off mid-line and could not be read.');
          return [];
        }
        if (!data) return [];
        throw invalidStreamError(`The server sent a malformed stream line: ${preview(data)}`, `malformed stream line: ${preview(data)}`);
      }
      out = [{ type: 'raw', data: payload }];
      if (!isRecord(payload)) {
        warn('unexpected_value', `Ignored a data line that is not a JSON object: ${preview(data)}`, payload);
        return out;
      }
      // The SSE event name and the payload's type agree; a payload without a type takes the name.
      handle(typeof payload.type === 'string' ? payload : { ...payload, type: event.event });
      if (finished) done = true;
      return out;
    },
    end(): ModelEvent[] {
      if (!finished) throw new ModelError('stream', 'The connection closed before the answer finished.');
      out = [];
      for (const call of calls) if (!call.closed) closeCall(call, undefined);
      const reason = rawFinish === 'completed' ? null : rawFinish;
      out.push({ type: 'finish', reason: mapFinishReason(reason ?? 'stop', calls.length > 0), rawReason: reason ?? 'completed', usage });
      return out;
    },
    get finished() {
      return finished;
    },
    get done() {
      return done;
    },
    warnings,
  };
}

/** Events of a non-streaming Responses body: replayed as the equivalent stream, so both share every rule. */
export function openAIResponseEvents(body: unknown): ModelEvent[] {
  const response = body as Record<string, any> | null;
  if (!isRecord(response)) throw new ModelError('stream', 'The server answered with something that is not a response.');
  if (isRecord(response.error)) throw providerStreamError({ error: response.error });
  if (!Array.isArray(response.output)) throw new ModelError('stream', 'The server answered without any output.');
  const decoder = createOpenAIResponsesStreamDecoder();
  const feed = (p: object) => decoder.push({ data: JSON.stringify(p) }).filter((e) => e.type !== 'raw');
  const out: ModelEvent[] = [{ type: 'raw', data: body }];
  response.output.forEach((item: unknown, output_index: number) => {
    out.push(...feed({ type: 'response.output_item.added', output_index, item: isRecord(item) ? { ...item, arguments: '' } : item }));
    out.push(...feed({ type: 'response.output_item.done', output_index, item }));
  });
  if (response.status === 'failed') out.push(...feed({ type: 'response.failed', response }));
  else if (response.status === 'incomplete') out.push(...feed({ type: 'response.incomplete', response }));
  else out.push(...feed({ type: 'response.completed', response }));
  return [...out, ...decoder.end()];
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' ? v : undefined;
}
