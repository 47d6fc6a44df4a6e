// Plays one response script as an OpenAI chat completion: SSE when the request streams,
// a single JSON document otherwise. Faults replace or interrupt the normal answer.

import { canWrite, openAIError, sendJson } from './http-util.mjs';
import { makePlan, pieces } from './plan.mjs';
import { jsonFault, sleep, startSse, streamFault, writeEvent } from './stream-util.mjs';

export { DEFAULT_CHUNK_SIZE, DEFAULT_DELAY_MS } from './plan.mjs';

/**
 * Answers `res` according to `script`.
 * Resolves to 'completed' | 'aborted' (client went away) | 'dropped' (fault closed the socket).
 */
export async function respond(res, script, ctx) {
  const fault = script.fault;
  if (fault?.type === 'http') return httpFault(res, fault);
  const plan = makePlan(script, ctx);
  return ctx.body?.stream === true ? streamPlan(res, plan, fault, ctx) : jsonPlan(res, plan, fault, ctx);
}

function httpFault(res, fault) {
  const headers = fault.retryAfter != null ? { 'Retry-After': String(fault.retryAfter) } : {};
  sendJson(res, fault.status, openAIError(fault.status, { message: fault.message, code: fault.code }), headers);
  return 'completed';
}

/** The delta of every payload chunk, in order; faults count these (not the opening role chunk). */
function payloadDeltas(plan) {
  const deltas = [];
  for (const piece of pieces(plan.reasoning, plan.chunkSize)) deltas.push({ reasoning_content: piece });
  for (const piece of pieces(plan.text, plan.chunkSize)) deltas.push({ content: piece });
  const perCall = plan.toolCalls.map((call) => [
    { index: call.index, id: call.id, type: 'function', function: { name: call.name, arguments: '' } },
    ...pieces(call.arguments, plan.chunkSize).map((arg) => ({ index: call.index, function: { arguments: arg } })),
  ]);
  if (plan.interleave) {
    const longest = Math.max(0, ...perCall.map((f) => f.length));
    for (let i = 0; i < longest; i++) {
      for (const fragments of perCall) if (i < fragments.length) deltas.push({ tool_calls: [fragments[i]] });
    }
  } else {
    for (const fragments of perCall) for (const f of fragments) deltas.push({ tool_calls: [f] });
  }
  return deltas;
}

async function streamPlan(res, plan, fault, ctx) {
  if (!canWrite(res)) return 'aborted';
  startSse(res);
  const chunk = (delta, finishReason = null) => ({
    id: plan.id,
    object: 'chat.completion.chunk',
    created: plan.created,
    model: plan.model,
    system_fingerprint: 'fp_mock',
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
  });
  const send = (payload) => writeEvent(res, `data: ${JSON.stringify(payload)}\n\n`, ctx.signal);

  const opening = plan.text || plan.reasoning ? '' : null;
  if (!(await send(chunk({ role: 'assistant', content: opening })))) return 'aborted';

  const deltas = payloadDeltas(plan);
  const maybeFault = streamFault(res, fault, ctx, {
    malformedLine: 'data: {not json\n\n',
    writeError: () => writeEvent(res, `data: ${JSON.stringify(openAIError(500, { message: fault.message }))}\n\n`, ctx.signal),
  });

  for (let i = 0; i < deltas.length; i++) {
    const stop = await maybeFault(i);
    if (stop) return stop;
    await sleep(plan.delayMs, ctx.signal);
    if (!(await send(chunk(deltas[i])))) return 'aborted';
  }
  const stop = await maybeFault(deltas.length);
  if (stop) return stop;

  if (!(await send(chunk({}, plan.finishReason)))) return 'aborted';
  const usageChunk = { ...chunk({}), choices: [], usage: plan.usage };
  if (!(await send(usageChunk))) return 'aborted';
  if (!(await writeEvent(res, 'data: [DONE]\n\n', ctx.signal))) return 'aborted';
  res.end();
  return 'completed';
}

async function jsonPlan(res, plan, fault, ctx) {
  const faulted = await jsonFault(res, plan, fault, ctx, () => openAIError(500, { message: fault.message }));
  if (faulted) return faulted;
  const message = { role: 'assistant', content: plan.text || (plan.toolCalls.length ? null : ''), refusal: null };
  if (plan.reasoning) message.reasoning_content = plan.reasoning;
  if (plan.toolCalls.length) {
    message.tool_calls = plan.toolCalls.map((c) => ({
      id: c.id,
      type: 'function',
      function: { name: c.name, arguments: c.arguments },
    }));
  }
  sendJson(res, 200, {
    id: plan.id,
    object: 'chat.completion',
    created: plan.created,
    model: plan.model,
    system_fingerprint: 'fp_mock',
    choices: [{ index: 0, message, logprobs: null, finish_reason: plan.finishReason }],
    usage: plan.usage,
  });
  return 'completed';
}
