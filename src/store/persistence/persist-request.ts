export const PERSIST_ASKED_KEY = 'callstream.persistAsked';

export interface PersistEnv {
  storage?: Pick<StorageManager, 'persist' | 'persisted'>;
  local: Pick<Storage, 'getItem' | 'setItem'> | null;
}

function browserEnv(): PersistEnv {
  let local: Storage | null = null;
  try {
    local = globalThis.localStorage ?? null;
  } catch {
    local = null;
  }
  return { storage: typeof navigator !== 'undefined' ? navigator.storage : undefined, local };
}

/**
 * Asks the browser once per profile to keep this site's storage under pressure (remembered in
 * localStorage). Resolves to the browser's answer, or null when it was asked before, is already
 * persistent, or cannot be asked.
 */
export async function requestPersistenceOnce(env: PersistEnv = browserEnv()): Promise<boolean | null> {
  const { storage, local } = env;
  if (!storage?.persist || !local) return null;
  try {
    if (local.getItem(PERSIST_ASKED_KEY)) return null;
    local.setItem(PERSIST_ASKED_KEY, String(Date.now()));
    if (await storage.persisted?.()) return null;
    return await storage.persist();
  } catch {
    return null;
  }
}
