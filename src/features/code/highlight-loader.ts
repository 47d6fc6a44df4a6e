import { useSyncExternalStore } from 'react';
import type { Highlight } from './highlight-engine';

type Engine = typeof import('./highlight-engine');

let engine: Engine | null = null;
let loadingEngine: Promise<Engine> | null = null;
/** language as written → its highlighter once ready, or null when there is no grammar for it. */
const resolved = new Map<string, Highlight | null>();
const requested = new Set<string>();
const listeners = new Set<() => void>();
let version = 0;

function loadEngine(): Promise<Engine> {
  loadingEngine ??= import('./highlight-engine').then(
    (module) => (engine = module),
    (error: unknown) => {
      loadingEngine = null; // a failed fetch is retried by the next block that asks
      throw error;
    },
  );
  return loadingEngine;
}

function notify() {
  version++;
  for (const listener of listeners) listener();
}

/** Fetches the highlighter and the language's grammar once; every block in that language shares them. */
function request(language: string) {
  if (requested.has(language)) return;
  requested.add(language);
  loadEngine()
    .then(async (loaded) => {
      const name = await loaded.ensureLanguage(language);
      resolved.set(language, name ? loaded.highlighterFor(name) : null);
      notify();
    })
    .catch(() => requested.delete(language)); // stays plain; a later block tries again
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
const snapshot = () => version;

/**
 * The highlighter for a language, or null while it loads and when the language is unknown (the
 * code then shows plain). The returned function is the same for every call with that language.
 */
export function useHighlight(language: string | null): Highlight | null {
  useSyncExternalStore(subscribe, snapshot, snapshot);
  if (!language) return null;
  const key = language.trim().toLowerCase();
  if (!key) return null;
  if (!resolved.has(key)) {
    request(key);
    return null;
  }
  return resolved.get(key) ?? null;
}

/** Test support: whether the engine chunk has been loaded. */
export const highlightEngineLoaded = () => engine !== null;
