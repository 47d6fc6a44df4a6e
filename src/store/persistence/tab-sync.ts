/** What tabs tell each other on the 'callstream' channel. */
export type TabMessage =
  | { type: 'saved'; id: string; updatedAt: number }
  | { type: 'deleted'; id: string }
  | { type: 'running'; id: string; running: boolean };

export const CHANNEL_NAME = 'callstream';
const lockName = (id: string) => `callstream-run:${id}`;

export interface TabSync {
  post(message: TabMessage): void;
  subscribe(listener: (message: TabMessage) => void): () => void;
  /**
   * Takes the run lock of a conversation without waiting. Resolves to a release function, or null when
   * another tab holds it. Without Web Locks every request succeeds (broadcasts are all there is).
   */
  acquireRun(id: string): Promise<(() => void) | null>;
  /** Whether another tab holds the run lock (false without Web Locks). */
  heldElsewhere(id: string): Promise<boolean>;
  /**
   * Resolves once no tab holds the run lock — also when the holder crashed or closed. Without Web
   * Locks it only rejects when aborted; the holder's `running: false` broadcast is the only signal then.
   */
  whenFree(id: string, signal: AbortSignal): Promise<void>;
  close(): void;
}

interface Env {
  BroadcastChannel?: typeof BroadcastChannel;
  locks?: LockManager;
}

function browserEnv(): Env {
  return {
    BroadcastChannel: typeof BroadcastChannel === 'function' ? BroadcastChannel : undefined,
    locks: typeof navigator !== 'undefined' ? navigator.locks : undefined,
  };
}

/** Cross-tab messages over BroadcastChannel and run locks over Web Locks; each degrades to nothing when missing. */
export function createTabSync(env: Env = browserEnv()): TabSync {
  const channel = env.BroadcastChannel ? new env.BroadcastChannel(CHANNEL_NAME) : null;
  const listeners = new Set<(message: TabMessage) => void>();
  const mine = new Set<string>();
  if (channel)
    channel.onmessage = (event: MessageEvent) => {
      if (isTabMessage(event.data)) for (const l of listeners) l(event.data);
    };
  const locks = env.locks;

  return {
    post(message) {
      try {
        channel?.postMessage(message);
      } catch {
        /* channel closed while the page unloads */
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    acquireRun(id) {
      if (!locks) return Promise.resolve(() => {});
      return new Promise((resolve, reject) => {
        locks
          .request(lockName(id), { ifAvailable: true }, (lock) => {
            if (!lock) return resolve(null);
            mine.add(id);
            // Held until the returned promise settles: the release function resolves it.
            return new Promise<void>((release) =>
              resolve(() => {
                mine.delete(id);
                release();
              }),
            );
          })
          .catch(reject);
      });
    },
    async heldElsewhere(id) {
      if (!locks || mine.has(id)) return false;
      const { held = [] } = await locks.query();
      return held.some((l) => l.name === lockName(id));
    },
    whenFree(id, signal) {
      if (!locks) return new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }));
      // A shared request is granted only once the exclusive holder lets go; it is released at once.
      return locks.request(lockName(id), { mode: 'shared', signal }, () => undefined).then(() => undefined);
    },
    close() {
      channel?.close();
      listeners.clear();
    },
  };
}

function isTabMessage(data: unknown): data is TabMessage {
  if (!data || typeof data !== 'object') return false;
  const m = data as Record<string, unknown>;
  return typeof m.id === 'string' && (m.type === 'saved' || m.type === 'deleted' || m.type === 'running');
}
