import { useSyncExternalStore, type ComponentType } from 'react';

type Renderer = ComponentType<{ text: string }>;

let renderer: Renderer | null = null;
let loading: Promise<Renderer> | null = null;
const listeners = new Set<() => void>();

/**
 * Loads the markdown renderer chunk once; every caller shares the same promise. A failed load
 * (a network blip, a redeploy that removed the old chunk) is forgotten so the next render retries.
 */
export function loadMarkdownRenderer(): Promise<Renderer> {
  loading ??= import('./markdown-renderer').then(
    (module) => {
      renderer = module.MarkdownRenderer;
      for (const listener of listeners) listener();
      return renderer;
    },
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (!renderer) loadMarkdownRenderer().catch(() => undefined);
  return () => listeners.delete(listener);
}

const current = () => renderer;

/** The renderer once its chunk has arrived, null until then (callers show plain text meanwhile). */
export function useMarkdownRenderer(): Renderer | null {
  return useSyncExternalStore(subscribe, current, current);
}

/** Starts fetching the renderer when the browser is idle, so the first answer rarely waits for it. */
export function preloadMarkdownRendererWhenIdle() {
  if (typeof window === 'undefined' || renderer) return;
  const start = () => void loadMarkdownRenderer().catch(() => undefined);
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(start, { timeout: 2000 });
  else setTimeout(start, 200);
}
