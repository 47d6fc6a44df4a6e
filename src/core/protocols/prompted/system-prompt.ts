import type { ToolSpec } from '../types';

export const TOOL_CALL_OPEN = '<tool_call>';
export const TOOL_CALL_CLOSE = '</tool_call>';

/**
 * The system-prompt section that teaches a model without native tool calling to call tools with
 * `<tool_call>` blocks; empty when there are no tools.
 */
export function promptedSystemPrompt(tools: ToolSpec[]): string {
  if (!tools.length) return '';
  const described = tools.map(
    (t) => `### ${t.name}\n${t.description.trim()}\nParameters (JSON Schema): ${JSON.stringify(t.parameters)}`,
  );
  return [
    '# Tools',
    'You can call the tools listed below. To call a tool, write a block in exactly this form:',
    '',
    `${TOOL_CALL_OPEN}`,
    '{"name": "tool_name", "arguments": {"parameter": "value"}}',
    `${TOOL_CALL_CLOSE}`,
    '',
    'Rules:',
    '- Each block holds one JSON object with "name" (one of the tools below) and "arguments" (a JSON object that matches the tool\'s parameters).',
    '- You may write several blocks in one answer; each one is a separate call.',
    '- After your tool calls, end your answer and wait. The results come back in the next user message as <tool_result name="tool_name" id="call_id">...</tool_result> blocks, one per call.',
    '- Never write <tool_result> blocks yourself, and never guess what a tool would return.',
    '- Call a tool only when it helps; otherwise answer normally.',
    '',
    '## Available tools',
    '',
    described.join('\n\n'),
  ].join('\n');
}
