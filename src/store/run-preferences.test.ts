import { describe, expect, it } from 'vitest';
import { createRunPreferences, parseRunPreferences } from './run-preferences';

function memoryStorage(): Storage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (k) => map.get(k) ?? null,
    key: (i) => [...map.keys()][i] ?? null,
    removeItem: (k) => void map.delete(k),
    setItem: (k, v) => void map.set(k, v),
  };
}

describe('run preferences', () => {
  it('default to four runs and no notifications, and ignore values that make no sense', () => {
    expect(parseRunPreferences(null)).toEqual({ maxRuns: 4, notify: false });
    expect(parseRunPreferences('{"maxRuns":0,"notify":"yes"}')).toEqual({ maxRuns: 4, notify: false });
    expect(parseRunPreferences('{"maxRuns":2.5}')).toEqual({ maxRuns: 4, notify: false });
    expect(parseRunPreferences('{"maxRuns":6,"notify":true}')).toEqual({ maxRuns: 6, notify: true });
  });

  it('are remembered', () => {
    const storage = memoryStorage();
    createRunPreferences(storage).getState().update({ maxRuns: 2, notify: true });
    expect(createRunPreferences(storage).getState()).toMatchObject({ maxRuns: 2, notify: true });
  });
});
