import { describe, expect, it } from 'vitest';
import { toAnthropicMessages, toAnthropicRequest } from './anthropic-messages-request';
import type { ModelMessage } from './types';

describe('Anthropic request builder', () => {
  it('moves system prompts to `system` and sends tools with input_schema', () => {
    const body = toAnthropicRequest(
      [
        { role: 'system', content: 'Be brief.' },
        { role: 'system', content: 'Use tools.' },
        { role: 'user', content: 'hi' },
      ],
      [
        { name: 'calc', description: 'Adds', parameters: { type: 'object', properties: { a: { type: 'number' } } } },
        { name: 'now', description: 'Time', parameters: {} },
      ],
      { model: 'claude-x', maxTokens: 1000, stream: true },
    );
    expect(body).toEqual({
      model: 'claude-x',
      max_tokens: 1000,
      system: 'Be brief.\n\nUse tools.',
      messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }],
      tools: [
        { name: 'calc', description: 'Adds', input_schema: { type: 'object', properties: { a: { type: 'number' } } } },
        { name: 'now', description: 'Time', input_schema: { type: 'object', properties: {} } },
      ],
      stream: true,
    });
  });

  it('omits system and tools when there are none', () => {
    const body = toAnthropicRequest([{ role: 'user', content: 'hi' }], [], { model: 'm', maxTokens: 5, stream: false });
    expect(Object.keys(body).sort()).toEqual(['max_tokens', 'messages', 'model', 'stream']);
  });

  it('sends calls as tool_use and results as tool_result blocks of one user message, keeping alternation', () => {
    const transcript: ModelMessage[] = [
      { role: 'user', content: 'weather in Paris and Lima?' },
      { role: 'user', content: 'quickly' },
      {
        role: 'assistant',
        content: 'Checking.',
        toolCalls: [
          { id: 'toolu_a', name: 'weather', argsText: '{"city":"Paris"}' },
          { id: 'toolu_b', name: 'weather', argsText: '{"city":' },
        ],
      },
      { role: 'tool', toolCallId: 'toolu_a', name: 'weather', content: '18 °C' },
      { role: 'tool', toolCallId: 'toolu_b', name: 'weather', content: 'Error: arguments were cut off.' },
      { role: 'user', content: 'and Oslo?' },
    ];
    expect(toAnthropicMessages(transcript)).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'weather in Paris and Lima?' },
          { type: 'text', text: 'quickly' },
        ],
      },
      {
        role: 'assistant',
        content: [
          { type: 'text', text: 'Checking.' },
          { type: 'tool_use', id: 'toolu_a', name: 'weather', input: { city: 'Paris' } },
          // Arguments that never parsed still need an object.
          { type: 'tool_use', id: 'toolu_b', name: 'weather', input: {} },
        ],
      },
      {
        role: 'user',
        content: [
          { type: 'tool_result', tool_use_id: 'toolu_a', content: '18 °C' },
          { type: 'tool_result', tool_use_id: 'toolu_b', content: 'Error: arguments were cut off.' },
          { type: 'text', text: 'and Oslo?' },
        ],
      },
    ]);
  });

  it('puts tool_result blocks first even when user text came before them', () => {
    const out = toAnthropicMessages([
      { role: 'assistant', content: '', toolCalls: [{ id: 't1', name: 'f', argsText: '' }] },
      { role: 'user', content: 'note' },
      { role: 'tool', toolCallId: 't1', name: 'f', content: 'ok' },
    ]);
    expect(out[1].content.map((b) => b.type)).toEqual(['tool_result', 'text']);
    expect(out[0].content).toEqual([{ type: 'tool_use', id: 't1', name: 'f', input: {} }]);
  });

  it('sends signed thinking blocks first and drops unsigned reasoning and empty text', () => {
    const out = toAnthropicMessages([
      { role: 'user', content: 'hi' },
      { role: 'assistant', content: '  ', reasoning: 'unsigned text is not sent', toolCalls: [{ id: 't1', name: 'f', argsText: '{}' }] },
      { role: 'tool', toolCallId: 't1', name: 'f', content: 'ok' },
      {
        role: 'assistant',
        content: 'Done.',
        reasoning: 'hmm',
        reasoningBlocks: [
          { type: 'thinking', thinking: 'hmm', signature: 'sig' },
          { type: 'redacted_thinking', data: 'opaque' },
        ],
      },
    ]);
    expect(out[1].content).toEqual([{ type: 'tool_use', id: 't1', name: 'f', input: {} }]);
    expect(out[3].content).toEqual([
      { type: 'thinking', thinking: 'hmm', signature: 'sig' },
      { type: 'redacted_thinking', data: 'opaque' },
      { type: 'text', text: 'Done.' },
    ]);
    expect(out.map((m) => m.role)).toEqual(['user', 'assistant', 'user', 'assistant']);
  });
});
