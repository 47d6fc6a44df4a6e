import type { ProtocolId } from '../protocols/protocol-id';
import { DEMO_PRESET_ID } from './presets';

/**
 * How tools reach the model: the API's own tool calling, `<tool_call>` blocks described in the
 * system prompt, or native first with a fallback to prompted when the endpoint refuses tools.
 */
export type ToolMode = 'native' | 'prompted' | 'auto';

export const TOOL_MODES: readonly ToolMode[] = ['native', 'prompted', 'auto'];

/** Everything needed to reach a model endpoint. */
export interface ProviderConfig {
  presetId: string;
  /** The wire format; fixed by the preset, chosen by the user for a custom server. */
  protocol: ProtocolId;
  baseURL: string;
  apiKey: string;
  model: string;
  streaming: boolean;
  toolMode: ToolMode;
  rememberKey: boolean;
  /** The model's context window; older turns are left out of requests to stay within it. */
  contextTokens: number;
}

export const DEFAULT_CONFIG: ProviderConfig = Object.freeze({
  presetId: DEMO_PRESET_ID,
  protocol: 'openai-chat',
  baseURL: '',
  apiKey: '',
  model: '',
  streaming: true,
  toolMode: 'auto',
  rememberKey: false,
  contextTokens: 128_000,
});

/** Narrows a stored value to a ToolMode. */
export function isToolMode(value: unknown): value is ToolMode {
  return typeof value === 'string' && (TOOL_MODES as readonly string[]).includes(value);
}

/** True when the config selects the embedded offline model (no network at all). */
export function isDemo(c: ProviderConfig): boolean {
  return c.presetId === DEMO_PRESET_ID;
}

/** What is wrong with a base URL, as a code the interface words in the reader's language. */
export type BaseURLProblem =
  | { code: 'missing' }
  | { code: 'scheme' }
  | { code: 'credentials' }
  | { code: 'query' }
  /** Plain http to another computer: the key would cross the network readable. */
  | { code: 'plain_http'; host: string };

/** The English wording of a base-URL problem (errors, logs, tests). */
export function baseURLProblemMessage(problem: BaseURLProblem): string {
  switch (problem.code) {
    case 'missing':
      return 'Enter the server’s base URL, for example http://localhost:8000/v1.';
    case 'scheme':
      return 'The base URL must start with http:// or https://.';
    case 'credentials':
      return 'Remove the user name and password from the base URL; put a key in the API key field.';
    case 'query':
      return 'The base URL cannot contain ? or #; paths like /models are appended to it.';
    case 'plain_http':
      return `Plain http:// works only for a server on this computer (localhost or 127.0.0.1); reach ${problem.host} over https://, so the key is not sent readable across the network.`;
  }
}

/** Thrown by normalizeBaseURL; carries the problem's code, its message is the English wording. */
export class BaseURLError extends Error {
  constructor(readonly problem: BaseURLProblem) {
    super(baseURLProblemMessage(problem));
    this.name = 'BaseURLError';
  }
}

/** Trims the URL and strips trailing slashes; throws BaseURLError unless it is a plain http(s) URL. */
export function normalizeBaseURL(url: string): string {
  const trimmed = url.trim().replace(/\/+$/, '');
  if (!trimmed) throw new BaseURLError({ code: 'missing' });
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    throw new BaseURLError({ code: 'scheme' });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new BaseURLError({ code: 'scheme' });
  // fetch() refuses URLs with credentials, and a key belongs in the API key field anyway.
  if (parsed.username || parsed.password) throw new BaseURLError({ code: 'credentials' });
  if (parsed.search || parsed.hash) throw new BaseURLError({ code: 'query' });
  return trimmed;
}

/** Hosts the app's CSP lets us reach over plain http: this computer only. */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1']);

/**
 * Plain http to another host is refused by the app's Content-Security-Policy: the key would cross
 * the network readable by anyone on the way. Null when the URL is https or on this computer.
 */
export function plainHttpProblem(url: string): BaseURLProblem | null {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' || LOOPBACK_HOSTS.has(parsed.hostname)) return null;
  return { code: 'plain_http', host: parsed.hostname };
}

/** What is wrong with a base URL, or null when it is usable. */
export function baseURLProblem(url: string): BaseURLProblem | null {
  try {
    normalizeBaseURL(url);
    return plainHttpProblem(url);
  } catch (e) {
    if (e instanceof BaseURLError) return e.problem;
    throw e;
  }
}

/** host[:port] of a base URL, or null when it has none; used to keep a key from following to another host. */
export function hostOf(url: string): string | null {
  try {
    return new URL(normalizeBaseURL(url)).host;
  } catch {
    return null;
  }
}
