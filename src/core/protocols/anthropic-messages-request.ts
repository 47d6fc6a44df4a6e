import type { ModelMessage, ToolSpec } from './types';
import { parseArgs } from './shared';

type ContentBlock = Record<string, unknown> & { type: string };
export interface AnthropicMessage {
  role: 'user' | 'assistant';
  content: ContentBlock[];
}

export interface AnthropicRequestOptions {
  model: string;
  maxTokens: number;
  stream: boolean;
}

/**
 * Builds a Messages API body: system prompts go to `system`; tool calls become `tool_use` blocks
 * and their results `tool_result` blocks in a user message; same-role neighbours are merged so
 * user/assistant alternation holds; signed thinking blocks are sent back first in their turn.
 */
export function toAnthropicRequest(messages: ModelMessage[], tools: ToolSpec[], opts: AnthropicRequestOptions): Record<string, unknown> {
  const system = messages.flatMap((m) => (m.role === 'system' && m.content.trim() ? [m.content] : [])).join('\n\n');
  return {
    model: opts.model,
    max_tokens: opts.maxTokens,
    ...(system ? { system } : {}),
    messages: toAnthropicMessages(messages),
    ...(tools.length ? { tools: tools.map((t) => ({ name: t.name, description: t.description, input_schema: inputSchema(t.parameters) })) } : {}),
    stream: opts.stream,
  };
}

/** Provider-neutral transcript to alternating Anthropic messages (system messages are left out). */
export function toAnthropicMessages(messages: ModelMessage[]): AnthropicMessage[] {
  const out: AnthropicMessage[] = [];
  const add = (role: AnthropicMessage['role'], content: ContentBlock[]) => {
    if (!content.length) return;
    const last = out[out.length - 1];
    if (last?.role === role) last.content.push(...content);
    else out.push({ role, content });
  };
  for (const m of messages) {
    switch (m.role) {
      case 'system':
        break;
      case 'user':
        add('user', textBlock(m.content));
        break;
      case 'tool':
        add('user', [{ type: 'tool_result', tool_use_id: m.toolCallId, content: m.content }]);
        break;
      case 'assistant':
        add('assistant', [
          // Unsigned reasoning cannot be sent back (the API verifies signatures); it stays in our transcript only.
          // Only Anthropic's own blocks: another protocol's reasoning means nothing to it.
          ...(m.reasoningBlocks ?? []).filter((b) => b.type === 'thinking' || b.type === 'redacted_thinking').map((b) => ({ ...b })),
          ...textBlock(m.content),
          ...(m.toolCalls ?? []).map((c) => ({ type: 'tool_use', id: c.id, name: c.name, input: toolInput(c.argsText) })),
        ]);
        break;
    }
  }
  // The API wants every tool_result first in its user message, before any text.
  for (const m of out) if (m.role === 'user') m.content.sort((a, b) => rank(a) - rank(b));
  return out;
}

// The API rejects empty text blocks.
function textBlock(text: string): ContentBlock[] {
  return text.trim() ? [{ type: 'text', text }] : [];
}

/** `input` must be an object; arguments that never parsed are sent as {} (their tool result explains why). */
function toolInput(argsText: string): Record<string, unknown> {
  const { args } = parseArgs(argsText);
  return args && typeof args === 'object' && !Array.isArray(args) ? (args as Record<string, unknown>) : {};
}

// The API insists on a JSON-schema object; a spec without a type (e.g. {}) is read as "no arguments".
function inputSchema(parameters: Record<string, unknown>): Record<string, unknown> {
  return parameters?.type ? parameters : { type: 'object', properties: {}, ...parameters };
}

function rank(block: ContentBlock): number {
  return block.type === 'tool_result' ? 0 : 1;
}
