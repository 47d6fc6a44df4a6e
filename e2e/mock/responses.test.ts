// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { mockUrl, queue, useMockServer } from './test-harness';
import { createOpenAIResponsesClient } from '../../src/core/protocols/openai-responses';
import type { ModelEvent, ModelMessage } from '../../src/core/protocols/types';

useMockServer();

// The mock's Responses answers go through the app's own client and decoder, so the two cannot drift apart.
async function round(key: string, messages: ModelMessage[], streaming: boolean): Promise<ModelEvent[]> {
  const client = createOpenAIResponsesClient({ baseURL: `${mockUrl()}/v1`, apiKey: key, model: 'mock-small', streaming });
  const out: ModelEvent[] = [];
  const tools = [{ name: 'f', description: 'f', parameters: { type: 'object' } }];
  for await (const e of client.stream({ messages, tools, signal: new AbortController().signal })) if (e.type !== 'raw') out.push(e);
  return out;
}

describe('mock server: OpenAI Responses API', () => {
  for (const streaming of [true, false]) {
    it(`plays reasoning, text and parallel calls (${streaming ? 'streaming' : 'JSON'}), and accepts them back`, async () => {
      const key = `responses-${streaming}`;
      await queue(key, [
        { reasoning: 'Think.', text: 'Two calls.', toolCalls: [{ id: 'c1', name: 'f', arguments: { n: 1 } }, { id: 'c2', name: 'f', arguments: { n: 2 } }], delayMs: 0 },
        { text: 'Done.', delayMs: 0 },
      ]);
      const first = await round(key, [{ role: 'user', content: 'go' }], streaming);
      const text = first.filter((e) => e.type === 'text-delta').map((e) => (e as { text: string }).text).join('');
      expect(text).toBe('Two calls.');
      expect(first.filter((e) => e.type === 'tool-call-end')).toMatchObject([{ id: 'c1', args: { n: 1 } }, { id: 'c2', args: { n: 2 } }]);
      const block = first.find((e) => e.type === 'reasoning-block') as Extract<ModelEvent, { type: 'reasoning-block' }>;
      expect(block.block).toMatchObject({ type: 'openai_reasoning', encrypted: expect.stringMatching(/^enc_mock_/) });
      expect(first.at(-1)).toMatchObject({ type: 'finish', reason: 'tool_calls' });
      const second = await round(
        key,
        [
          { role: 'user', content: 'go' },
          { role: 'assistant', content: 'Two calls.', reasoningBlocks: [block.block], toolCalls: [{ id: 'c1', name: 'f', argsText: '{"n":1}' }, { id: 'c2', name: 'f', argsText: '{"n":2}' }] },
          { role: 'tool', toolCallId: 'c1', name: 'f', content: '1' },
          { role: 'tool', toolCallId: 'c2', name: 'f', content: '2' },
        ],
        streaming,
      );
      expect(second.filter((e) => e.type === 'text-delta').map((e) => (e as { text: string }).text).join('')).toBe('Done.');
    });
  }

  it('refuses a function_call_output without its call, as the API does', async () => {
    const res = await fetch(`${mockUrl()}/v1/responses`, {
      method: 'POST',
      headers: { authorization: 'Bearer k', 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'mock-small', input: [{ type: 'function_call_output', call_id: 'nope', output: 'x' }] }),
    });
    expect(res.status).toBe(400);
  });
});
