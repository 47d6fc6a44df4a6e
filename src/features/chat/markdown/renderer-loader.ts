import type { ComponentType } from 'react';
import { lazyResource } from '../../../ui/lazy-resource';

type Renderer = ComponentType<{ text: string }>;

const markdownRenderer = lazyResource<Renderer>(() => import('./markdown-renderer').then((module) => module.MarkdownRenderer));

/** Loads the markdown renderer chunk once; every caller shares the same promise (see lazyResource). */
export const loadMarkdownRenderer = markdownRenderer.load;

/** The renderer once its chunk has arrived, null until then (callers show plain text meanwhile). */
export function useMarkdownRenderer(): Renderer | null {
  return markdownRenderer.useValue();
}

/** Starts fetching the renderer when the browser is idle, so the first answer rarely waits for it. */
export function preloadMarkdownRendererWhenIdle() {
  if (typeof window === 'undefined' || markdownRenderer.peek()) return;
  const start = () => void loadMarkdownRenderer().catch(() => undefined);
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(start, { timeout: 2000 });
  else setTimeout(start, 200);
}
