import type { AnthropicMessage } from '../protocols/anthropic-messages-request';

/*
 * What providers reject in a message history, checked on the wire shapes themselves (the output of
 * toOpenAIMessages / toAnthropicMessages). The context-budget property tests use these; each returns
 * the problems found, empty when the request is well formed.
 */

interface OpenAIWireMessage {
  role: string;
  content?: unknown;
  tool_call_id?: string;
  tool_calls?: { id: string; type: string; function: { name: string; arguments: unknown } }[];
}

/** Problems OpenAI chat completions would answer 400 to: orphan results, unanswered calls, a bad start. */
export function openAIRequestProblems(messages: readonly unknown[]): string[] {
  const msgs = messages as OpenAIWireMessage[];
  const problems: string[] = [];
  let i = msgs[0]?.role === 'system' ? 1 : 0;
  if (i < msgs.length && msgs[i].role !== 'user') problems.push(`message ${i}: the history starts with ${msgs[i].role}, not user`);
  const callIds = new Set<string>();
  for (; i < msgs.length; i++) {
    const m = msgs[i];
    if (m.role === 'system') problems.push(`message ${i}: a system message after the start`);
    if (m.role === 'tool') problems.push(`message ${i}: tool result ${m.tool_call_id} does not follow its call`);
    if (m.role !== 'assistant') continue;
    if (m.content === null && !m.tool_calls?.length) problems.push(`message ${i}: assistant content is null without tool calls`);
    if (!m.tool_calls?.length) continue;
    const expected = new Set<string>();
    for (const c of m.tool_calls) {
      if (callIds.has(c.id)) problems.push(`message ${i}: tool call id ${c.id} used twice`);
      if (typeof c.function.arguments !== 'string') problems.push(`message ${i}: arguments of ${c.id} are not a string`);
      callIds.add(c.id);
      expected.add(c.id);
    }
    // The results must come right after their assistant message, one per call.
    while (msgs[i + 1]?.role === 'tool') {
      const id = msgs[++i].tool_call_id!;
      if (!expected.delete(id)) problems.push(`message ${i}: tool result ${id} matches no call of the preceding assistant message`);
    }
    for (const id of expected) problems.push(`tool call ${id} has no result`);
  }
  return problems;
}

/** Problems the Anthropic Messages API would answer 400 to: start, alternation, tool_use/tool_result pairing. */
export function anthropicRequestProblems(messages: readonly AnthropicMessage[]): string[] {
  const problems: string[] = [];
  if (messages.length && messages[0].role !== 'user') problems.push('the first message is not from the user');
  messages.forEach((m, k) => {
    const prev = messages[k - 1];
    if (prev?.role === m.role) problems.push(`message ${k}: two ${m.role} messages in a row`);
    if (!m.content.length) problems.push(`message ${k}: empty content`);
    for (const b of m.content) if (b.type === 'text' && !String(b.text).trim()) problems.push(`message ${k}: empty text block`);
    const uses = (msg: AnthropicMessage | undefined) =>
      new Set((msg?.role === 'assistant' ? msg.content : []).filter((b) => b.type === 'tool_use').map((b) => String(b.id)));
    if (m.role === 'user') {
      const offered = uses(prev);
      let seenText = false;
      for (const b of m.content) {
        if (b.type !== 'tool_result') {
          seenText = true;
          continue;
        }
        if (seenText) problems.push(`message ${k}: tool_result after text`);
        if (!offered.has(String(b.tool_use_id))) problems.push(`message ${k}: tool_result ${String(b.tool_use_id)} has no tool_use in the preceding message`);
      }
    } else {
      const answered = new Set(
        (messages[k + 1]?.content ?? []).filter((b) => b.type === 'tool_result').map((b) => String(b.tool_use_id)),
      );
      for (const id of uses(m)) if (!answered.has(id)) problems.push(`message ${k}: tool_use ${id} has no tool_result in the next message`);
    }
  });
  return problems;
}
