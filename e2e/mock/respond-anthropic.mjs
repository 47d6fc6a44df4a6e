// Plays one response script as an Anthropic Messages answer: SSE (message_start, content blocks,
// message_delta, message_stop, with ping events sprinkled in) when the request streams, one
// message JSON otherwise. Faults replace or interrupt the answer, in Anthropic's error shape.

import { canWrite, sendJson } from './http-util.mjs';
import { makePlan, pieces } from './plan.mjs';
import { jsonFault, sleep, startSse, streamFault, writeEvent } from './stream-util.mjs';

// Every this many payload events a ping goes out, as the real API does on long answers.
const PING_EVERY = 4;

const STOP_REASONS = { stop: 'end_turn', tool_calls: 'tool_use', length: 'max_tokens', content_filter: 'refusal' };

const ERROR_TYPES = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  500: 'api_error',
  529: 'overloaded_error',
};

const ERROR_MESSAGES = {
  401: 'invalid x-api-key',
  429: 'Number of request tokens has exceeded your per-minute rate limit.',
  529: 'Overloaded',
};

/** Anthropic's error body `{type: 'error', error: {type, message}}` for a status. */
export function anthropicError(status, { message, type } = {}) {
  const errorType = type ?? ERROR_TYPES[status] ?? (status >= 500 ? 'api_error' : 'invalid_request_error');
  return { type: 'error', error: { type: errorType, message: message ?? ERROR_MESSAGES[status] ?? `Mock error ${status}` } };
}

/**
 * Answers `res` for `POST /v1/messages` according to `script`.
 * Resolves to 'completed' | 'aborted' (client went away) | 'dropped' (fault closed the socket).
 */
export async function respondAnthropic(res, script, ctx) {
  const fault = script.fault;
  if (fault?.type === 'http') {
    const headers = fault.retryAfter != null ? { 'Retry-After': String(fault.retryAfter) } : {};
    sendJson(res, fault.status, anthropicError(fault.status, { message: fault.message, type: fault.code }), headers);
    return 'completed';
  }
  const plan = makePlan(script, { ...ctx, idPrefix: 'toolu_mock', messageIdPrefix: 'msg_mock' });
  return ctx.body?.stream === true ? streamPlan(res, plan, fault, ctx) : jsonPlan(res, plan, fault, ctx);
}

function stopReason(plan) {
  return STOP_REASONS[plan.finishReason] ?? plan.finishReason;
}

function usageOf(plan) {
  const u = plan.usage;
  return { input_tokens: u.input_tokens ?? u.prompt_tokens, output_tokens: u.output_tokens ?? u.completion_tokens };
}

/** The content blocks of the answer: thinking (signed), text, then one tool_use per call. */
function contentBlocks(plan) {
  const blocks = [];
  if (plan.reasoning) blocks.push({ type: 'thinking', thinking: plan.reasoning, signature: `sig_mock_${plan.id}` });
  if (plan.text) blocks.push({ type: 'text', text: plan.text });
  for (const call of plan.toolCalls) blocks.push({ type: 'tool_use', id: call.id, name: call.name, input: call.arguments });
  return blocks;
}

/** Every SSE event after message_start; `payload` marks the ones faults count (deltas and tool_use starts). */
function streamEvents(plan) {
  const events = [];
  const add = (type, data, payload = false) => events.push({ type, data: { type, ...data }, payload });
  contentBlocks(plan).forEach((block, index) => {
    if (block.type === 'thinking') {
      add('content_block_start', { index, content_block: { type: 'thinking', thinking: '' } });
      for (const piece of pieces(block.thinking, plan.chunkSize))
        add('content_block_delta', { index, delta: { type: 'thinking_delta', thinking: piece } }, true);
      add('content_block_delta', { index, delta: { type: 'signature_delta', signature: block.signature } });
    } else if (block.type === 'text') {
      add('content_block_start', { index, content_block: { type: 'text', text: '' } });
      for (const piece of pieces(block.text, plan.chunkSize))
        add('content_block_delta', { index, delta: { type: 'text_delta', text: piece } }, true);
    } else {
      add('content_block_start', { index, content_block: { type: 'tool_use', id: block.id, name: block.name, input: {} } }, true);
      for (const piece of pieces(block.input, plan.chunkSize))
        add('content_block_delta', { index, delta: { type: 'input_json_delta', partial_json: piece } }, true);
    }
    add('content_block_stop', { index });
  });
  return events;
}

async function streamPlan(res, plan, fault, ctx) {
  if (!canWrite(res)) return 'aborted';
  startSse(res);
  const send = (type, data) => writeEvent(res, `event: ${type}\ndata: ${JSON.stringify(data)}\n\n`, ctx.signal);
  const usage = usageOf(plan);
  const message = {
    id: plan.id,
    type: 'message',
    role: 'assistant',
    model: plan.model,
    content: [],
    stop_reason: null,
    stop_sequence: null,
    usage: { input_tokens: usage.input_tokens, output_tokens: 1 },
  };
  if (!(await send('message_start', { type: 'message_start', message }))) return 'aborted';
  if (!(await send('ping', { type: 'ping' }))) return 'aborted';

  const maybeFault = streamFault(res, fault, ctx, {
    malformedLine: 'event: content_block_delta\ndata: {not json\n\n',
    writeError: () => send('error', anthropicError(529, { message: fault.message })),
  });

  let sent = 0;
  for (const event of streamEvents(plan)) {
    if (event.payload) {
      const stop = await maybeFault(sent);
      if (stop) return stop;
      await sleep(plan.delayMs, ctx.signal);
      sent++;
      if (sent % PING_EVERY === 0 && !(await send('ping', { type: 'ping' }))) return 'aborted';
    }
    if (!(await send(event.type, event.data))) return 'aborted';
  }
  const stop = await maybeFault(sent);
  if (stop) return stop;

  const delta = { type: 'message_delta', delta: { stop_reason: stopReason(plan), stop_sequence: null }, usage: { output_tokens: usage.output_tokens } };
  if (!(await send('message_delta', delta))) return 'aborted';
  if (!(await send('message_stop', { type: 'message_stop' }))) return 'aborted';
  res.end();
  return 'completed';
}

async function jsonPlan(res, plan, fault, ctx) {
  const faulted = await jsonFault(res, plan, fault, ctx, () => anthropicError(529, { message: fault.message }));
  if (faulted) return faulted;
  const content = contentBlocks(plan).map((b) => (b.type === 'tool_use' ? { ...b, input: parseInput(b.input) } : b));
  sendJson(res, 200, {
    id: plan.id,
    type: 'message',
    role: 'assistant',
    model: plan.model,
    content,
    stop_reason: stopReason(plan),
    stop_sequence: null,
    usage: usageOf(plan),
  });
  return 'completed';
}

// A script may carry deliberately broken arguments; the JSON answer still has to be JSON.
function parseInput(text) {
  try {
    return JSON.parse(text);
  } catch {
    return { _unparsed: text };
  }
}
