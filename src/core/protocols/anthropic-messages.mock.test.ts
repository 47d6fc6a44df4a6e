// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockRequestRecord, type MockScript, type MockServer } from '../../../e2e/mock/server-core.mjs';
import { createAnthropicClient } from './anthropic-messages';
import type { ModelEvent, ModelMessage } from './types';

let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer({ port: 0 });
});
afterAll(() => mock.close());

let n = 0;
async function queue(scripts: MockScript[]): Promise<string> {
  const key = `anthropic-${++n}-${Date.now()}`;
  await fetch(`${mock.url}/__mock/queue?key=${key}`, { method: 'POST', body: JSON.stringify({ responses: scripts }) });
  return key;
}
async function requests(key: string): Promise<MockRequestRecord[]> {
  return (await fetch(`${mock.url}/__mock/requests?key=${key}`)).json();
}
async function collect(key: string, streaming: boolean, messages: ModelMessage[]): Promise<ModelEvent[]> {
  const client = createAnthropicClient({ baseURL: mock.url, apiKey: key, model: 'mock-small', streaming });
  const out: ModelEvent[] = [];
  const tools = [{ name: 'calc', description: 'Calculates', parameters: { type: 'object', properties: { expression: { type: 'string' } } } }];
  for await (const e of client.stream({ messages, tools, signal: new AbortController().signal })) if (e.type !== 'raw') out.push(e);
  return out;
}
const textOf = (events: ModelEvent[]) => events.map((e) => (e.type === 'text-delta' ? e.text : '')).join('');

describe('Anthropic client against the mock server', () => {
  for (const streaming of [true, false]) {
    it(`runs a tool round trip with signed thinking (${streaming ? 'streaming' : 'non-streaming'})`, async () => {
      const key = await queue([
        { reasoning: 'Add them.', text: 'Let me calculate 🙂', toolCalls: [{ id: 'toolu_1', name: 'calc', arguments: { expression: '1+2' } }], delayMs: 0, chunkSize: 3 },
        { text: 'It is 3.', delayMs: 0 },
      ]);
      const first = await collect(key, streaming, [{ role: 'user', content: 'What is 1+2?' }]);
      expect(textOf(first)).toBe('Let me calculate 🙂');
      expect(first.find((e) => e.type === 'tool-call-end')).toMatchObject({ id: 'toolu_1', name: 'calc', args: { expression: '1+2' } });
      const block = first.find((e) => e.type === 'reasoning-block');
      expect(block).toMatchObject({ block: { type: 'thinking', thinking: 'Add them.', signature: expect.stringMatching(/^sig_mock/) } });
      expect(first.at(-1)).toMatchObject({ type: 'finish', reason: 'tool_calls', rawReason: 'tool_use' });

      const second = await collect(key, streaming, [
        { role: 'system', content: 'Be exact.' },
        { role: 'user', content: 'What is 1+2?' },
        {
          role: 'assistant',
          content: 'Let me calculate 🙂',
          reasoning: 'Add them.',
          reasoningBlocks: [(block as Extract<ModelEvent, { type: 'reasoning-block' }>).block],
          toolCalls: [{ id: 'toolu_1', name: 'calc', argsText: '{"expression":"1+2"}' }],
        },
        { role: 'tool', toolCallId: 'toolu_1', name: 'calc', content: '3' },
      ]);
      expect(textOf(second)).toBe('It is 3.');
      const sent = (await requests(key))[1].body as { system: string; stream?: boolean; messages: { role: string; content: { type: string }[] }[] };
      expect(sent.system).toBe('Be exact.');
      expect(sent.stream ?? false).toBe(streaming);
      expect(sent.messages.map((m) => [m.role, m.content.map((b) => b.type)])).toEqual([
        ['user', ['text']],
        ['assistant', ['thinking', 'text', 'tool_use']],
        ['user', ['tool_result']],
      ]);
    });
  }

  it('reports an in-stream error and a dropped stream', async () => {
    const key = await queue([
      { text: 'abcdef', chunkSize: 2, delayMs: 0, fault: { type: 'error-event', afterChunks: 1, message: 'overloaded' } },
      { text: 'abcdefgh', chunkSize: 2, delayMs: 0, fault: { type: 'drop', afterChunks: 2 } },
    ]);
    await expect(collect(key, true, [{ role: 'user', content: 'hi' }])).rejects.toThrow(/overloaded/);
    await expect(collect(key, true, [{ role: 'user', content: 'hi' }])).rejects.toMatchObject({ kind: expect.stringMatching(/stream|network/) });
  });

  it('classifies a 401 from the mock', async () => {
    await expect(collect('bad-key', true, [{ role: 'user', content: 'hi' }])).rejects.toMatchObject({ kind: 'auth', status: 401 });
  });
});
