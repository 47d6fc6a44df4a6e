import type { ModelMessage, ToolSpec } from './types';

export interface OpenAIMessageOptions {
  /**
   * Put each assistant message's reasoning back as `reasoning_content` ("" when it had none).
   * DeepSeek's thinking mode answers 400 without it on tool-call turns, but OpenAI and Mistral
   * reject unknown message fields, so it is off unless asked for (see `sendReasoning` in openai-chat.ts).
   */
  reasoningContent?: boolean;
}

/** Provider-neutral transcript to OpenAI chat messages. */
export function toOpenAIMessages(messages: ModelMessage[], opts: OpenAIMessageOptions = {}): unknown[] {
  return messages.map((m) => {
    switch (m.role) {
      case 'assistant':
        return {
          role: 'assistant',
          content: m.content || (m.toolCalls?.length ? null : ''),
          ...(opts.reasoningContent ? { reasoning_content: m.reasoning ?? '' } : {}),
          ...(m.toolCalls?.length
            ? {
                tool_calls: m.toolCalls.map((c) => ({
                  id: c.id,
                  type: 'function',
                  function: { name: c.name, arguments: historyArguments(c.argsText) },
                })),
              }
            : {}),
        };
      case 'tool':
        return { role: 'tool', tool_call_id: m.toolCallId, content: m.content };
      default:
        return { role: m.role, content: m.content };
    }
  });
}

/** Tool specs in the chat-completions `tools` shape. */
export function toOpenAITools(tools: ToolSpec[]): unknown[] {
  return tools.map((t) => ({ type: 'function', function: { name: t.name, description: t.description, parameters: t.parameters } }));
}

/** True when a 400 says the server wants `reasoning_content` echoed (DeepSeek's wording varies by model). */
export function asksForReasoningContent(status: number | undefined, message: string): boolean {
  return status === 400 && /reasoning_content/.test(message);
}

/**
 * Arguments as they go back in history: verbatim when they are JSON, else "{}" — servers that render
 * history through a chat template (vLLM, llama.cpp) parse them and answer 400 on a cut-off fragment.
 * The call's result already tells the model its arguments were cut off.
 */
export function historyArguments(argsText: string): string {
  if (argsText.trim() === '') return '{}';
  try {
    JSON.parse(argsText);
    return argsText;
  } catch {
    return '{}';
  }
}
