import type { AssistantMessage, Conversation, Message, ToolCallState } from './types';

/**
 * A copy of `conv` under new ids — the conversation, every message and every tool call — with
 * parent links, active-branch choices and the parts that point at calls remapped to match, for
 * importing a conversation whose ids are already taken.
 */
export function withFreshIds(conv: Conversation, newId: () => string = () => crypto.randomUUID()): Conversation {
  const messageIds = new Map(conv.messages.map((m) => [m.id, newId()]));
  const mapMessage = (id: string) => messageIds.get(id) ?? id;
  const messages = conv.messages.map((m): Message => {
    const parentId = m.parentId === null ? null : mapMessage(m.parentId);
    if (m.role === 'user') return { ...m, id: mapMessage(m.id), parentId };
    return { ...freshCalls(m, newId), id: mapMessage(m.id), parentId };
  });
  const activeChild = Object.fromEntries(Object.entries(conv.activeChild).map(([parent, child]) => [parent === '' ? '' : mapMessage(parent), mapMessage(child)]));
  return { ...conv, id: newId(), messages, activeChild };
}

// Call ids are provider ids that must stay unique in a conversation and match between a call and
// its result; fresh ones keep that while never colliding with the original's.
function freshCalls(turn: AssistantMessage, newId: () => string): AssistantMessage {
  const callIds = new Map(Object.keys(turn.calls).map((id) => [id, `call_${newId()}`]));
  const mapCall = (id: string) => callIds.get(id) ?? id;
  const calls: Record<string, ToolCallState> = {};
  for (const [id, call] of Object.entries(turn.calls)) calls[mapCall(id)] = { ...call, id: mapCall(id) };
  const rounds = turn.rounds.map((r) => ({ ...r, parts: r.parts.map((p) => (p.type === 'tool-call' ? { ...p, callId: mapCall(p.callId) } : p)) }));
  return { ...turn, calls, rounds };
}
