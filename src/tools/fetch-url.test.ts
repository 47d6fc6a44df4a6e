// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import { validateArgs } from '../core/tools/validate';
import { CORS_MESSAGE, createFetchUrlTool, DEFAULT_FETCH_LIMIT_BYTES } from './fetch-url';

const encoder = new TextEncoder();

/** A response whose body arrives in the given chunks; records how far it was read. */
function chunkedResponse(chunks: string[], init: ResponseInit = {}) {
  const state = { pulled: 0, cancelled: false };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled === chunks.length) controller.close();
      else controller.enqueue(encoder.encode(chunks[state.pulled++]));
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { response: new Response(body, { headers: { 'content-type': 'text/plain; charset=utf-8' }, ...init }), state };
}

function run(args: { url: string; maxBytes?: number }, signal = new AbortController().signal, timeoutMs?: number) {
  return createFetchUrlTool({ timeoutMs }).run(args, { signal }) as Promise<Record<string, unknown>>;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('fetch_url', () => {
  it('GETs the URL without credentials and returns status, type and text', async () => {
    const fetchStub = vi.fn(async () => chunkedResponse(['hello ', 'world'], { status: 404 }).response);
    vi.stubGlobal('fetch', fetchStub);
    expect(await run({ url: 'https://example.com/a?b=1' })).toEqual({
      url: 'https://example.com/a?b=1',
      status: 404,
      contentType: 'text/plain; charset=utf-8',
      text: 'hello world',
      truncated: false,
    });
    expect(fetchStub).toHaveBeenCalledWith(
      'https://example.com/a?b=1',
      expect.objectContaining({ method: 'GET', credentials: 'omit' }),
    );
  });

  it('stops reading at the limit, cancels the body and says it truncated', async () => {
    const { response, state } = chunkedResponse(['0123456789', 'abcdefghij', 'ABCDEFGHIJ', 'never read']);
    vi.stubGlobal('fetch', async () => response);
    const result = await run({ url: 'http://example.com/', maxBytes: 15 });
    expect(result).toMatchObject({ text: '0123456789abcde', truncated: true });
    expect(state.cancelled).toBe(true);
    expect(state.pulled).toBeLessThan(4);
  });

  it('does not call a body of exactly the limit truncated', async () => {
    vi.stubGlobal('fetch', async () => chunkedResponse(['12345', '67890']).response);
    expect(await run({ url: 'http://example.com/', maxBytes: 10 })).toMatchObject({ text: '1234567890', truncated: false });
  });

  it('defaults to 100 KB and never splits a character at the limit', async () => {
    const big = 'a'.repeat(DEFAULT_FETCH_LIMIT_BYTES - 1) + '€€';
    vi.stubGlobal('fetch', async () => chunkedResponse([big]).response);
    const result = await run({ url: 'https://example.com/' });
    expect(result.text).toBe('a'.repeat(DEFAULT_FETCH_LIMIT_BYTES - 1));
    expect(result.truncated).toBe(true);
  });

  it('turns the TypeError browsers throw for CORS and network failures into a clear message', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(run({ url: 'https://example.com/' })).rejects.toThrow(CORS_MESSAGE);
  });

  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'ftp://example.com/x', 'data:text/plain,hi'])(
    'refuses %s without fetching',
    async (url) => {
      const fetchStub = vi.fn();
      vi.stubGlobal('fetch', fetchStub);
      await expect(run({ url })).rejects.toThrow(/Only http:\/\/ and https:\/\/ URLs can be fetched/);
      expect(fetchStub).not.toHaveBeenCalled();
    },
  );

  it('refuses relative URLs', async () => {
    await expect(run({ url: '/api/x' })).rejects.toThrow('"/api/x" is not an absolute URL');
  });

  it('aborts the request when the signal aborts', async () => {
    let seen: AbortSignal | undefined;
    vi.stubGlobal('fetch', (_url: string, init: RequestInit) => {
      seen = init.signal ?? undefined;
      return new Promise((_, reject) => init.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    });
    const controller = new AbortController();
    const pending = run({ url: 'https://example.com/' }, controller.signal);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen?.aborted).toBe(true);
  });

  it('gives up after its timeout', async () => {
    vi.stubGlobal('fetch', (_url: string, init: RequestInit) => {
      return new Promise((_, reject) => init.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    });
    await expect(run({ url: 'https://example.com/slow' }, undefined, 30)).rejects.toThrow(
      'Timed out after 0.03 s waiting for https://example.com/slow',
    );
  });

  it('does not read binary bodies', async () => {
    const { response, state } = chunkedResponse(['\x89PNG'], { headers: { 'content-type': 'image/png' } });
    vi.stubGlobal('fetch', async () => response);
    expect(await run({ url: 'https://example.com/a.png' })).toMatchObject({
      contentType: 'image/png',
      text: '',
      note: 'The body is binary (image/png) and was not read.',
    });
    expect(state.cancelled).toBe(true);
  });

  it('asks first and validates its arguments', () => {
    const tool = createFetchUrlTool();
    expect(tool.policy).toBe('ask');
    expect(validateArgs(tool.parameters, { url: 'https://x.test', maxBytes: 0 })).toMatchObject({ ok: false });
    expect(validateArgs(tool.parameters, { url: 'https://x.test', method: 'POST' })).toMatchObject({ ok: false });
    expect(validateArgs(tool.parameters, { url: 'https://x.test', maxBytes: 5000 })).toEqual({ ok: true });
  });
});
