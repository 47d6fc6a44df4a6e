import type { AssistantMessage, Conversation, Message, ToolCallState } from '../conversation/types';

/** Immutable helpers: replace one assistant turn or one call without touching anything else. */
export function updateTurn(conv: Conversation, turnId: string, fn: (t: AssistantMessage) => AssistantMessage): Conversation {
  const i = conv.messages.findIndex((m) => m.id === turnId);
  const turn = conv.messages[i];
  if (!turn || turn.role !== 'assistant') return conv;
  const messages = conv.messages.slice();
  messages[i] = fn(turn);
  return { ...conv, messages, updatedAt: Date.now() };
}

export function updateCall(
  conv: Conversation,
  turnId: string,
  callId: string,
  fn: (c: ToolCallState) => ToolCallState,
): Conversation {
  return updateTurn(conv, turnId, (t) => (t.calls[callId] ? { ...t, calls: { ...t.calls, [callId]: fn(t.calls[callId]) } } : t));
}

export function findTurn(conv: Conversation, turnId: string | null): AssistantMessage | undefined {
  const m = turnId ? conv.messages.find((x) => x.id === turnId) : undefined;
  return m?.role === 'assistant' ? m : undefined;
}

/** The calls of one round of a turn, in stream order. */
export function roundCalls(turn: AssistantMessage, round: number): ToolCallState[] {
  const parts = turn.rounds[round]?.parts ?? [];
  return parts.flatMap((p) => (p.type === 'tool-call' && turn.calls[p.callId] ? [turn.calls[p.callId]] : []));
}

export function lastOf<T extends Message['role']>(messages: Message[], role: T): Extract<Message, { role: T }> | undefined {
  for (let i = messages.length - 1; i >= 0; i--) if (messages[i].role === role) return messages[i] as Extract<Message, { role: T }>;
  return undefined;
}
