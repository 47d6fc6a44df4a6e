import { createSseDecoder } from './sse-decoder';
import type { FinishReason, ModelEvent } from './types';
import { ModelError } from './types';
import { StreamError, type StreamErrorDetail } from './stream-error';
import { parseArgs } from './shared';
import { bodyEventsFor, looksLikeBody, streamDecoderFor } from './decoders';
import type { ProtocolId } from './protocol-id';

export interface ReplayToolCall {
  /** null when the provider sent none (legacy `function_call`); the app makes one up. */
  id: string | null;
  name: string;
  /** Parsed arguments, or null when they never became valid JSON. */
  arguments: unknown;
  /** The raw concatenated argument text. */
  argumentsText: string;
  /** False when cut off by the token limit or by a stream that ended early. */
  complete: boolean;
}

/** What `npm run replay` prints: one capture decoded exactly as the app decodes it. */
export interface ReplayResult {
  text: string;
  reasoning: string;
  /** What the model said when it declined to answer (OpenAI `refusal`); "" when it did not. */
  refusal: string;
  toolCalls: ReplayToolCall[];
  finishReason: Exclude<FinishReason, 'aborted'>;
  rawFinishReason: string | null;
  error: StreamErrorDetail | null;
  warnings: string[];
}

/** The input is not something we can decode at all (not SSE, not a JSON response body). */
export class ReplayInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReplayInputError';
  }
}

/** Decodes a raw capture (bytes exactly as sent on the wire) with the app's own decoders. */
export function replayCapture(protocol: ProtocolId, bytes: Uint8Array | string): ReplayResult {
  return replayChunks(protocol, [bytes]);
}

/** Like replayCapture, for a capture that arrives in pieces (split anywhere, as a network would). */
export function replayChunks(protocol: ProtocolId, chunks: Iterable<Uint8Array | string>): ReplayResult {
  const decoder = streamDecoderFor(protocol);
  const sse = createSseDecoder();
  const seen: (Uint8Array | string)[] = [];
  const events: ModelEvent[] = [];
  let sseEvents = 0;
  let error: StreamErrorDetail | null = null;
  let ended = false;
  try {
    const feed = (batch: ReturnType<typeof sse.push>) => {
      for (const e of batch) {
        sseEvents++;
        events.push(...decoder.push(e));
        if (decoder.done) return true;
      }
      return false;
    };
    let stopped = false;
    for (const chunk of chunks) {
      seen.push(chunk);
      if ((stopped = feed(sse.push(chunk)))) break;
    }
    if (!stopped) feed(sse.end());
    if (sseEvents === 0) return replayBody(protocol, seen);
    if (decoder.finished) {
      events.push(...decoder.end());
      ended = true;
    }
  } catch (e) {
    error = errorDetail(e);
  }
  const warnings = [...decoder.warnings];
  if (!ended && !error) warnings.push('The stream ended before the provider finished the answer (no finish reason, [DONE] or message_stop): the connection dropped or the capture is cut short.');
  return summarize(events, error, warnings);
}

/** No SSE events: maybe a non-streaming JSON body, which the app decodes too. */
function replayBody(protocol: ProtocolId, chunks: (Uint8Array | string)[]): ReplayResult {
  const text = chunks.map((c) => (typeof c === 'string' ? c : new TextDecoder().decode(c))).join('');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ReplayInputError(
      text.trim() ? 'This is not an SSE capture (no "data:" lines) nor a JSON response body.' : 'The capture is empty.',
    );
  }
  if (!looksLikeBody(protocol, body))
    throw new ReplayInputError(`This is not an SSE capture (no "data:" lines) nor a JSON response body of the ${protocol} protocol.`);
  const warnings = ['No SSE events found: read as a non-streaming JSON response body.'];
  try {
    const events = bodyEventsFor(protocol, body);
    for (const e of events) if (e.type === 'warning') warnings.push(e.message);
    return summarize(events, null, warnings);
  } catch (e) {
    return summarize([], errorDetail(e), warnings);
  }
}

function errorDetail(e: unknown): StreamErrorDetail {
  if (e instanceof StreamError) return e.detail;
  if (e instanceof ModelError) return { message: e.message, type: 'invalid_stream', code: null };
  throw e;
}

interface CallState {
  id: string | null;
  name: string;
  argsText: string;
  ended: boolean;
  args?: unknown;
  parseError?: string;
}

function summarize(events: ModelEvent[], error: StreamErrorDetail | null, warnings: string[]): ReplayResult {
  let text = '';
  let reasoning = '';
  let refusal = '';
  let finish: Extract<ModelEvent, { type: 'finish' }> | undefined;
  const calls = new Map<number, CallState>();
  for (const e of events) {
    if (e.type === 'text-delta') text += e.text;
    else if (e.type === 'reasoning-delta') reasoning += e.text;
    else if (e.type === 'refusal-delta') refusal += e.text;
    else if (e.type === 'tool-call-start') calls.set(e.index, { id: e.syntheticId ? null : e.id, name: e.name, argsText: '', ended: false });
    else if (e.type === 'tool-call-delta') {
      const call = calls.get(e.index);
      if (call) call.argsText += e.argsText;
    } else if (e.type === 'tool-call-end') {
      const call = calls.get(e.index);
      if (call) Object.assign(call, { argsText: e.argsText, ended: true, args: e.args, parseError: e.parseError });
    } else if (e.type === 'finish') finish = e;
  }
  const toolCalls: ReplayToolCall[] = [];
  for (const call of calls.values()) {
    const label = `Tool call ${call.id ?? '(no id)'} ${call.name}`;
    if (error && !call.ended) {
      // The provider aborted the answer: a half-streamed call is not a call (the app never runs it).
      warnings.push(`${label} was still streaming when the error arrived; it is not listed.`);
      continue;
    }
    const parsed = call.ended ? { args: call.args, parseError: call.parseError } : call.argsText.trim() ? parseArgs(call.argsText) : { args: undefined, parseError: 'no arguments arrived' };
    const complete = finish !== undefined && call.ended && !(finish.reason === 'length' && parsed.parseError);
    if (parsed.args === undefined)
      warnings.push(`${label}: arguments are not valid JSON (${parsed.parseError?.replace(/^Arguments are not valid JSON: /, '')}).`);
    if (!complete) warnings.push(`${label} is incomplete: ${finish?.reason === 'length' ? 'cut off by the token limit' : 'the stream ended early'}.`);
    toolCalls.push({ id: call.id, name: call.name, arguments: parsed.args ?? null, argumentsText: call.argsText, complete });
  }
  const finishReason = error ? 'error' : finish?.reason ?? null;
  return {
    text,
    reasoning,
    refusal,
    toolCalls,
    finishReason: finishReason === 'aborted' ? null : finishReason,
    rawFinishReason: finish?.rawReason ?? null,
    error,
    warnings,
  };
}
