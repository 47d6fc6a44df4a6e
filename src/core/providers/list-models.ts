import type { ProtocolId } from '../protocols/protocol-id';
import { ModelError } from '../protocols/types';
import { BaseURLError, normalizeBaseURL } from './provider-config';

const MAX_SERVER_MESSAGE = 300;
// Anthropic pages its model list (20 by default); one page of the maximum covers every account.
const ANTHROPIC_PAGE = 1000;

/**
 * Lists the model ids a server offers, sorted: `GET {baseURL}/models` with a bearer header (only
 * when a key is set) for OpenAI-compatible servers, `GET {baseURL}/v1/models` with `x-api-key` and
 * `anthropic-version` for Anthropic. Failures become ModelErrors whose messages never contain the key.
 */
export async function listModels(
  baseURL: string,
  apiKey: string,
  signal?: AbortSignal,
  protocol: ProtocolId = 'openai-chat',
): Promise<string[]> {
  let base: string;
  try {
    base = normalizeBaseURL(baseURL);
  } catch (e) {
    throw new ModelError('bad_request', e instanceof BaseURLError ? e.message : String(e));
  }
  const key = apiKey.trim();
  const origin = new URL(base).origin;
  const { url, headers, root, path } = modelsRequest(base, key, protocol);

  let response: Response;
  try {
    response = await fetch(url, { method: 'GET', headers, signal });
  } catch (e) {
    if (signal?.aborted || (e instanceof DOMException && e.name === 'AbortError')) {
      throw new ModelError('aborted', 'Loading the model list was cancelled.');
    }
    // Browsers report refused connections and CORS rejections as the same bare TypeError.
    throw new ModelError(
      'network',
      `Could not reach ${origin}. Is the server running, and does it allow requests from this page (CORS)?`,
    );
  }

  const body = await readBody(response, signal);
  if (!response.ok) throw httpError(response, body, `${path} endpoint at ${root}`, key);

  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new ModelError(
      'server',
      `The server at ${origin} did not answer ${path} with JSON. Check the base URL${protocol === 'openai-chat' ? ' (it usually ends in /v1)' : ''}.`,
      { status: response.status },
    );
  }
  const ids = extractIds(json);
  if (!ids) {
    throw new ModelError('server', `The server’s ${path} answer contains no model list. Enter the model name by hand.`, {
      status: response.status,
    });
  }
  return ids;
}

interface ModelsRequest {
  url: string;
  headers: Record<string, string>;
  /** Where the list lives, for messages: `${path} endpoint at ${root}`. */
  root: string;
  path: string;
}

function modelsRequest(base: string, key: string, protocol: ProtocolId): ModelsRequest {
  if (protocol === 'anthropic-messages') {
    // The base URL is the host; a trailing /v1 typed by habit is tolerated.
    const root = base.replace(/\/v1$/, '');
    return {
      url: `${root}/v1/models?limit=${ANTHROPIC_PAGE}`,
      root,
      path: '/v1/models',
      headers: {
        'anthropic-version': '2023-06-01',
        // Anthropic refuses CORS requests from a page without it.
        'anthropic-dangerous-direct-browser-access': 'true',
        ...(key ? { 'x-api-key': key } : {}),
      },
    };
  }
  return { url: `${base}/models`, headers: key ? { Authorization: `Bearer ${key}` } : {}, root: base, path: '/models' };
}

async function readBody(response: Response, signal?: AbortSignal): Promise<string> {
  try {
    return await response.text();
  } catch {
    if (signal?.aborted) throw new ModelError('aborted', 'Loading the model list was cancelled.');
    return '';
  }
}

function httpError(response: Response, body: string, where: string, key: string): ModelError {
  const status = response.status;
  if (status === 401) {
    const message = key
      ? 'The server rejected the API key (401). Check the key in Settings.'
      : 'The server needs an API key (401). Enter one in Settings.';
    return new ModelError('auth', message, { status });
  }
  if (status === 403) {
    return new ModelError(
      'forbidden',
      'The server refused access (403). The key may lack permission to list models, or the server blocks this page.',
      { status },
    );
  }
  if (status === 404) {
    return new ModelError('not_found', redact(`No ${where} (404). Enter the model name by hand.`, key), {
      status,
    });
  }
  const detail = serverMessage(body);
  const message = redact(detail ? `HTTP ${status}: ${detail}` : `HTTP ${status}${response.statusText ? ` ${response.statusText}` : ''}`, key);
  const retryAfterMs = retryAfter(response.headers.get('retry-after'));
  const kind = status === 429 ? 'rate_limit' : status >= 500 ? 'server' : 'bad_request';
  return new ModelError(kind, message, { status, retryAfterMs });
}

/** The human part of an error body in the shapes OpenAI, Ollama, vLLM and friends use. */
function serverMessage(body: string): string | undefined {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (!isRecord(json)) return undefined;
  const error = json.error;
  const candidate =
    (isRecord(error) && typeof error.message === 'string' && error.message) ||
    (typeof error === 'string' && error) ||
    (typeof json.message === 'string' && json.message) ||
    (typeof json.detail === 'string' && json.detail) ||
    undefined;
  if (!candidate) return undefined;
  const oneLine = candidate.replace(/\s+/g, ' ').trim();
  return oneLine.length > MAX_SERVER_MESSAGE ? `${oneLine.slice(0, MAX_SERVER_MESSAGE)}…` : oneLine;
}

// Some servers echo the key they were given; it must never reach the screen or the logs.
function redact(text: string, key: string): string {
  return key ? text.split(key).join('***') : text;
}

function retryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

/** Accepts OpenAI's `{data:[{id}]}`, Ollama-style `{models:[{name}]}` and a bare array. */
function extractIds(json: unknown): string[] | undefined {
  const list = Array.isArray(json)
    ? json
    : isRecord(json) && Array.isArray(json.data)
      ? json.data
      : isRecord(json) && Array.isArray(json.models)
        ? json.models
        : undefined;
  if (!list) return undefined;
  const ids = new Set<string>();
  for (const item of list) {
    const id =
      typeof item === 'string'
        ? item
        : isRecord(item)
          ? [item.id, item.name, item.model].find((v): v is string => typeof v === 'string' && v.length > 0)
          : undefined;
    if (id) ids.add(id);
  }
  return [...ids].sort((a, b) => a.localeCompare(b));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
