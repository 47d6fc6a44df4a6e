// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { findTurn, lastOf, roundCalls, updateCall } from './turn-updates';
import { storeWith, streamingCall } from './store-fixtures.testing';

describe('turn updates', () => {
  it('replace one call and keep every other object as it was', () => {
    const { store } = storeWith([streamingCall('a'), streamingCall('b')]);
    const before = store.state.conversation;
    const after = updateCall(before, 't', 'a', (c) => ({ ...c, argsText: 'x' }));
    expect(findTurn(after, 't')!.calls.a.argsText).toBe('x');
    expect(findTurn(after, 't')!.calls.b).toBe(findTurn(before, 't')!.calls.b);
    expect(after.messages[0]).toBe(before.messages[0]);
    expect(updateCall(before, 't', 'missing', (c) => c).messages[1]).toEqual(before.messages[1]);
  });

  it('find turns, a round calls in stream order, and the last message of a role', () => {
    const { store } = storeWith([streamingCall('b'), streamingCall('a')]);
    const conv = store.state.conversation;
    expect(findTurn(conv, 'u')).toBeUndefined();
    expect(roundCalls(findTurn(conv, 't')!, 0).map((c) => c.id)).toEqual(['b', 'a']);
    expect(roundCalls(findTurn(conv, 't')!, 3)).toEqual([]);
    expect(lastOf(conv.messages, 'user')?.id).toBe('u');
  });
});
