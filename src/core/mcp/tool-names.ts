// OpenAI (and most gateways) accept tool names of 1–64 characters from [a-zA-Z0-9_-]; MCP servers
// may use dots, slashes or any length, so every name the model sees is rebuilt here.
export const MAX_TOOL_NAME = 64;
export const MAX_PREFIX = 24;
const SEPARATOR = '__';
const FALLBACK_PREFIX = 'mcp';

function sanitize(text: string): string {
  return text
    .replace(/[^a-zA-Z0-9_-]+/g, '_')
    .replace(/_{2,}/g, '_')
    .replace(/^[_-]+|[_-]+$/g, '');
}

/** The prefix a server's tools get, from the name the user gave it: lower-case [a-z0-9_-], at most 24 characters. */
export function serverPrefix(serverName: string): string {
  const clean = sanitize(serverName.toLowerCase()).slice(0, MAX_PREFIX).replace(/[_-]+$/, '');
  return clean || FALLBACK_PREFIX;
}

/** `base`, or `base_2`, `base_3` … — the first one not in `taken`. */
export function uniquePrefix(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `_${n}`;
    const candidate = base.slice(0, MAX_PREFIX - suffix.length) + suffix;
    if (!used.has(candidate)) return candidate;
  }
}

/**
 * The names the model sees for one server's tools, `<prefix>__<tool>`, in the order given: valid for
 * OpenAI and unique even when sanitizing or shortening makes two tool names meet.
 */
export function exposedToolNames(prefix: string, toolNames: readonly string[]): string[] {
  const room = MAX_TOOL_NAME - prefix.length - SEPARATOR.length;
  const used = new Set<string>();
  return toolNames.map((original) => {
    let base = sanitize(original) || 'tool';
    if (base.length > room) base = `${base.slice(0, room - 7)}_${hash(original)}`;
    let name = base;
    for (let n = 2; used.has(name); n++) {
      const suffix = `_${n}`;
      name = base.slice(0, room - suffix.length) + suffix;
    }
    used.add(name);
    return `${prefix}${SEPARATOR}${name}`;
  });
}

// Six base-36 characters of FNV-1a: enough to keep two long names that share a beginning apart.
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36).padStart(6, '0').slice(-6);
}
