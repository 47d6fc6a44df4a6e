/**
 * Hash routes, because the app is served as static files: `#/c/<id>` is a saved conversation and
 * anything else (no hash, `#/`) a new chat.
 */
export function conversationIdFrom(hash: string): string | null {
  const match = /^#\/c\/([^/?#]+)\/?$/.exec(hash);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]) || null;
  } catch {
    return null; // a malformed escape is no id
  }
}

/** The hash for a conversation, or for a new chat. */
export function hashFor(id: string | null): string {
  return id ? `#/c/${encodeURIComponent(id)}` : '#/';
}
