import { describe, expect, it } from 'vitest';
import { createConversationsStore } from '../conversations-store';
import { titleWithCount, watchAttention, type AttentionEvent } from './attention';

function rig(hidden: boolean, enabled = true) {
  const store = createConversationsStore();
  const titles: string[] = [];
  const events: AttentionEvent[] = [];
  const state = { hidden, enabled };
  const stop = watchAttention({
    store,
    baseTitle: 'Callstream',
    setTitle: (t) => titles.push(t),
    hidden: () => state.hidden,
    enabled: () => state.enabled,
    notify: (e) => events.push(e),
  });
  return { store, titles, events, state, stop };
}

describe('attention', () => {
  it('counts the calls that wait for approval in the title', () => {
    expect(titleWithCount('Callstream', 0)).toBe('Callstream');
    const { store, titles } = rig(false);
    store.setState({ live: { a: { kind: 'approval', count: 1 }, b: { kind: 'streaming' } }, runningHere: ['a', 'b'] });
    store.setState({ live: { a: { kind: 'approval', count: 1 }, b: { kind: 'approval', count: 1 } } });
    store.setState({ live: {}, runningHere: [] });
    expect(titles).toEqual(['Callstream', '(1) Callstream', '(2) Callstream', 'Callstream']);
  });

  it('notifies only while hidden and turned on: approval needed, run finished, run failed', () => {
    const { store, events, state } = rig(false);
    store.setState({ live: { a: { kind: 'approval', count: 1 } }, runningHere: ['a'] });
    store.setState({ live: {}, runningHere: [] });
    expect(events).toEqual([]); // the user is looking

    state.hidden = true;
    store.setState({ live: { a: { kind: 'streaming' }, b: { kind: 'streaming' } }, runningHere: ['a', 'b'] });
    store.setState({ live: { a: { kind: 'approval', count: 1 }, b: { kind: 'streaming' } } });
    store.setState({ live: { a: { kind: 'approval', count: 2 }, b: { kind: 'streaming' } } }); // still the same wait
    store.setState({ live: { a: { kind: 'approval', count: 2 }, b: { kind: 'failed' } }, runningHere: ['a'] });
    store.setState({ live: {}, runningHere: [] });
    expect(events).toEqual([
      { kind: 'needs-approval', id: 'a' },
      { kind: 'failed', id: 'b' },
      { kind: 'finished', id: 'a' },
    ]);

    state.enabled = false;
    store.setState({ live: { c: { kind: 'approval', count: 1 } }, runningHere: ['c'] });
    expect(events).toHaveLength(3);
  });
});
