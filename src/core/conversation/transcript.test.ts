import { describe, expect, it } from 'vitest';
import { buildTranscript, rejectionText } from './transcript';
import type { AssistantMessage, ToolCallState } from './types';

const call = (id: string, status: ToolCallState['status'], extra: Partial<ToolCallState> = {}): ToolCallState => ({
  id,
  name: 'tool',
  round: 0,
  argsText: '{"a":1}',
  args: { a: 1 },
  status,
  ...extra,
}) as ToolCallState;

describe('buildTranscript', () => {
  it('pairs every call with exactly one result, synthetic where the call never produced one', () => {
    const calls = {
      ok: call('ok', 'succeeded', { resultText: '42' }),
      rej: call('rej', 'rejected', { rejectReason: 'no', resultText: rejectionText('no') }),
      cut: call('cut', 'incomplete', { argsText: '{"a', args: undefined }),
      cancel: call('cancel', 'cancelled'),
    };
    const turn: AssistantMessage = {
      id: 't',
      parentId: 'u',
      role: 'assistant',
      createdAt: 0,
      model: 'm',
      calls,
      rounds: [
        {
          parts: [{ type: 'text', text: 'Let me check.' }, ...Object.keys(calls).map((callId) => ({ type: 'tool-call' as const, callId }))],
          reasoningBlocks: [{ type: 'thinking', thinking: 'hm', signature: 'sig' }],
        },
      ],
    };
    const out = buildTranscript([{ id: 'u', parentId: null, role: 'user', text: 'hi', createdAt: 0 }, turn], 'Be brief.');
    expect(out[0]).toEqual({ role: 'system', content: 'Be brief.' });
    expect(out[2]).toMatchObject({
      role: 'assistant',
      content: 'Let me check.',
      reasoningBlocks: [{ type: 'thinking', signature: 'sig' }],
      toolCalls: [{ id: 'ok' }, { id: 'rej' }, { id: 'cut', argsText: '{"a' }, { id: 'cancel' }],
    });
    const results = out.slice(3).map((m) => m.role === 'tool' && [m.toolCallId, m.content]);
    expect(results).toEqual([
      ['ok', '42'],
      ['rej', 'The user rejected this call. Reason: no'],
      ['cut', expect.stringMatching(/cut off/)],
      ['cancel', expect.stringMatching(/cancelled/)],
    ]);
  });
});
