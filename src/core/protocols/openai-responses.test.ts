// @vitest-environment node
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createSseDecoder } from './sse-decoder';
import { createOpenAIResponsesStreamDecoder, openAIResponseEvents } from './openai-responses-stream';
import { toResponsesInput, toResponsesTools } from './openai-responses-request';
import type { ModelEvent } from './types';

const dir = fileURLToPath(new URL('./__fixtures__/streams/', import.meta.url));
function decode(file: string): ModelEvent[] {
  const sse = createSseDecoder();
  const d = createOpenAIResponsesStreamDecoder();
  const out: ModelEvent[] = [];
  for (const e of [...sse.push(readFileSync(dir + file, 'utf8')), ...sse.end()]) {
    out.push(...d.push(e));
    if (d.done) break;
  }
  return [...out, ...d.end()].filter((e) => e.type !== 'raw');
}

describe('OpenAI Responses decoder', () => {
  it('hands back a reasoning item with its encrypted content, and the next request carries it before the call', () => {
    const events = decode('openai-responses-reasoning-tool.sse');
    const block = events.find((e) => e.type === 'reasoning-block');
    expect(block).toEqual({
      type: 'reasoning-block',
      block: { type: 'openai_reasoning', id: 'rs_fx1', encrypted: 'gAAAAABfx-ENCRYPTED-REASONING-1==', summary: ['**Checking the file**\n\nThe user wants the size; I should call stat_file.'] },
    });
    const input = toResponsesInput([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'How big is notes.txt?' },
      { role: 'assistant', content: '', reasoningBlocks: [(block as Extract<ModelEvent, { type: 'reasoning-block' }>).block], toolCalls: [{ id: 'call_rs1', name: 'stat_file', argsText: '{"path":"notes.txt"}' }] },
      { role: 'tool', toolCallId: 'call_rs1', name: 'stat_file', content: '{"size":12}' },
    ]);
    expect(input).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'How big is notes.txt?' },
      { type: 'reasoning', id: 'rs_fx1', encrypted_content: 'gAAAAABfx-ENCRYPTED-REASONING-1==', summary: [{ type: 'summary_text', text: expect.any(String) }] },
      { type: 'function_call', call_id: 'call_rs1', name: 'stat_file', arguments: '{"path":"notes.txt"}' },
      { type: 'function_call_output', call_id: 'call_rs1', output: '{"size":12}' },
    ]);
  });

  it('sends tools flat, as the Responses API wants them', () => {
    expect(toResponsesTools([{ name: 'f', description: 'd', parameters: { type: 'object' } }])).toEqual([
      { type: 'function', name: 'f', description: 'd', parameters: { type: 'object' }, strict: false },
    ]);
  });

  it('decodes a non-streamed response body by the same rules', () => {
    const events = openAIResponseEvents({
      id: 'resp_1',
      status: 'completed',
      output: [
        { type: 'reasoning', id: 'rs_1', summary: [{ type: 'summary_text', text: 'Thinking.' }], encrypted_content: 'enc' },
        { type: 'message', id: 'msg_1', role: 'assistant', content: [{ type: 'output_text', text: 'Hi.', annotations: [] }] },
        { type: 'function_call', id: 'fc_1', call_id: 'call_1', name: 'f', arguments: '{"a":1}' },
      ],
      usage: { input_tokens: 3, output_tokens: 4 },
    }).filter((e) => e.type !== 'raw');
    expect(events.filter((e) => e.type === 'reasoning-delta')).toEqual([{ type: 'reasoning-delta', text: 'Thinking.' }]);
    expect(events.filter((e) => e.type === 'text-delta')).toEqual([{ type: 'text-delta', text: 'Hi.' }]);
    expect(events.find((e) => e.type === 'tool-call-end')).toMatchObject({ id: 'call_1', name: 'f', args: { a: 1 } });
    expect(events.at(-1)).toEqual({ type: 'finish', reason: 'tool_calls', rawReason: 'completed', usage: { inputTokens: 3, outputTokens: 4 } });
  });

  it('fills in text that only arrived in a .done event, and reports events it does not know', () => {
    const d = createOpenAIResponsesStreamDecoder();
    const push = (p: object) => d.push({ data: JSON.stringify(p) });
    const out = [
      ...push({ type: 'response.output_item.added', output_index: 0, item: { type: 'message', id: 'm' } }),
      ...push({ type: 'response.output_text.done', output_index: 0, content_index: 0, text: 'Whole.' }),
      ...push({ type: 'response.future_thing', output_index: 0, words: 'hello' }),
      ...push({ type: 'response.completed', response: { status: 'completed', output: [] } }),
      ...d.end(),
    ];
    expect(out.filter((e) => e.type === 'text-delta')).toEqual([{ type: 'text-delta', text: 'Whole.' }]);
    expect(out.filter((e) => e.type === 'warning')).toMatchObject([{ code: 'unknown_event', visible: true }]);
  });

  it('turns response.failed into a stream error with the provider’s words', () => {
    const d = createOpenAIResponsesStreamDecoder();
    expect(() => d.push({ data: JSON.stringify({ type: 'response.failed', response: { status: 'failed', error: { code: 'server_error', message: 'Boom' } } }) })).toThrow(
      expect.objectContaining({ detail: { message: 'Boom', type: 'response.failed', code: 'server_error' } }),
    );
  });
});
