// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { APIError } from 'openai';
import { chatFetch, client, queue, useMockServer, waitForRecord } from './test-harness';

useMockServer();

describe('mock server: faults', () => {
  async function apiError(promise: Promise<unknown>): Promise<APIError> {
    const err = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(APIError);
    return err as APIError;
  }

  it('surfaces 401, 429 (with Retry-After) and 500 as the SDK APIError', async () => {
    const e401 = await apiError(client('bad-key').models.list());
    expect(e401.status).toBe(401);
    expect(e401.code).toBe('invalid_api_key');

    await queue('k-faults', [
      { fault: { type: 'http', status: 429, retryAfter: 2 } },
      { fault: { type: 'http', status: 500, message: 'boom' } },
    ]);
    const create = () =>
      client('k-faults').chat.completions.create({ model: 'mock-small', messages: [{ role: 'user', content: 'x' }], stream: true });
    const e429 = await apiError(create());
    expect(e429.status).toBe(429);
    expect(e429.headers?.get('retry-after')).toBe('2');
    const e500 = await apiError(create());
    expect(e500.status).toBe(500);
    expect(e500.message).toContain('boom');
  });

  it('turns an in-stream error event into an APIError after the first chunks', async () => {
    await queue('k-errev', [{ text: 'partial answer here', chunkSize: 3, delayMs: 0, fault: { type: 'error-event', afterChunks: 2, message: 'overloaded' } }]);
    const stream = await client('k-errev').chat.completions.create({
      model: 'mock-small',
      messages: [{ role: 'user', content: 'x' }],
      stream: true,
    });
    let text = '';
    let err: unknown;
    try {
      for await (const c of stream) text += c.choices[0]?.delta.content ?? '';
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(APIError);
    expect((err as APIError).message).toContain('overloaded');
    expect(text).toBe('partia');
  });

  it('drop ends the stream after N chunks without [DONE]', async () => {
    await queue('k-drop', [{ text: 'abcdefghijklmnopqrstuvwxyz', chunkSize: 2, delayMs: 0, fault: { type: 'drop', afterChunks: 5 } }]);
    const res = await chatFetch('k-drop', { stream: true, messages: [{ role: 'user', content: 'x' }] });
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let raw = '';
    let failed = false;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        raw += decoder.decode(value, { stream: true });
      }
    } catch {
      failed = true;
    }
    expect(failed).toBe(true);
    expect(raw).not.toContain('[DONE]');
    expect(raw).not.toContain('finish_reason":"stop"');
    const contents = [...raw.matchAll(/"content":"([^"]*)"/g)].map((m) => m[1]).filter(Boolean);
    expect(contents.join('')).toBe('abcdefghij');
    const record = await waitForRecord('k-drop', (r) => r.endedAt !== null);
    expect(record).toMatchObject({ dropped: true, closedEarly: false, completed: false });
  });

  it('malformed writes one bad line and carries on; a finite stall resumes', async () => {
    await queue('k-mal', [
      { text: 'abcdef', chunkSize: 2, delayMs: 0, fault: { type: 'malformed', afterChunks: 1 } },
      { text: 'abcdef', chunkSize: 2, delayMs: 0, fault: { type: 'stall', afterChunks: 1, ms: 150 } },
    ]);
    const raw = await (await chatFetch('k-mal', { stream: true, messages: [{ role: 'user', content: 'x' }] })).text();
    const lines = raw.split('\n\n').filter(Boolean);
    expect(lines[2]).toBe('data: {not json');
    expect(raw.endsWith('data: [DONE]\n\n')).toBe(true);

    const started = Date.now();
    const stalled = await (await chatFetch('k-mal', { stream: true, messages: [{ role: 'user', content: 'x' }] })).text();
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(stalled.endsWith('data: [DONE]\n\n')).toBe(true);
  });

  it('records a client abort as closedEarly and stops the script', async () => {
    await queue('k-abort', [{ text: 'never finishes', delayMs: 0, fault: { type: 'stall', afterChunks: 1 } }]);
    const controller = new AbortController();
    const res = await chatFetch('k-abort', { stream: true, messages: [{ role: 'user', content: 'x' }] }, { signal: controller.signal });
    const reader = res.body!.getReader();
    await reader.read();
    controller.abort();
    const record = await waitForRecord('k-abort', (r) => r.endedAt !== null);
    expect(record).toMatchObject({ closedEarly: true, completed: false, dropped: false, source: 'queue' });
  });
});
