// A long saved conversation for the long-history scenario, shaped like src/core/conversation/types.ts.

import { markdownDocument } from './markdown-doc.mjs';
import { prng } from './prng.mjs';

export const HISTORY_END_MARKER = 'END-OF-HISTORY';

/** A deterministic conversation of `count` messages (user and assistant alternating). */
export function historyConversation(count, seed = 99) {
  const r = prng(seed);
  const id = `bench-history-${count}`;
  const start = Date.UTC(2025, 0, 1);
  const messages = [];
  let parentId = null;
  for (let i = 0; i < count; i++) {
    const mid = `history-m${i}`;
    const createdAt = start + i * 1000;
    const last = i === count - 1;
    if (i % 2 === 0) {
      const text = `Question ${i / 2 + 1}: ${markdownDocument(r.int(12, 40), seed + i).replace(/[#`|>*[\]()-]/g, '').slice(0, 200)}`;
      messages.push({ id: mid, parentId, role: 'user', text: last ? `${text} ${HISTORY_END_MARKER}` : text, createdAt });
    } else {
      // Answers from short to long, some with a code block or a table, every tenth with a tool call.
      let text = markdownDocument(r.int(40, 260), seed * 31 + i);
      if (last) text += `\n\n${HISTORY_END_MARKER}`;
      const parts = [{ type: 'text', text }];
      const calls = {};
      if (i % 10 === 1) {
        const callId = `${mid}-call`;
        parts.unshift({ type: 'tool-call', callId });
        calls[callId] = {
          id: callId,
          name: 'calculate',
          round: 0,
          argsText: JSON.stringify({ expression: `${i} * 3 + 1` }),
          args: { expression: `${i} * 3 + 1` },
          status: 'succeeded',
          policy: 'auto',
          outcome: { status: 'succeeded', value: i * 3 + 1, text: String(i * 3 + 1), truncated: false },
          resultText: String(i * 3 + 1),
          startedAt: createdAt,
          endedAt: createdAt + 12,
        };
      }
      messages.push({ id: mid, parentId, role: 'assistant', createdAt, model: 'mock-small', rounds: [{ parts, finishReason: 'stop' }], calls, outcome: 'completed' });
    }
    parentId = mid;
  }
  const updatedAt = start + count * 1000;
  return { id, title: `Long history (${count} messages)`, messages, activeChild: {}, createdAt: start, updatedAt };
}

/** The sidebar's entry for a conversation (see src/store/persistence/summary.ts). */
export function historySummary(conv) {
  return { id: conv.id, title: conv.title, createdAt: conv.createdAt, updatedAt: conv.updatedAt, messageCount: conv.messages.length };
}
