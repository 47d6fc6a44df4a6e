/**
 * A short, non-reversible tag for an API key (FNV-1a, 32 bits), so caches can tell keys apart
 * without ever holding the key itself. Empty for no key.
 */
export function keyFingerprint(key: string): string {
  if (!key) return '';
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
