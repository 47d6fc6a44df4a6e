// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { AssistantMessage, Conversation } from '../conversation/types';
import { createLiveRound } from './live-round';
import { changeCall } from './call-state';
import { findTurn } from './turn-updates';

function conversation(calls: AssistantMessage['calls'] = {}): Conversation {
  const turn: AssistantMessage = { id: 't', parentId: null, role: 'assistant', createdAt: 0, model: 'm', rounds: [{ parts: [] }], calls };
  return { id: 'c', title: '', createdAt: 0, updatedAt: 0, activeChild: {}, messages: [turn] };
}
const turnOf = (conv: Conversation) => findTurn(conv, 't')!;

describe('createLiveRound', () => {
  it('keeps a call that did not change the very same object from one commit to the next', () => {
    const live = createLiveRound('t', 0, () => 'id');
    live.apply({ type: 'tool-call-start', index: 0, id: 'a', name: 'echo' });
    live.apply({ type: 'tool-call-start', index: 1, id: 'b', name: 'echo' });
    live.apply({ type: 'tool-call-delta', index: 1, argsText: '{"x"' });
    const first = live.commit(conversation());
    live.apply({ type: 'tool-call-delta', index: 1, argsText: ':1}' });
    const second = live.commit(first);
    expect(turnOf(second).calls.a).toBe(turnOf(first).calls.a);
    expect(turnOf(second).calls.b).not.toBe(turnOf(first).calls.b);
    expect(turnOf(second).calls.b.argsText).toBe('{"x":1}');
    // A reader folding the same round into a state without it gets the same unchanged objects too.
    expect(turnOf(live.commit(conversation())).calls.a).toBe(turnOf(first).calls.a);
  });

  it('folds text and reasoning in stream order and marks itself clean', () => {
    const live = createLiveRound('t', 0, () => 'id');
    live.apply({ type: 'reasoning-delta', text: 'hm' });
    live.apply({ type: 'text-delta', text: 'Hel' });
    live.apply({ type: 'text-delta', text: 'lo' });
    expect(live.dirty).toBe(true);
    const conv = live.commit(conversation());
    expect(live.dirty).toBe(false);
    expect(turnOf(conv).rounds[0].parts).toEqual([
      { type: 'reasoning', text: 'hm' },
      { type: 'text', text: 'Hello' },
    ]);
  });

  it('renames a call id an earlier round already used, the same way on every commit', () => {
    const earlier = { id: 'a', name: 'echo', round: 0, argsText: '{}', status: 'cancelled' as const };
    const base = conversation({ a: earlier });
    const withRound = { ...base, messages: [{ ...turnOf(base), rounds: [{ parts: [] }, { parts: [] }] }] };
    const live = createLiveRound('t', 1, () => 'id');
    live.apply({ type: 'tool-call-start', index: 0, id: 'a', name: 'echo' });
    const once = live.commit(withRound);
    const twice = live.commit(withRound);
    expect(Object.keys(turnOf(once).calls).sort()).toEqual(['a', 'a_2']);
    expect(turnOf(twice).rounds[1].parts).toEqual([{ type: 'tool-call', callId: 'a_2' }]);
    expect(turnOf(twice).calls.a).toBe(earlier);
  });

  it('leaves a call the run already decided as the run left it', () => {
    const live = createLiveRound('t', 0, () => 'id');
    live.apply({ type: 'tool-call-start', index: 0, id: 'a', name: 'echo' });
    const conv = live.commit(conversation());
    const decided = changeCall(turnOf(conv).calls.a, { status: 'queued' });
    const moved = { ...conv, messages: [{ ...turnOf(conv), calls: { a: decided } }] };
    expect(turnOf(live.commit(moved)).calls.a).toBe(decided);
  });
});
