// Turns a response script into the pieces to send, so every wire format (OpenAI streaming and
// JSON, Anthropic streaming and JSON, prompted tool calls) plays the same script the same way.

export const DEFAULT_CHUNK_SIZE = 6;
export const DEFAULT_DELAY_MS = 12;

/** Builds the plan for `script` against the request in `ctx` (`idPrefix` names generated call ids). */
export function makePlan(script, ctx) {
  const chunkSize = Math.max(1, script.chunkSize ?? DEFAULT_CHUNK_SIZE);
  let toolCalls = (script.toolCalls ?? []).map((call, index) => ({
    index,
    id: call.id ?? `${ctx.idPrefix ?? 'call_mock'}_${ctx.seq}_${index}`,
    name: call.name,
    arguments: typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments ?? {}),
  }));
  let text = script.text ?? '';
  let finishReason = script.finishReason ?? (toolCalls.length ? 'tool_calls' : 'stop');
  const prompted = toolCalls.length > 0 && usePromptedTools(script, ctx.body);
  if (prompted) {
    // A model without native tools writes its calls into the text and simply stops.
    text = [text, ...toolCalls.map(toolCallBlock)].filter(Boolean).join('\n');
    toolCalls = [];
    finishReason = script.finishReason ?? 'stop';
  }
  const reasoning = script.reasoning ?? '';
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
    id: `${ctx.messageIdPrefix ?? 'chatcmpl-mock'}-${ctx.seq}`,
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
    prompted,
  };
}

/**
 * `promptedTools: true/false` decides; unset, a request that sends no `tools` but whose system
 * prompt teaches `<tool_call>` blocks (the app's prompted mode) gets its calls as text.
 */
export function usePromptedTools(script, body) {
  if (typeof script.promptedTools === 'boolean') return script.promptedTools;
  const hasTools = Array.isArray(body?.tools) && body.tools.length > 0;
  return !hasTools && systemText(body).includes('<tool_call>');
}

function systemText(body) {
  const parts = [];
  const collect = (content) => {
    if (typeof content === 'string') parts.push(content);
    else if (Array.isArray(content)) for (const p of content) if (typeof p?.text === 'string') parts.push(p.text);
  };
  collect(body?.system);
  for (const m of Array.isArray(body?.messages) ? body.messages : Array.isArray(body?.input) ? body.input : []) if (m?.role === 'system') collect(m.content);
  return parts.join('\n');
}

/** A call as a prompted model writes it; string arguments go in verbatim (so they can be broken on purpose). */
export function toolCallBlock(call) {
  return `<tool_call>\n{"name": ${JSON.stringify(call.name)}, "arguments": ${call.arguments}}\n</tool_call>`;
}

/** Splits by code points so a chunk never cuts an emoji or accented letter in half. */
export function pieces(text, size) {
  const chars = Array.from(text);
  const out = [];
  for (let i = 0; i < chars.length; i += size) out.push(chars.slice(i, i + size).join(''));
  return out;
}
