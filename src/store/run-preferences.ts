import { createStore, useStore, type StoreApi } from 'zustand';
import { DEFAULT_MAX_RUNS } from '../core/run/run-registry';
import { parseJson, readItem, writeItem } from './safe-storage';

/** How conversations run side by side: not provider settings, so switching provider keeps them. */
export interface RunPreferences {
  /** At most this many conversations run at once (1–8). */
  maxRuns: number;
  /** Tell the user through a browser notification, while the tab is hidden, that a run needs approval or finished. */
  notify: boolean;
}

export const MAX_RUNS_CHOICES = [1, 2, 3, 4, 6, 8] as const;
export const DEFAULT_RUN_PREFERENCES: RunPreferences = { maxRuns: DEFAULT_MAX_RUNS, notify: false };
const STORAGE_KEY = 'callstream.runs';

export interface RunPreferencesState extends RunPreferences {
  update(patch: Partial<RunPreferences>): void;
}

/** Reads what was stored, keeping only values that make sense (a hand-edited entry cannot break the app). */
export function parseRunPreferences(raw: string | null): RunPreferences {
  const v = parseJson(raw);
  const out = { ...DEFAULT_RUN_PREFERENCES };
  if (!v || typeof v !== 'object') return out;
  const { maxRuns, notify } = v as Record<string, unknown>;
  if (typeof maxRuns === 'number' && Number.isInteger(maxRuns) && maxRuns >= 1 && maxRuns <= 8) out.maxRuns = maxRuns;
  if (typeof notify === 'boolean') out.notify = notify;
  return out;
}

export function createRunPreferences(storage: Storage | null): StoreApi<RunPreferencesState> {
  return createStore<RunPreferencesState>()((set, get) => ({
    ...parseRunPreferences(readItem(storage, STORAGE_KEY)),
    update(patch) {
      set(patch);
      const { maxRuns, notify } = get();
      writeItem(storage, STORAGE_KEY, JSON.stringify({ maxRuns, notify }));
    },
  }));
}

export function useRunPreferences<T>(store: StoreApi<RunPreferencesState>, selector: (s: RunPreferencesState) => T): T {
  return useStore(store, selector);
}
