// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ModelClient, ModelEvent } from '../protocols/types';
import { createModelClient } from './model-client';
import { DEFAULT_CONFIG, type ProviderConfig } from './provider-config';

type Sent = { url: string; body: any; headers: Record<string, string> };

function stubFetch(answers: (() => Response)[]) {
  const sent: Sent[] = [];
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    sent.push({ url: request.url, body: JSON.parse(await request.text()), headers: Object.fromEntries(request.headers) });
    const next = answers.shift();
    if (!next) throw new Error('unexpected request');
    return next();
  });
  return sent;
}

const json = (body: unknown, status = 200) => () =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const completion = (content: string) =>
  json({ id: 'c', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }] });

const TOOLS = [{ name: 'calculate', description: 'Math.', parameters: { type: 'object' } }];

async function collect(client: ModelClient): Promise<ModelEvent[]> {
  const out: ModelEvent[] = [];
  const request = { messages: [{ role: 'user' as const, content: '6*7?' }], tools: TOOLS, signal: new AbortController().signal };
  for await (const e of client.stream(request)) out.push(e);
  return out;
}

const config = (partial: Partial<ProviderConfig>): ProviderConfig => ({
  ...DEFAULT_CONFIG,
  presetId: 'custom',
  baseURL: 'http://gw.test/v1',
  apiKey: 'k',
  model: 'm',
  streaming: false,
  ...partial,
});

afterEach(() => vi.unstubAllGlobals());

describe('createModelClient', () => {
  it('returns the offline demo for the demo preset', () => {
    expect(createModelClient(DEFAULT_CONFIG).label).toBe('Demo (offline)');
  });

  it('talks Anthropic Messages for the anthropic protocol, with native tools', async () => {
    const sent = stubFetch([
      json({ type: 'message', role: 'assistant', content: [{ type: 'text', text: 'Hi' }], stop_reason: 'end_turn', usage: {} }),
    ]);
    const events = await collect(
      createModelClient(config({ presetId: 'anthropic', protocol: 'anthropic-messages', baseURL: 'https://api.anthropic.com', toolMode: 'native' })),
    );
    expect(sent[0].url).toBe('https://api.anthropic.com/v1/messages');
    expect(sent[0].headers['x-api-key']).toBe('k');
    expect(sent[0].body.tools).toHaveLength(1);
    expect(events).toContainEqual({ type: 'text-delta', text: 'Hi' });
  });

  it('passes the protocol options through the one factory (Anthropic max_tokens)', async () => {
    const sent = stubFetch([
      json({ type: 'message', role: 'assistant', content: [{ type: 'text', text: 'Hi' }], stop_reason: 'end_turn', usage: {} }),
    ]);
    const anthropic = config({ presetId: 'anthropic', protocol: 'anthropic-messages', baseURL: 'https://api.anthropic.com', toolMode: 'native' });
    await collect(createModelClient({ ...anthropic, maxTokens: 1234 }));
    expect(sent[0].body.max_tokens).toBe(1234);
  });

  it('prompted mode sends no tools and turns <tool_call> text into a call', async () => {
    const sent = stubFetch([completion('<tool_call>{"name": "calculate", "arguments": {"expression": "6*7"}}</tool_call>')]);
    const events = await collect(createModelClient(config({ toolMode: 'prompted' })));
    expect(sent[0].url).toBe('http://gw.test/v1/chat/completions');
    expect(sent[0].body.tools).toBeUndefined();
    expect(sent[0].body.messages[0]).toMatchObject({ role: 'system', content: expect.stringContaining('<tool_call>') });
    expect(events).toContainEqual(expect.objectContaining({ type: 'tool-call-end', name: 'calculate', args: { expression: '6*7' } }));
    expect(events.at(-1)).toMatchObject({ type: 'finish', reason: 'tool_calls' });
  });

  it('auto mode falls back to prompted when the server refuses tools, and remembers it per endpoint', async () => {
    const memory = new Set<string>();
    const sent = stubFetch([
      json({ error: { message: 'registry.ollama.ai/library/gemma:2b does not support tools' } }, 400),
      completion('plain answer'),
      completion('again'),
    ]);
    const auto = config({ toolMode: 'auto', model: 'gemma:2b' });
    expect(await collect(createModelClient(auto, memory))).toContainEqual({ type: 'text-delta', text: 'plain answer' });
    expect(await collect(createModelClient(auto, memory))).toContainEqual({ type: 'text-delta', text: 'again' });
    expect(sent.map((s) => s.body.tools?.length ?? 0)).toEqual([1, 0, 0]);
  });

  it('native mode surfaces the refusal instead of falling back', async () => {
    stubFetch([json({ error: { message: 'model does not support tools' } }, 400)]);
    await expect(collect(createModelClient(config({ toolMode: 'native' })))).rejects.toThrow(/does not support tools/);
  });
});
