import type { AssistantMessage, Conversation, UserMessage } from '../types';

/**
 * A conversation using every stored feature: two branches of the first question (the second one
 * active), tool calls in several states with arguments, results, progress and timings, reasoning,
 * signed thinking, an error and a notice.
 */
export function sampleConversation(): Conversation {
  const q1: UserMessage = { id: 'q1', parentId: null, role: 'user', text: 'What is in notes.txt?', createdAt: 1000 };
  const q1b: UserMessage = { id: 'q1b', parentId: null, role: 'user', text: 'Summarise notes.txt, please.', createdAt: 5000 };
  const a1: AssistantMessage = {
    id: 'a1',
    parentId: 'q1',
    role: 'assistant',
    createdAt: 1100,
    model: 'gpt-test',
    rounds: [{ parts: [{ type: 'text', text: 'It says hello.' }], finishReason: 'stop' }],
    calls: {},
    outcome: 'completed',
  };
  const a1b: AssistantMessage = {
    id: 'a1b',
    parentId: 'q1b',
    role: 'assistant',
    createdAt: 5100,
    model: 'claude-test',
    rounds: [
      {
        parts: [
          { type: 'reasoning', text: 'I should read the file first.' },
          { type: 'text', text: 'Let me read it.' },
          { type: 'tool-call', callId: 'toolu_1' },
          { type: 'tool-call', callId: 'toolu_2' },
        ],
        finishReason: 'tool_calls',
        reasoningBlocks: [{ type: 'thinking', thinking: 'Read first.', signature: 'sig==' }],
      },
      { parts: [{ type: 'text', text: 'The notes say **hello** and list `3` items.' }], finishReason: 'stop' },
    ],
    calls: {
      toolu_1: {
        id: 'toolu_1',
        name: 'read_file',
        round: 0,
        argsText: '{"path":"notes.txt"}',
        args: { path: 'notes.txt' },
        status: 'succeeded',
        policy: 'auto',
        progress: { current: 3, total: 3, percentage: 100, message: 'done' },
        content: 'partial output',
        outcome: { status: 'succeeded', value: { lines: ['hello', 'a', 'b'] }, text: '{"lines":["hello","a","b"]}', truncated: false },
        resultText: '{"lines":["hello","a","b"]}',
        startedAt: 5200,
        endedAt: 6450,
      },
      toolu_2: {
        id: 'toolu_2',
        name: 'delete_file',
        round: 0,
        argsText: '{"path":"notes.txt"}',
        args: { path: 'notes.txt' },
        editedArgs: { path: 'copy.txt' },
        status: 'rejected',
        policy: 'ask',
        rejectReason: 'Keep the file.',
        resultText: 'The user rejected this call. Reason: Keep the file.',
      },
    },
    outcome: 'completed',
    notice: 'Stopped after this round, as you asked.',
  };
  const q2: UserMessage = { id: 'q2', parentId: 'a1b', role: 'user', text: 'Thanks!', createdAt: 7000 };
  const a2: AssistantMessage = {
    id: 'a2',
    parentId: 'q2',
    role: 'assistant',
    createdAt: 7100,
    model: 'claude-test',
    rounds: [],
    calls: {},
    outcome: 'failed',
    error: { message: 'Rate limited', kind: 'rate_limit', status: 429 },
  };
  return {
    id: 'conv-1',
    title: 'Notes: a summary?',
    messages: [q1, a1, q1b, a1b, q2, a2],
    activeChild: { '': 'q1b', q1: 'a1', q1b: 'a1b', a1b: 'q2', q2: 'a2' },
    createdAt: 1000,
    updatedAt: 7100,
  };
}
