// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { readConversation, SchemaError } from './conversation-schema';
import type { AssistantMessage } from './types';

/** A stored conversation holding one call with these fields, as an older or hand-edited save might. */
function stored(call: Record<string, unknown>) {
  return {
    id: 'c',
    title: 't',
    createdAt: 0,
    updatedAt: 0,
    activeChild: {},
    messages: [
      { id: 'u', parentId: null, role: 'user', text: 'hi', createdAt: 0 },
      {
        id: 'a',
        parentId: 'u',
        role: 'assistant',
        createdAt: 0,
        model: 'm',
        rounds: [{ parts: [{ type: 'tool-call', callId: 'k' }] }],
        calls: { k: { id: 'k', name: 'tool', round: 0, argsText: '{}', args: {}, ...call } },
      },
    ],
  };
}
const callOf = (value: unknown) => (readConversation(value, 'conversation').messages[1] as AssistantMessage).calls.k;

describe('reading a stored call as the variant of its status', () => {
  it('drops what the status may not carry', () => {
    const call = callOf(stored({ status: 'queued', resultText: 'old', outcome: { status: 'succeeded', text: 'x', truncated: false }, endedAt: 3 }));
    expect(call).toStrictEqual({ id: 'k', name: 'tool', round: 0, argsText: '{}', args: {}, status: 'queued' });
  });

  it('gives a failure without an error the text it left', () => {
    const call = callOf(stored({ status: 'failed', outcome: { status: 'failed', text: 'Error: gone', truncated: false }, resultText: 'Error: gone' }));
    expect(call.status === 'failed' && call.outcome.error).toEqual({ message: 'Error: gone' });
  });

  it('words the result an older rejection or invalid call left out', () => {
    expect(callOf(stored({ status: 'rejected', rejectReason: 'no' })).resultText).toBe('The user rejected this call. Reason: no');
    const invalid = callOf(stored({ status: 'invalid', parseError: 'bad JSON' }));
    expect(invalid).toMatchObject({ status: 'invalid', validationError: 'bad JSON' });
    expect(invalid.resultText).toContain('bad JSON');
  });

  it('refuses a finished call without its outcome, and names the field', () => {
    expect(() => callOf(stored({ status: 'succeeded', resultText: 'x' }))).toThrow(SchemaError);
    expect(() => callOf(stored({ status: 'succeeded', resultText: 'x' }))).toThrow(/calls\["k"\]\.outcome/);
  });
});
