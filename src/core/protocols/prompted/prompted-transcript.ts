import type { ModelMessage, ModelToolCall, ToolSpec } from '../types';
import { TOOL_CALL_CLOSE, TOOL_CALL_OPEN, promptedSystemPrompt } from './system-prompt';
import { UNNAMED_TOOL_CALL } from './tag-parser';

/** A call written back the way the model wrote it: a `<tool_call>` block (the raw text for a block that never parsed). */
export function renderToolCall(call: ModelToolCall): string {
  const args = call.argsText.trim() || '{}';
  const body =
    call.name !== UNNAMED_TOOL_CALL && isObjectText(args)
      ? `{"name": ${JSON.stringify(call.name)}, "arguments": ${args}}`
      : call.argsText.trim();
  return `${TOOL_CALL_OPEN}\n${body}\n${TOOL_CALL_CLOSE}`;
}

/** One tool result as the prompted model receives it. */
export function renderToolResult(result: { toolCallId: string; name: string; content: string }): string {
  return `<tool_result name="${attr(result.name)}" id="${attr(result.toolCallId)}">\n${result.content}\n</tool_result>`;
}

/**
 * Rewrites a transcript for a model without native tool calling: the tool instructions join the
 * system prompt, assistant calls become `<tool_call>` text and tool results become `<tool_result>`
 * blocks in a user message (merged with a neighbouring user message, since roles should alternate).
 */
export function toPromptedMessages(messages: ModelMessage[], tools: ToolSpec[]): ModelMessage[] {
  const system = [...messages.flatMap((m) => (m.role === 'system' && m.content.trim() ? [m.content] : [])), promptedSystemPrompt(tools)]
    .filter(Boolean)
    .join('\n\n');
  const out: ModelMessage[] = system ? [{ role: 'system', content: system }] : [];
  // Whether the last user message in `out` carries tool results (only those get merged).
  let lastHasResults = false;
  const pushUser = (content: string, isResult: boolean) => {
    const last = out[out.length - 1];
    if (last?.role === 'user' && (isResult || lastHasResults)) {
      out[out.length - 1] = { role: 'user', content: `${last.content}\n\n${content}` };
    } else {
      out.push({ role: 'user', content });
    }
    lastHasResults = isResult || (last?.role === 'user' && lastHasResults);
  };
  for (const m of messages) {
    if (m.role === 'system') continue;
    if (m.role === 'user') pushUser(m.content, false);
    else if (m.role === 'tool') pushUser(renderToolResult(m), true);
    else {
      const content = [m.content, ...(m.toolCalls ?? []).map(renderToolCall)].filter((s) => s.trim()).join('\n\n');
      // Reasoning (and signed reasoning blocks) still goes back the way the inner protocol sends it.
      out.push({
        role: 'assistant',
        content,
        ...(m.reasoning ? { reasoning: m.reasoning } : {}),
        ...(m.reasoningBlocks?.length ? { reasoningBlocks: m.reasoningBlocks } : {}),
      });
      lastHasResults = false;
    }
  }
  return out;
}

function isObjectText(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

function attr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
