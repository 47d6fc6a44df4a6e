import type { AssistantMessage, Conversation, ToolCallState } from '../conversation/types';
import { RunStore } from './run-store';
import { findTurn } from './turn-updates';

// Shared by the run parts' own tests: a store whose turn "t" holds one round of calls.

export const streamingCall = (id: string, name = 'echo', args: unknown = { text: 'hi' }): ToolCallState => ({
  id,
  name,
  round: 0,
  argsText: JSON.stringify(args),
  args,
  status: 'streaming_args',
});

export function storeWith(calls: ToolCallState[], observer?: ConstructorParameters<typeof RunStore>[0]['observer']) {
  const turn: AssistantMessage = {
    id: 't',
    parentId: 'u',
    role: 'assistant',
    createdAt: 0,
    model: 'm',
    rounds: [{ parts: calls.map((c) => ({ type: 'tool-call' as const, callId: c.id })), finishReason: 'tool_calls' }],
    calls: Object.fromEntries(calls.map((c) => [c.id, c])),
  };
  const conversation: Conversation = {
    id: 'conv',
    title: '',
    createdAt: 0,
    updatedAt: 0,
    activeChild: { '': 'u', u: 't' },
    messages: [{ id: 'u', parentId: null, role: 'user', text: 'hi', createdAt: 0 }, turn],
  };
  let seq = 0;
  const newId = () => `id${++seq}`;
  const store = new RunStore({ newId, observer }, conversation);
  store.update({ turnId: 't' });
  const callOf = (id: string) => findTurn(store.state.conversation, 't')!.calls[id];
  return { store, newId, callOf };
}
