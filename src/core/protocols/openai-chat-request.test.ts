import { describe, expect, it } from 'vitest';
import { asksForReasoningContent, toOpenAIMessages } from './openai-chat-request';
import type { ModelMessage } from './types';

const transcript: ModelMessage[] = [
  { role: 'user', content: 'weather?' },
  { role: 'assistant', content: '', reasoning: 'use the tool', toolCalls: [{ id: 'c1', name: 'get_weather', argsText: '' }] },
  { role: 'tool', toolCallId: 'c1', name: 'get_weather', content: '18 °C' },
  { role: 'assistant', content: 'It is 18 °C.' },
];

describe('toOpenAIMessages', () => {
  it('leaves reasoning out by default (strict servers reject unknown fields)', () => {
    const out = toOpenAIMessages(transcript) as Record<string, unknown>[];
    expect(out.some((m) => 'reasoning_content' in m)).toBe(false);
    expect(out[1]).toEqual({
      role: 'assistant',
      content: null,
      tool_calls: [{ id: 'c1', type: 'function', function: { name: 'get_weather', arguments: '{}' } }],
    });
    expect(out[2]).toEqual({ role: 'tool', tool_call_id: 'c1', content: '18 °C' });
  });

  it('echoes reasoning_content on every assistant message when asked, "" when there was none', () => {
    const out = toOpenAIMessages(transcript, { reasoningContent: true }) as Record<string, unknown>[];
    expect(out[1]).toMatchObject({ reasoning_content: 'use the tool', tool_calls: [{ id: 'c1' }] });
    expect(out[3]).toEqual({ role: 'assistant', content: 'It is 18 °C.', reasoning_content: '' });
    expect(out[0]).toEqual({ role: 'user', content: 'weather?' });
  });
});

describe('arguments in history', () => {
  it('are sent verbatim when JSON, and as {} when a call was cut off mid-arguments', () => {
    const out = toOpenAIMessages([
      { role: 'assistant', content: '', toolCalls: [{ id: 'a', name: 'f', argsText: '{"x": 1}' }, { id: 'b', name: 'f', argsText: '{"x' }] },
    ]) as { tool_calls: { function: { arguments: string } }[] }[];
    expect(out[0].tool_calls.map((c) => c.function.arguments)).toEqual(['{"x": 1}', '{}']);
  });
});

describe('asksForReasoningContent', () => {
  it('recognizes DeepSeek’s 400s in both wordings and nothing else', () => {
    expect(asksForReasoningContent(400, 'Missing `reasoning_content` field in the assistant message at message index 2.')).toBe(true);
    expect(asksForReasoningContent(400, 'The `reasoning_content` in the thinking mode must be passed back to the API.')).toBe(true);
    expect(asksForReasoningContent(400, 'Unrecognized request argument')).toBe(false);
    expect(asksForReasoningContent(500, 'reasoning_content')).toBe(false);
  });
});
