import { describe, expect, it } from 'vitest';
import type { ModelEvent, ModelMessage, ToolSpec } from '../types';
import { renderToolCall, toPromptedMessages } from './prompted-transcript';
import { promptedSystemPrompt } from './system-prompt';
import { createToolCallTagParser, UNNAMED_TOOL_CALL } from './tag-parser';

const TOOLS: ToolSpec[] = [
  { name: 'calculate', description: 'Evaluates arithmetic.', parameters: { type: 'object', properties: { expression: { type: 'string' } } } },
  { name: 'write_file', description: 'Writes a file.', parameters: { type: 'object', properties: { name: { type: 'string' } } } },
];

const TRANSCRIPT: ModelMessage[] = [
  { role: 'system', content: 'Be brief.' },
  { role: 'user', content: 'Compute and save.' },
  {
    role: 'assistant',
    content: 'On it.',
    toolCalls: [
      { id: 'a1', name: 'calculate', argsText: '{"expression":"6*7"}' },
      { id: 'a2', name: 'write_file', argsText: '{"name":"r.md","content":"42 \\"quoted\\" <b>"}' },
    ],
  },
  { role: 'tool', toolCallId: 'a1', name: 'calculate', content: '{"result":42}' },
  { role: 'tool', toolCallId: 'a2', name: 'write_file', content: 'The user rejected this call.' },
  { role: 'assistant', content: 'Done: 42.' },
  { role: 'user', content: 'Thanks' },
];

describe('promptedSystemPrompt', () => {
  it('describes every tool with its schema and the block format; nothing without tools', () => {
    const prompt = promptedSystemPrompt(TOOLS);
    expect(prompt).toContain('<tool_call>\n{"name": "tool_name", "arguments": {"parameter": "value"}}\n</tool_call>');
    expect(prompt).toContain('<tool_result name="tool_name" id="call_id">');
    for (const t of TOOLS) {
      expect(prompt).toContain(`### ${t.name}\n${t.description}`);
      expect(prompt).toContain(JSON.stringify(t.parameters));
    }
    expect(promptedSystemPrompt([])).toBe('');
  });
});

describe('toPromptedMessages', () => {
  const out = toPromptedMessages(TRANSCRIPT, TOOLS);

  it('merges the system prompt with the tool instructions and leaves no tool roles or native calls', () => {
    expect(out.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user', 'assistant', 'user']);
    expect(out[0].content.startsWith('Be brief.\n\n# Tools')).toBe(true);
    expect(out.some((m) => m.role === 'assistant' && m.toolCalls)).toBe(false);
  });

  it('keeps reasoning and signed reasoning blocks on assistant messages', () => {
    const block = { type: 'thinking' as const, thinking: 't', signature: 's' };
    const [, assistant] = toPromptedMessages(
      [{ role: 'user', content: 'q' }, { role: 'assistant', content: 'a', reasoning: 't', reasoningBlocks: [block] }],
      [],
    );
    expect(assistant).toEqual({ role: 'assistant', content: 'a', reasoning: 't', reasoningBlocks: [block] });
  });

  it('sends all results of a round in one user message, paired with their call ids', () => {
    expect(out[3].content).toBe(
      '<tool_result name="calculate" id="a1">\n{"result":42}\n</tool_result>\n\n' +
        '<tool_result name="write_file" id="a2">\nThe user rejected this call.\n</tool_result>',
    );
  });

  it('round-trips: the rendered assistant text parses back into the same calls and prose', () => {
    const parser = createToolCallTagParser({ newId: () => 'x' });
    const events = [...parser.push(out[2].content), ...parser.end()];
    const ends = events.filter((e): e is Extract<ModelEvent, { type: 'tool-call-end' }> => e.type === 'tool-call-end');
    expect(ends.map((e) => [e.name, e.argsText, e.parseError])).toEqual([
      ['calculate', '{"expression":"6*7"}', undefined],
      ['write_file', '{"name":"r.md","content":"42 \\"quoted\\" <b>"}', undefined],
    ]);
    expect(ends[1].args).toEqual({ name: 'r.md', content: '42 "quoted" <b>' });
    expect(events.filter((e) => e.type === 'text-delta')).toEqual([{ type: 'text-delta', text: 'On it.' }]);
  });

  it('merges a user message that follows tool results, never two plain user messages', () => {
    const merged = toPromptedMessages(
      [
        { role: 'user', content: 'go' },
        { role: 'assistant', content: '', toolCalls: [{ id: 'b1', name: 'calculate', argsText: '{}' }] },
        { role: 'tool', toolCallId: 'b1', name: 'calculate', content: 'cancelled' },
        { role: 'user', content: 'never mind' },
      ],
      [],
    );
    expect(merged.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    expect(merged[1].content).toBe('<tool_call>\n{"name": "calculate", "arguments": {}}\n</tool_call>');
    expect(merged[2].content).toBe('<tool_result name="calculate" id="b1">\ncancelled\n</tool_result>\n\nnever mind');
    expect(toPromptedMessages([{ role: 'user', content: 'a' }, { role: 'user', content: 'b' }], []).length).toBe(2);
  });

  it('writes a block that never parsed back verbatim, and escapes attribute quotes', () => {
    expect(renderToolCall({ id: 'z', name: 'calculate', argsText: '{"name": "calculate", "arguments": {oops}}' })).toBe(
      '<tool_call>\n{"name": "calculate", "arguments": {oops}}\n</tool_call>',
    );
    expect(renderToolCall({ id: 'z', name: UNNAMED_TOOL_CALL, argsText: '{"arguments": {}}' })).toBe('<tool_call>\n{"arguments": {}}\n</tool_call>');
    const [, result] = toPromptedMessages(
      [{ role: 'assistant', content: 'x' }, { role: 'tool', toolCallId: 'q"1', name: 'a&b', content: 'r' }],
      [],
    );
    expect(result.content).toBe('<tool_result name="a&amp;b" id="q&quot;1">\nr\n</tool_result>');
  });
});
