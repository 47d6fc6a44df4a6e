import { truncateText } from '../tools/result-text';
import { resultFor } from './transcript';
import { activePath } from './tree';
import type { AssistantMessage, Conversation, ToolCallState, ToolCallStatus } from './types';

/** Longest tool result or argument block written out in full; the rest is cut with a marker. */
export const MARKDOWN_BLOCK_LIMIT = 4000;

const STATUS_LABEL: Record<ToolCallStatus, string> = {
  streaming_args: 'arguments still streaming',
  incomplete: 'cut off before its arguments were complete',
  invalid: 'invalid arguments, not run',
  pending_approval: 'waiting for approval',
  queued: 'queued',
  running: 'running',
  succeeded: 'succeeded',
  failed: 'failed',
  rejected: 'rejected',
  cancelled: 'cancelled',
};

/** The conversation's active path as a readable Markdown document, tool calls as blocks. */
export function exportConversationMarkdown(conv: Conversation): string {
  const out: string[] = [`# ${oneLine(conv.title) || 'Conversation'}`];
  if (conv.systemPrompt?.trim()) out.push('## Instructions', conv.systemPrompt.trim());
  for (const m of activePath(conv)) {
    if (m.role === 'user') out.push('## User', m.text.trim() || '_(empty message)_');
    else out.push(`## Assistant${m.model ? ` (${oneLine(m.model)})` : ''}`, ...assistantBlocks(m));
  }
  return `${out.join('\n\n')}\n`;
}

function assistantBlocks(turn: AssistantMessage): string[] {
  const blocks: string[] = [];
  for (const round of turn.rounds)
    for (const part of round.parts) {
      if (part.type === 'text' && part.text.trim()) blocks.push(part.text.trim());
      else if (part.type === 'reasoning' && part.text.trim()) blocks.push(`<details>\n<summary>Reasoning</summary>\n\n${part.text.trim()}\n\n</details>`);
      else if (part.type === 'tool-call' && turn.calls[part.callId]) blocks.push(callBlock(turn.calls[part.callId]));
    }
  if (turn.error) blocks.push(`> **Error:** ${oneLine(turn.error.message)}`);
  if (turn.notice) blocks.push(`> ${oneLine(turn.notice)}`);
  return blocks;
}

function callBlock(call: ToolCallState): string {
  const seconds = call.startedAt !== undefined && call.endedAt !== undefined ? `, ${((call.endedAt - call.startedAt) / 1000).toFixed(1)} s` : '';
  const lines = [`**Tool call: \`${call.name.replace(/`/g, '')}\`** — ${STATUS_LABEL[call.status]}${seconds}`, '', 'Arguments:', '', argsBlock(call)];
  if (call.editedArgs !== undefined) lines.push('', 'Arguments used (edited by the user):', '', codeBlock(pretty(call.editedArgs), 'json'));
  if (call.rejectReason?.trim()) lines.push('', `Rejection reason: ${oneLine(call.rejectReason)}`);
  const error = call.outcome?.error?.message ?? call.validationError ?? call.parseError;
  if (error) lines.push('', `Error: ${oneLine(error)}`);
  if (isSettled(call.status)) {
    const result = resultFor(call);
    const json = looksLikeJson(result);
    lines.push('', 'Result:', '', codeBlock(json ? pretty(JSON.parse(result)) : result, json ? 'json' : 'text'));
  }
  return lines.join('\n');
}

function isSettled(status: ToolCallStatus): boolean {
  return status === 'succeeded' || status === 'failed' || status === 'rejected' || status === 'cancelled' || status === 'invalid' || status === 'incomplete';
}

// Arguments that never parsed are shown exactly as the model wrote them.
function argsBlock(call: ToolCallState): string {
  return call.args !== undefined ? codeBlock(pretty(call.args), 'json') : codeBlock(call.argsText.trim() || '{}', 'text');
}

function pretty(value: unknown): string {
  return JSON.stringify(value, null, 2) ?? String(value);
}

function looksLikeJson(text: string): boolean {
  if (!/^\s*[[{]/.test(text)) return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

// A fence longer than any backtick run inside keeps the block closed whatever the content holds.
function codeBlock(text: string, lang: string): string {
  const body = truncateText(text, MARKDOWN_BLOCK_LIMIT).text;
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${lang}\n${body}\n${fence}`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
