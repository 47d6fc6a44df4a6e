import { afterEach, describe, expect, it, vi } from 'vitest';
import { ModelError } from '../protocols/types';
import { listModels } from './list-models';

const KEY = 'sk-test-SECRET-123456';

function stubFetch(respond: (url: string, init: RequestInit) => Response | Promise<Response>) {
  const fn = vi.fn((input: RequestInfo | URL, init?: RequestInit) => Promise.resolve(respond(String(input), init ?? {})));
  vi.stubGlobal('fetch', fn);
  return fn;
}

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

async function failure(promise: Promise<unknown>): Promise<ModelError> {
  try {
    await promise;
  } catch (e) {
    expect(e).toBeInstanceOf(ModelError);
    return e as ModelError;
  }
  throw new Error('expected listModels to fail');
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('listModels', () => {
  it('GETs {baseURL}/models with only a bearer header and returns sorted ids', async () => {
    const fetchMock = stubFetch(() => json({ object: 'list', data: [{ id: 'gpt-4o' }, { id: 'babbage-002' }, { id: 'gpt-4o-mini' }] }));
    await expect(listModels('https://api.example.com/v1/', KEY)).resolves.toEqual(['babbage-002', 'gpt-4o', 'gpt-4o-mini']);
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('https://api.example.com/v1/models');
    expect(init?.method).toBe('GET');
    expect(init?.body).toBeUndefined();
    expect(init?.headers).toEqual({ Authorization: `Bearer ${KEY}` });
  });

  it('sends no Authorization header when no key is set', async () => {
    const fetchMock = stubFetch(() => json({ data: [] }));
    await listModels('http://localhost:8000/v1', '  ');
    expect(fetchMock.mock.calls[0][1]?.headers).toEqual({});
  });

  it('parses Ollama-style {models:[{name}]} and drops duplicates and blanks', async () => {
    stubFetch(() => json({ models: [{ name: 'qwen3:8b' }, { name: 'llama3.2:3b' }, { name: 'qwen3:8b' }, { name: '' }, {}] }));
    await expect(listModels('http://localhost:11434/v1', '')).resolves.toEqual(['llama3.2:3b', 'qwen3:8b']);
  });

  it('passes the abort signal through and reports aborts as aborted', async () => {
    const controller = new AbortController();
    const fetchMock = stubFetch((_url, init) => {
      expect(init.signal).toBe(controller.signal);
      controller.abort();
      throw new DOMException('The operation was aborted.', 'AbortError');
    });
    const error = await failure(listModels('http://localhost:8000/v1', '', controller.signal));
    expect(fetchMock).toHaveBeenCalledOnce();
    expect(error.kind).toBe('aborted');
  });

  it('explains 401 without echoing the key', async () => {
    stubFetch(() => json({ error: { message: `Incorrect API key provided: ${KEY}` } }, 401));
    const error = await failure(listModels('https://api.example.com/v1', KEY));
    expect(error.message).toBe('The server rejected the API key (401). Check the key in Settings.');
    expect(error.kind).toBe('auth');
    expect(error.status).toBe(401);
  });

  it('asks for a key on 401 when none was sent', async () => {
    stubFetch(() => json({}, 401));
    const error = await failure(listModels('https://api.example.com/v1', ''));
    expect(error.message).toMatch(/needs an API key \(401\)/);
  });

  it('explains 403', async () => {
    stubFetch(() => json({}, 403));
    const error = await failure(listModels('https://api.example.com/v1', KEY));
    expect(error.kind).toBe('forbidden');
    expect(error.message).toMatch(/\(403\)/);
  });

  it('explains 404 with the base URL and the manual fallback', async () => {
    stubFetch(() => new Response('Not Found', { status: 404 }));
    const error = await failure(listModels('http://gateway.local:9000/openai/', KEY));
    expect(error.message).toBe('No /models endpoint at http://gateway.local:9000/openai (404). Enter the model name by hand.');
    expect(error.kind).toBe('not_found');
  });

  it.each([
    [{ error: { message: 'Upstream exploded' } }, 'HTTP 500: Upstream exploded'],
    [{ error: 'model runner crashed' }, 'HTTP 500: model runner crashed'],
    [{ detail: 'Internal failure' }, 'HTTP 500: Internal failure'],
    [{ message: 'busy' }, 'HTTP 500: busy'],
  ])('uses the server message of %j', async (body, message) => {
    stubFetch(() => json(body, 500));
    const error = await failure(listModels('http://localhost:8000/v1', ''));
    expect(error.message).toBe(message);
    expect(error.kind).toBe('server');
  });

  it('falls back to the status for non-JSON error bodies and classifies 429 with retry-after', async () => {
    stubFetch(() => new Response('<html>slow down</html>', { status: 429, statusText: 'Too Many Requests', headers: { 'Retry-After': '7' } }));
    const error = await failure(listModels('http://localhost:8000/v1', ''));
    expect(error.message).toBe('HTTP 429 Too Many Requests');
    expect(error.kind).toBe('rate_limit');
    expect(error.retryAfterMs).toBe(7000);
  });

  it('redacts the key if a server echoes it in another error', async () => {
    stubFetch(() => json({ error: { message: `bad request for key ${KEY}` } }, 400));
    const error = await failure(listModels('http://localhost:8000/v1', KEY));
    expect(error.message).toBe('HTTP 400: bad request for key ***');
    expect(error.message).not.toContain(KEY);
    expect(error.kind).toBe('bad_request');
  });

  it('turns a fetch TypeError into a reachability and CORS hint naming the origin', async () => {
    stubFetch(() => {
      throw new TypeError('Failed to fetch');
    });
    const error = await failure(listModels('http://localhost:11434/v1', KEY));
    expect(error.message).toBe(
      'Could not reach http://localhost:11434. Is the server running, and does it allow requests from this page (CORS)?',
    );
    expect(error.kind).toBe('network');
  });

  it('explains a non-JSON success body', async () => {
    stubFetch(() => new Response('<!doctype html><title>app</title>', { status: 200 }));
    const error = await failure(listModels('http://localhost:5173', ''));
    expect(error.message).toMatch(/did not answer \/models with JSON/);
    expect(error.message).toContain('http://localhost:5173');
  });

  it('explains JSON without a model list', async () => {
    stubFetch(() => json({ hello: 'world' }));
    const error = await failure(listModels('http://localhost:8000/v1', ''));
    expect(error.message).toMatch(/no model list/);
  });

  it('rejects an unusable base URL without calling fetch', async () => {
    const fetchMock = stubFetch(() => json({ data: [] }));
    const error = await failure(listModels('localhost:8000', KEY));
    expect(error.kind).toBe('bad_request');
    expect(error.message).toMatch(/http:\/\/ or https:\/\//);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('never puts the key into any error message', async () => {
    const statuses = [400, 401, 403, 404, 418, 500, 503];
    for (const status of statuses) {
      stubFetch(() => json({ error: { message: `key=${KEY}` } }, status));
      const error = await failure(listModels('http://localhost:8000/v1', KEY));
      expect(error.message).not.toContain(KEY);
    }
  });
});

describe('listModels for Anthropic', () => {
  it('GETs {baseURL}/v1/models with x-api-key and anthropic-version, never a bearer header', async () => {
    const fetchMock = stubFetch(() =>
      json({ data: [{ type: 'model', id: 'claude-sonnet-4-5', display_name: 'Claude Sonnet 4.5' }, { type: 'model', id: 'claude-haiku-4-5' }], has_more: false }),
    );
    await expect(listModels('https://api.anthropic.com/', KEY, undefined, 'anthropic-messages')).resolves.toEqual([
      'claude-haiku-4-5',
      'claude-sonnet-4-5',
    ]);
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('https://api.anthropic.com/v1/models?limit=1000');
    expect(init?.headers).toEqual({
      'x-api-key': KEY,
      'anthropic-version': '2023-06-01',
      'anthropic-dangerous-direct-browser-access': 'true',
    });
  });

  it('tolerates a base URL that already ends in /v1', async () => {
    const fetchMock = stubFetch(() => json({ data: [] }));
    await listModels('http://127.0.0.1:8787/v1', KEY, undefined, 'anthropic-messages');
    expect(fetchMock.mock.calls[0][0]).toBe('http://127.0.0.1:8787/v1/models?limit=1000');
  });

  it('reads Anthropic error bodies and names the /v1/models path on 404', async () => {
    stubFetch(() => json({ type: 'error', error: { type: 'invalid_request_error', message: 'anthropic-version: bad value' } }, 400));
    expect((await failure(listModels('https://api.anthropic.com', KEY, undefined, 'anthropic-messages'))).message).toBe(
      'HTTP 400: anthropic-version: bad value',
    );
    stubFetch(() => new Response('nope', { status: 404 }));
    expect((await failure(listModels('http://gw.test:9000', KEY, undefined, 'anthropic-messages'))).message).toBe(
      'No /v1/models endpoint at http://gw.test:9000 (404). Enter the model name by hand.',
    );
  });
});
