import { useSyncExternalStore } from 'react';

export interface LazyResource<T> {
  /** Starts the load (once; every caller shares it) and resolves with the value. */
  load(): Promise<T>;
  /** The value if it has arrived, null until then. */
  peek(): T | null;
  /** The value once it has arrived, null until then; the component re-renders when it does. */
  useValue(): T | null;
}

/**
 * A value from a lazy chunk (a renderer, KaTeX): loaded once and shared, a failed load (a network
 * blip, a redeploy that removed the old chunk) forgotten so the next use retries, and components
 * subscribed to its arrival. Subscribing starts the load.
 */
export function lazyResource<T>(load: () => Promise<T>): LazyResource<T> {
  let value: T | null = null;
  let loading: Promise<T> | null = null;
  const listeners = new Set<() => void>();
  const start = (): Promise<T> => {
    loading ??= load().then(
      (loaded) => {
        value = loaded;
        for (const listener of listeners) listener();
        return loaded;
      },
      (error: unknown) => {
        loading = null;
        throw error;
      },
    );
    return loading;
  };
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    if (value === null) start().catch(() => undefined);
    return () => {
      listeners.delete(listener);
    };
  };
  const peek = () => value;
  return { load: start, peek, useValue: () => useSyncExternalStore(subscribe, peek, peek) };
}
