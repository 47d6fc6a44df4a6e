// The request checks the real Messages API makes that a client is most likely to get wrong.

/** The first problem with a Messages request body, worded like the API, or null. */
export function messagesBodyProblem(body) {
  if (!body || typeof body !== 'object') return 'Request body must be a JSON object.';
  if (typeof body.model !== 'string' || !body.model) return 'model: Field required';
  if (!Number.isInteger(body.max_tokens)) return 'max_tokens: Field required';
  if (!Array.isArray(body.messages) || body.messages.length === 0) return 'messages: Field required';
  if (body.messages.some((m) => m?.role === 'system')) {
    return 'messages: Unexpected role "system". The Messages API accepts a top-level `system` parameter, not "system" as an input message role.';
  }
  for (const [i, m] of body.messages.entries()) {
    if (m?.role !== 'user' && m?.role !== 'assistant') return `messages.${i}.role: Input should be 'user' or 'assistant'`;
  }
  // Anthropic's newest models refuse an assistant prefill; a client that relies on one breaks there.
  if (body.messages.at(-1)?.role === 'assistant') {
    return 'This model does not support assistant message prefill. The conversation must end with a user message.';
  }
  return pairingProblem(body.messages);
}

/** Every tool_use needs a tool_result in the very next message, and every tool_result a tool_use just before it. */
function pairingProblem(messages) {
  const blocks = (m) => (Array.isArray(m?.content) ? m.content : []);
  for (const [i, m] of messages.entries()) {
    const uses = blocks(m).filter((b) => b?.type === 'tool_use').map((b) => b.id);
    const results = blocks(messages[i + 1]).filter((b) => b?.type === 'tool_result').map((b) => b.tool_use_id);
    if (m.role === 'assistant' && uses.length) {
      const missing = uses.filter((id) => !results.includes(id));
      if (missing.length) {
        return `messages.${i + 1}: \`tool_use\` ids were found without \`tool_result\` blocks immediately after: ${missing.join(', ')}. Each \`tool_use\` block must have a corresponding \`tool_result\` block in the next message.`;
      }
    }
    if (m.role === 'user') {
      const before = blocks(messages[i - 1]).filter((b) => b?.type === 'tool_use').map((b) => b.id);
      for (const [j, b] of blocks(m).entries()) {
        if (b?.type === 'tool_result' && !before.includes(b.tool_use_id)) {
          return `messages.${i}.content.${j}: unexpected \`tool_use_id\` found in \`tool_result\` blocks: ${b.tool_use_id}. Each \`tool_result\` block must have a corresponding \`tool_use\` block in the previous message.`;
        }
      }
    }
  }
  return null;
}
