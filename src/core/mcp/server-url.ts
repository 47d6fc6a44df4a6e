/** Why an MCP server address cannot be used, or null when it can. */
export type ServerUrlProblem = 'empty' | 'invalid' | 'scheme' | 'insecure' | 'credentials';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1']);

/**
 * Checks an address before anything is sent to it. Plain http is allowed only on this computer (and
 * the page's own origin): the page's security policy blocks other plain-http hosts, and a bearer
 * token sent over them would be readable on the way.
 */
export function serverUrlProblem(input: string, pageOrigin?: string): ServerUrlProblem | null {
  const text = input.trim();
  if (!text) return 'empty';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'invalid';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'scheme';
  // user:pass@ in the address would travel in every request, outside the token's care.
  if (url.username || url.password) return 'credentials';
  if (url.protocol === 'http:' && !LOCAL_HOSTS.has(url.hostname) && url.origin !== pageOrigin) return 'insecure';
  return null;
}

/** The address tidied for storage and display (trimmed, parsed, no fragment); assumes serverUrlProblem found nothing. */
export function normalizeServerUrl(input: string): string {
  const url = new URL(input.trim());
  url.hash = '';
  return url.href;
}

/** The origin (scheme, host, port) of a usable address, for messages; null when it does not parse. */
export function originOf(input: string): string | null {
  try {
    return new URL(input.trim()).origin;
  } catch {
    return null;
  }
}
