// Stand-ins for BroadcastChannel and Web Locks, shared by the tab-sync and session tests.
/** BroadcastChannel stand-in: every channel of the same name hears the others, not itself. */
export function fakeChannels() {
  const open = new Set<FakeChannel>();
  class FakeChannel {
    onmessage: ((e: MessageEvent) => void) | null = null;
    constructor(readonly name: string) {
      open.add(this);
    }
    postMessage(data: unknown) {
      for (const c of open) if (c !== this && c.name === this.name) c.onmessage?.({ data } as MessageEvent);
    }
    close() {
      open.delete(this);
    }
  }
  return FakeChannel as unknown as typeof BroadcastChannel;
}

/** A small exclusive/shared LockManager with the semantics the app relies on. */
export function fakeLocks(): LockManager {
  const holders = new Map<string, number>();
  const waiters = new Map<string, (() => void)[]>();
  const release = (name: string) => {
    holders.delete(name);
    for (const w of waiters.get(name) ?? []) w();
    waiters.delete(name);
  };
  const request = async (name: string, options: LockOptions, callback: LockGrantedCallback<unknown>) => {
    if (options.ifAvailable && holders.has(name)) return callback(null);
    while (holders.has(name)) await new Promise<void>((r) => waiters.set(name, [...(waiters.get(name) ?? []), r]));
    if (options.mode === 'shared') return callback({ name, mode: 'shared' } as Lock);
    holders.set(name, 1);
    try {
      return await callback({ name, mode: 'exclusive' } as Lock);
    } finally {
      release(name);
    }
  };
  return {
    request: request as LockManager['request'],
    query: async () => ({ held: [...holders.keys()].map((name) => ({ name, mode: 'exclusive' as const })), pending: [] }),
  };
}
