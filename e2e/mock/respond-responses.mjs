// Plays one response script as an OpenAI Responses API answer (`POST /v1/responses`): semantic SSE
// events (response.created, output items with their deltas and .done events, response.completed)
// when the request streams, one response object otherwise. Shapes follow the openai SDK's
// ResponseStreamEvent types. Faults replace or interrupt the answer in the API's error shapes.

import { canWrite, openAIError, sendJson } from './http-util.mjs';
import { makePlan, pieces } from './plan.mjs';
import { jsonFault, sleep, startSse, streamFault, writeEvent } from './stream-util.mjs';

/**
 * Answers `res` for `POST /v1/responses` according to `script`.
 * Resolves to 'completed' | 'aborted' (client went away) | 'dropped' (fault closed the socket).
 */
export async function respondResponses(res, script, ctx) {
  const fault = script.fault;
  if (fault?.type === 'http') {
    const headers = fault.retryAfter != null ? { 'Retry-After': String(fault.retryAfter) } : {};
    sendJson(res, fault.status, openAIError(fault.status, { message: fault.message, code: fault.code }), headers);
    return 'completed';
  }
  const plan = makePlan(script, { ...ctx, idPrefix: 'call_mock', messageIdPrefix: 'resp_mock' });
  return ctx.body?.stream === true ? streamPlan(res, plan, fault, ctx) : jsonPlan(res, plan, fault, ctx);
}

/** The finished output items: reasoning (with encrypted content), the message, then one function_call per call. */
function outputItems(plan) {
  const items = [];
  if (plan.reasoning)
    items.push({ id: `rs_${plan.id}`, type: 'reasoning', summary: [{ type: 'summary_text', text: plan.reasoning }], encrypted_content: `enc_mock_${plan.id}` });
  if (plan.text)
    items.push({ id: `msg_${plan.id}`, type: 'message', status: 'completed', role: 'assistant', content: [{ type: 'output_text', text: plan.text, annotations: [] }] });
  for (const call of plan.toolCalls)
    items.push({ id: `fc_${call.id}`, type: 'function_call', status: 'completed', call_id: call.id, name: call.name, arguments: call.arguments });
  return items;
}

function response(plan, status, output) {
  const u = plan.usage;
  const incomplete = plan.finishReason === 'length';
  return {
    id: plan.id,
    object: 'response',
    created_at: plan.created,
    status: incomplete && status === 'completed' ? 'incomplete' : status,
    model: plan.model,
    output,
    error: null,
    incomplete_details: incomplete ? { reason: 'max_output_tokens' } : null,
    store: false,
    usage: { input_tokens: u.input_tokens ?? u.prompt_tokens, output_tokens: u.output_tokens ?? u.completion_tokens, total_tokens: u.total_tokens },
  };
}

/** Every SSE event between response.created and the final one; `payload` marks what faults count. */
function streamEvents(plan) {
  const events = [];
  const add = (data, payload = false) => events.push({ data, payload });
  outputItems(plan).forEach((item, output_index) => {
    if (item.type === 'reasoning') {
      add({ type: 'response.output_item.added', output_index, item: { id: item.id, type: 'reasoning', summary: [] } });
      add({ type: 'response.reasoning_summary_part.added', item_id: item.id, output_index, summary_index: 0, part: { type: 'summary_text', text: '' } });
      for (const delta of pieces(plan.reasoning, plan.chunkSize))
        add({ type: 'response.reasoning_summary_text.delta', item_id: item.id, output_index, summary_index: 0, delta }, true);
      add({ type: 'response.reasoning_summary_text.done', item_id: item.id, output_index, summary_index: 0, text: plan.reasoning });
    } else if (item.type === 'message') {
      add({ type: 'response.output_item.added', output_index, item: { ...item, status: 'in_progress', content: [] } });
      add({ type: 'response.content_part.added', item_id: item.id, output_index, content_index: 0, part: { type: 'output_text', text: '', annotations: [] } });
      for (const delta of pieces(plan.text, plan.chunkSize))
        add({ type: 'response.output_text.delta', item_id: item.id, output_index, content_index: 0, delta, logprobs: [] }, true);
      add({ type: 'response.output_text.done', item_id: item.id, output_index, content_index: 0, text: plan.text, logprobs: [] });
      add({ type: 'response.content_part.done', item_id: item.id, output_index, content_index: 0, part: item.content[0] });
    } else {
      add({ type: 'response.output_item.added', output_index, item: { ...item, status: 'in_progress', arguments: '' } }, true);
      for (const delta of pieces(item.arguments, plan.chunkSize))
        add({ type: 'response.function_call_arguments.delta', item_id: item.id, output_index, delta }, true);
      add({ type: 'response.function_call_arguments.done', item_id: item.id, output_index, arguments: item.arguments });
    }
    add({ type: 'response.output_item.done', output_index, item });
  });
  return events;
}

async function streamPlan(res, plan, fault, ctx) {
  if (!canWrite(res)) return 'aborted';
  startSse(res);
  let sequence = 0;
  const send = (data) => writeEvent(res, `event: ${data.type}\ndata: ${JSON.stringify({ ...data, sequence_number: sequence++ })}\n\n`, ctx.signal);
  if (!(await send({ type: 'response.created', response: response(plan, 'in_progress', []) }))) return 'aborted';
  if (!(await send({ type: 'response.in_progress', response: response(plan, 'in_progress', []) }))) return 'aborted';
  const maybeFault = streamFault(res, fault, ctx, {
    malformedLine: 'event: response.output_text.delta\ndata: {not json\n\n',
    writeError: () => send({ type: 'error', code: 'server_error', message: fault.message ?? 'The server had an error while processing your request.', param: null }),
  });
  let sent = 0;
  for (const event of streamEvents(plan)) {
    if (event.payload) {
      const stop = await maybeFault(sent);
      if (stop) return stop;
      await sleep(plan.delayMs, ctx.signal);
      sent++;
    }
    if (!(await send(event.data))) return 'aborted';
  }
  const stop = await maybeFault(sent);
  if (stop) return stop;
  const final = response(plan, 'completed', outputItems(plan));
  if (!(await send({ type: final.status === 'incomplete' ? 'response.incomplete' : 'response.completed', response: final }))) return 'aborted';
  res.end();
  return 'completed';
}

async function jsonPlan(res, plan, fault, ctx) {
  const faulted = await jsonFault(res, plan, fault, ctx, () => openAIError(500, { message: fault.message }));
  if (faulted) return faulted;
  sendJson(res, 200, response(plan, 'completed', outputItems(plan)));
  return 'completed';
}

/** Checks what the Responses API would refuse: no `input`, or a call output with no call before it. */
export function responsesBodyProblem(body) {
  if (!body || typeof body !== 'object' || !(typeof body.input === 'string' || Array.isArray(body.input))) return "Missing required parameter: 'input'.";
  const items = Array.isArray(body.input) ? body.input : [];
  const calls = new Set(items.filter((i) => i?.type === 'function_call').map((i) => i.call_id));
  const orphan = items.find((i) => i?.type === 'function_call_output' && !calls.has(i.call_id));
  if (orphan) return `No tool call found for function call output with call_id ${orphan.call_id}.`;
  return null;
}
