import { describe, expect, it } from 'vitest';
import { ChatController } from '../core/run/chat-controller';
import { createToolRegistry } from '../core/tools/registry';
import type { ModelClient, ModelEvent } from '../core/protocols/types';
import { bindChatStore } from './chat-store';

function scriptedModel(events: ModelEvent[]): ModelClient {
  return {
    label: 'scripted',
    async *stream() {
      for (const e of events) yield e;
    },
  };
}

describe('bindChatStore', () => {
  it('coalesces a burst of deltas into one store update per scheduled frame, and the last delta lands', async () => {
    const deltas: ModelEvent[] = Array.from({ length: 200 }, (_, i) => ({ type: 'text-delta', text: `${i} ` }));
    const controller = new ChatController({ model: () => scriptedModel([...deltas, { type: 'finish', reason: 'stop' }]), tools: createToolRegistry([]) });
    const frames: (() => void)[] = [];
    const store = bindChatStore(controller, (f) => frames.push(f));
    let updates = 0;
    store.subscribe(() => updates++);
    controller.send('hi');
    await new Promise((r) => setTimeout(r, 20));
    expect(frames.length).toBe(1);
    frames.shift()!();
    expect(updates).toBe(1);
    const turn = store.getState().conversation.messages[1];
    expect(turn.role === 'assistant' && turn.rounds[0].parts[0]).toEqual({ type: 'text', text: deltas.map((d) => (d as any).text).join('') });
    expect(store.getState().run.phase).toBe('idle');
  });
});
