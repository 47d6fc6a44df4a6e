// Plays one response script as an OpenAI chat completion: SSE when the request streams,
// a single JSON document otherwise. Faults replace or interrupt the normal answer.

import { canWrite, openAIError, sendJson } from './http-util.mjs';

export const DEFAULT_CHUNK_SIZE = 6;
export const DEFAULT_DELAY_MS = 12;

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

/** Turns a script into the pieces to send, so streaming and JSON answers agree. */
function makePlan(script, ctx) {
  const chunkSize = Math.max(1, script.chunkSize ?? DEFAULT_CHUNK_SIZE);
  const toolCalls = (script.toolCalls ?? []).map((call, index) => ({
    index,
    id: call.id ?? `call_mock_${ctx.seq}_${index}`,
    name: call.name,
    arguments: typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments ?? {}),
  }));
  const text = script.text ?? '';
  const reasoning = script.reasoning ?? '';
  const finishReason = script.finishReason ?? (toolCalls.length ? 'tool_calls' : 'stop');
  const outputChars = text.length + reasoning.length + toolCalls.reduce((n, c) => n + c.arguments.length + c.name.length, 0);
  const promptTokens = Math.ceil(JSON.stringify(ctx.body?.messages ?? []).length / 4);
  const completionTokens = Math.ceil(outputChars / 4);
  const usage = {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
    completion_tokens_details: { reasoning_tokens: Math.ceil(reasoning.length / 4) },
    ...script.usage,
  };
  if (script.usage) usage.total_tokens = script.usage.total_tokens ?? usage.prompt_tokens + usage.completion_tokens;
  return {
    id: `chatcmpl-mock-${ctx.seq}`,
    created: Math.floor(Date.now() / 1000),
    model: typeof ctx.body?.model === 'string' ? ctx.body.model : 'mock-small',
    chunkSize,
    delayMs: Math.max(0, script.delayMs ?? DEFAULT_DELAY_MS),
    text,
    reasoning,
    toolCalls,
    interleave: script.interleaveToolCalls === true,
    finishReason,
    usage,
  };
}

/** Splits by code points so a chunk never cuts an emoji or accented letter in half. */
function pieces(text, size) {
  const chars = Array.from(text);
  const out = [];
  for (let i = 0; i < chars.length; i += size) out.push(chars.slice(i, i + size).join(''));
  return out;
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
  res.writeHead(200, {
    'Content-Type': 'text/event-stream',
    'Cache-Control': 'no-cache',
    Connection: 'keep-alive',
  });
  res.flushHeaders();
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
  let faultDone = !fault;
  // Runs the fault when `sent` payload chunks have gone out; returns the outcome if the script ends here.
  const maybeFault = async (sent) => {
    if (faultDone || sent < (fault.afterChunks ?? 0)) return null;
    faultDone = true;
    switch (fault.type) {
      case 'drop':
        ctx.onDrop();
        res.destroy();
        return 'dropped';
      case 'malformed':
        return (await writeEvent(res, 'data: {not json\n\n', ctx.signal)) ? null : 'aborted';
      case 'stall':
        await sleep(fault.ms ?? Infinity, ctx.signal);
        return canWrite(res) ? null : 'aborted';
      case 'error-event': {
        const body = openAIError(500, { message: fault.message });
        if (!(await writeEvent(res, `data: ${JSON.stringify(body)}\n\n`, ctx.signal))) return 'aborted';
        res.end();
        return 'completed';
      }
      default:
        return null;
    }
  };

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
  await sleep(plan.delayMs, ctx.signal);
  if (fault?.type === 'stall') await sleep(fault.ms ?? Infinity, ctx.signal);
  if (!canWrite(res)) return 'aborted';
  if (fault?.type === 'drop') {
    ctx.onDrop();
    res.destroy();
    return 'dropped';
  }
  if (fault?.type === 'malformed') {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end('{not json');
    return 'completed';
  }
  if (fault?.type === 'error-event') {
    sendJson(res, 200, openAIError(500, { message: fault.message }));
    return 'completed';
  }
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

/** Writes one SSE event and waits until it is handed to the socket; false when the client is gone. */
function writeEvent(res, text, signal) {
  if (!canWrite(res) || signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onAbort = () => resolve(false);
    signal.addEventListener('abort', onAbort, { once: true });
    res.write(text, (err) => {
      signal.removeEventListener('abort', onAbort);
      resolve(!err && canWrite(res));
    });
  });
}

/** Waits `ms` (Infinity: until aborted); resolves early, never rejects, when the signal aborts. */
function sleep(ms, signal) {
  if (signal.aborted || ms <= 0) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = Number.isFinite(ms) ? setTimeout(done, ms) : undefined;
    signal.addEventListener('abort', done, { once: true });
  });
}
