import { describe, expect, it } from 'vitest';
import { createTabSync, type TabMessage } from './tab-sync';
import { fakeChannels, fakeLocks } from './tab-fakes.testing';

describe('tab sync', () => {
  it('delivers well-formed messages to the other tabs only', () => {
    const Channel = fakeChannels();
    const a = createTabSync({ BroadcastChannel: Channel });
    const b = createTabSync({ BroadcastChannel: Channel });
    const heardA: TabMessage[] = [];
    const heardB: TabMessage[] = [];
    a.subscribe((m) => heardA.push(m));
    b.subscribe((m) => heardB.push(m));
    a.post({ type: 'saved', id: 'c1', updatedAt: 5 });
    new Channel('callstream').postMessage({ type: 'nonsense' });
    expect(heardB).toEqual([{ type: 'saved', id: 'c1', updatedAt: 5 }]);
    expect(heardA).toEqual([]);
  });

  it('lets one tab hold a run; the other sees it held and learns when it is free', async () => {
    const locks = fakeLocks();
    const a = createTabSync({ locks });
    const b = createTabSync({ locks });
    const release = await a.acquireRun('c1');
    expect(release).toBeTypeOf('function');
    expect(await b.acquireRun('c1')).toBeNull();
    expect(await b.heldElsewhere('c1')).toBe(true);
    expect(await a.heldElsewhere('c1')).toBe(false); // its own lock is not "elsewhere"
    let free = false;
    const waiting = b.whenFree('c1', new AbortController().signal).then(() => (free = true));
    await Promise.resolve();
    expect(free).toBe(false);
    release!();
    await waiting;
    expect(free).toBe(true);
    expect(await b.heldElsewhere('c1')).toBe(false);
  });

  it('degrades without BroadcastChannel and Web Locks: runs are never refused, waits end only when aborted', async () => {
    const t = createTabSync({});
    expect(() => t.post({ type: 'deleted', id: 'x' })).not.toThrow();
    expect(await t.acquireRun('x')).toBeTypeOf('function');
    expect(await t.heldElsewhere('x')).toBe(false);
    const abort = new AbortController();
    const wait = t.whenFree('x', abort.signal);
    abort.abort();
    await expect(wait).rejects.toBeDefined();
  });
});
