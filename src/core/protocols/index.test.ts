import { afterEach, describe, expect, it, vi } from 'vitest';
import { createProtocolClient, isProtocolId } from './index';

afterEach(() => vi.unstubAllGlobals());

describe('createProtocolClient', () => {
  it('sends Anthropic requests to /v1/messages and OpenAI ones to /chat/completions', async () => {
    const urls: string[] = [];
    vi.stubGlobal('fetch', async (input: string | URL | Request) => {
      urls.push(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
      return new Response(JSON.stringify({ error: { message: 'stop here' } }), { status: 400, headers: { 'content-type': 'application/json' } });
    });
    const request = { messages: [{ role: 'user' as const, content: 'hi' }], tools: [], signal: new AbortController().signal };
    for (const protocol of ['anthropic-messages', 'openai-chat'] as const) {
      const client = createProtocolClient({ protocol, baseURL: 'http://gw.test/v1', apiKey: 'k', model: 'm', streaming: false, sendReasoning: false });
      expect(client.label).toBe('m');
      await expect((async () => { for await (const _ of client.stream(request)); })()).rejects.toMatchObject({ kind: 'bad_request' });
    }
    expect(urls).toEqual(['http://gw.test/v1/messages', 'http://gw.test/v1/chat/completions']);
  });

  it('recognizes protocol ids', () => {
    expect(isProtocolId('anthropic-messages')).toBe(true);
    expect(isProtocolId('openai-chat')).toBe(true);
    expect(isProtocolId('openai')).toBe(false);
  });
});
