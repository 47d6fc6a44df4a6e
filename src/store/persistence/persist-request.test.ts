import { describe, expect, it, vi } from 'vitest';
import { PERSIST_ASKED_KEY, requestPersistenceOnce } from './persist-request';

function env(persisted = false, answer = true) {
  const values = new Map<string, string>();
  const local = { getItem: (k: string) => values.get(k) ?? null, setItem: (k: string, v: string) => void values.set(k, v) };
  const storage = { persist: vi.fn(async () => answer), persisted: vi.fn(async () => persisted) };
  return { local, storage, values };
}

describe('requestPersistenceOnce', () => {
  it('asks once per profile and remembers that it asked', async () => {
    const e = env(false, false);
    expect(await requestPersistenceOnce(e)).toBe(false);
    expect(await requestPersistenceOnce(e)).toBeNull();
    expect(e.storage.persist).toHaveBeenCalledTimes(1);
    expect(e.values.has(PERSIST_ASKED_KEY)).toBe(true);
  });

  it('does not ask when storage is already persistent, or cannot be asked', async () => {
    const e = env(true);
    expect(await requestPersistenceOnce(e)).toBeNull();
    expect(e.storage.persist).not.toHaveBeenCalled();
    expect(await requestPersistenceOnce({ local: env().local })).toBeNull();
    expect(await requestPersistenceOnce({ storage: env().storage, local: null })).toBeNull();
  });
});
