// One view of a request's conversation, whatever its wire format, so queue markers and scenarios
// work the same for OpenAI chat completions, Anthropic Messages and prompted tool calling.

const RESULT_BLOCK = /<tool_result\s+name="([^"]*)"\s+id="([^"]*)">([\s\S]*?)<\/tool_result>/g;
const CALL_BLOCK = /<tool_call>\s*([\s\S]*?)\s*<\/tool_call>/g;

/**
 * The request's messages in OpenAI chat shape: Anthropic `tool_use` / `tool_result` blocks and
 * prompted `<tool_call>` / `<tool_result>` text become `tool_calls` and `role: 'tool'` messages.
 */
export function chatView(body) {
  const out = [];
  if (!Array.isArray(body?.messages) && body?.input !== undefined) return responsesView(body.input);
  for (const m of Array.isArray(body?.messages) ? body.messages : []) {
    if (m?.role === 'assistant') out.push(assistantView(m));
    else if (m?.role === 'user') out.push(...userView(m));
    else if (m) out.push(m);
  }
  return out;
}

function assistantView(m) {
  const blocks = Array.isArray(m.content) ? m.content : [];
  let text = typeof m.content === 'string' ? m.content : blocks.filter((b) => b?.type === 'text').map((b) => b.text).join('');
  const calls = [...(m.tool_calls ?? [])];
  for (const b of blocks) {
    if (b?.type === 'tool_use') calls.push({ id: b.id, type: 'function', function: { name: b.name, arguments: JSON.stringify(b.input ?? {}) } });
  }
  text = (text ?? '').replace(CALL_BLOCK, (_all, json) => {
    const name = /"name"\s*:\s*"([^"]*)"/.exec(json)?.[1];
    calls.push({ id: `prompted_${calls.length}`, type: 'function', function: { name, arguments: json } });
    return '';
  });
  return { role: 'assistant', content: text || null, ...(calls.length ? { tool_calls: calls } : {}) };
}

function userView(m) {
  const out = [];
  const texts = [];
  const parts = typeof m.content === 'string' ? [{ type: 'text', text: m.content }] : Array.isArray(m.content) ? m.content : [];
  for (const part of parts) {
    if (part?.type === 'tool_result') {
      out.push({ role: 'tool', tool_call_id: part.tool_use_id, content: resultText(part.content) });
    } else if (part?.type === 'text' && typeof part.text === 'string') {
      const rest = part.text.replace(RESULT_BLOCK, (_all, name, id, content) => {
        out.push({ role: 'tool', tool_call_id: id, name, content: content.trim() });
        return '';
      });
      if (rest.trim()) texts.push(rest.trim());
    }
  }
  if (texts.length) out.push({ role: 'user', content: texts.join('\n') });
  return out;
}

function resultText(content) {
  if (typeof content === 'string') return content;
  return Array.isArray(content) ? content.map((c) => c?.text ?? '').join('') : '';
}

/** The text of the last user message (tool results are not user text). */
export function lastUserText(messages) {
  const user = [...messages].reverse().find((m) => m?.role === 'user');
  return typeof user?.content === 'string' ? user.content : '';
}

/** Responses API `input` items as chat messages: function_call items join the assistant message before them. */
function responsesView(input) {
  if (typeof input === 'string') return [{ role: 'user', content: input }];
  const out = [];
  for (const item of Array.isArray(input) ? input : []) {
    if (item?.type === 'function_call') {
      let last = out[out.length - 1];
      if (last?.role !== 'assistant') out.push((last = { role: 'assistant', content: null }));
      (last.tool_calls ??= []).push({ id: item.call_id, type: 'function', function: { name: item.name, arguments: item.arguments } });
    } else if (item?.type === 'function_call_output') {
      out.push({ role: 'tool', tool_call_id: item.call_id, content: item.output });
    } else if (item?.type === 'reasoning') {
      continue;
    } else if (item?.role === 'assistant') {
      out.push(assistantView(item));
    } else if (item?.role === 'user') {
      out.push(...userView(item));
    } else if (item?.role) {
      out.push({ role: item.role, content: typeof item.content === 'string' ? item.content : '' });
    }
  }
  return out;
}
