import type { ModelMessage, ToolSpec } from './types';
import { historyArguments } from './openai-chat-request';

/**
 * The provider-neutral transcript as Responses API `input` items. Each assistant round sends back,
 * in order: its reasoning items (encrypted, so a stateless `store: false` request keeps the model's
 * reasoning across a tool loop), its text, and one `function_call` item per call; each tool result
 * is a `function_call_output` keyed by the same `call_id`.
 */
export function toResponsesInput(messages: ModelMessage[]): unknown[] {
  const input: unknown[] = [];
  for (const m of messages) {
    switch (m.role) {
      case 'assistant':
        for (const b of m.reasoningBlocks ?? [])
          if (b.type === 'openai_reasoning')
            input.push({ type: 'reasoning', id: b.id, encrypted_content: b.encrypted, summary: b.summary.map((text) => ({ type: 'summary_text', text })) });
        if (m.content) input.push({ role: 'assistant', content: m.content });
        for (const c of m.toolCalls ?? []) input.push({ type: 'function_call', call_id: c.id, name: c.name, arguments: historyArguments(c.argsText) });
        break;
      case 'tool':
        input.push({ type: 'function_call_output', call_id: m.toolCallId, output: m.content });
        break;
      default:
        input.push({ role: m.role, content: m.content });
    }
  }
  return input;
}

/** Tool specs in the Responses `tools` shape (flat, not nested under `function`). */
export function toResponsesTools(tools: ToolSpec[]): unknown[] {
  return tools.map((t) => ({ type: 'function', name: t.name, description: t.description, parameters: t.parameters, strict: false }));
}

/** True when a 400 says the model cannot return encrypted reasoning (models without reasoning). */
export function refusesEncryptedReasoning(status: number | undefined, message: string): boolean {
  return status === 400 && /encrypted_content|reasoning\.encrypted|include/i.test(message);
}
