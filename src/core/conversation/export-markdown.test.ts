import { describe, expect, it } from 'vitest';
import { sampleConversation } from './__fixtures__/sample-conversation';
import { exportConversationMarkdown, MARKDOWN_BLOCK_LIMIT } from './export-markdown';
import type { AssistantMessage, Conversation, ToolCallState } from './types';

describe('exportConversationMarkdown', () => {
  const md = exportConversationMarkdown(sampleConversation());

  it('writes the title and the active path only, under user and assistant headings', () => {
    expect(md.startsWith('# Notes: a summary?\n\n## User\n\nSummarise notes.txt, please.\n\n## Assistant (claude-test)\n\n')).toBe(true);
    expect(md).not.toContain('What is in notes.txt?');
    expect(md).not.toContain('It says hello.');
    expect(md).toContain('The notes say **hello** and list `3` items.');
    expect(md.match(/^## /gm)).toHaveLength(4);
  });

  it('shows tool calls as readable blocks: name, status, timing, arguments and result', () => {
    expect(md).toContain('**Tool call: `read_file`** — succeeded, 1.3 s\n\nArguments:\n\n```json\n{\n  "path": "notes.txt"\n}\n```');
    expect(md).toContain('Result:\n\n```json\n{\n  "lines": [\n    "hello",');
    expect(md).toContain('**Tool call: `delete_file`** — rejected');
    expect(md).toContain('Arguments used (edited by the user):\n\n```json\n{\n  "path": "copy.txt"\n}\n```');
    expect(md).toContain('Rejection reason: Keep the file.');
    expect(md).toContain('Result:\n\n```text\nThe user rejected this call. Reason: Keep the file.\n```');
  });

  it('keeps reasoning folded, and shows errors and notices', () => {
    expect(md).toContain('<details>\n<summary>Reasoning</summary>\n\nI should read the file first.\n\n</details>');
    expect(md).toContain('> **Error:** Rate limited');
    expect(md).toContain('> Stopped after this round, as you asked.');
  });

  it('truncates huge results and keeps fences closed whatever the content holds', () => {
    const conv = sampleConversation();
    const turn = conv.messages[3] as AssistantMessage;
    turn.calls.toolu_1 = { ...turn.calls.toolu_1, resultText: '```\n' + 'z'.repeat(10_000) } as ToolCallState;
    const out = exportConversationMarkdown(conv);
    expect(out).toContain(`…[truncated: showing ${MARKDOWN_BLOCK_LIMIT} of 10004 characters]`);
    expect(out).toContain('Result:\n\n````text\n```\nzzz');
    expect(out).not.toContain('z'.repeat(MARKDOWN_BLOCK_LIMIT));
  });

  it('shows the raw arguments when they never parsed, and no result for a call still waiting', () => {
    const conv = sampleConversation();
    const turn = conv.messages[3] as AssistantMessage;
    turn.calls.toolu_1 = { ...turn.calls.toolu_1, args: undefined, argsText: '{"path": "no', status: 'pending_approval', resultText: undefined, outcome: undefined, startedAt: undefined, endedAt: undefined } as ToolCallState;
    const out = exportConversationMarkdown(conv);
    expect(out).toContain('— waiting for approval\n\nArguments:\n\n```text\n{"path": "no\n```');
    expect(out.split('**Tool call: `read_file`**')[1].split('**Tool call')[0]).not.toContain('Result:');
  });

  it('handles an empty conversation', () => {
    const empty: Conversation = { id: 'e', title: '', messages: [], activeChild: {}, createdAt: 0, updatedAt: 0 };
    expect(exportConversationMarkdown(empty)).toBe('# Conversation\n');
  });
});
