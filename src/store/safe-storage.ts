// Web Storage throws in privacy modes, when blocked, and when full; settings then live only for
// this page's lifetime, which is better than failing the app.

/** The stored string, or null when absent or unreadable. */
export function readItem(storage: Storage | null, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** Stores the value when the storage allows it. */
export function writeItem(storage: Storage | null, key: string, value: string): void {
  try {
    storage?.setItem(key, value);
  } catch {
    // Quota or privacy mode: the value still applies for this page's lifetime.
  }
}

/** Removes the key when the storage allows it. */
export function removeItem(storage: Storage | null, key: string): void {
  try {
    storage?.removeItem(key);
  } catch {
    // Nothing useful to do.
  }
}

/** Parsed JSON, or null for absent or malformed text. */
export function parseJson(raw: string | null): unknown {
  if (!raw) return null;
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}
