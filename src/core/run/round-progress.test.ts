// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { AssistantMessage, ToolCallState, ToolCallStatus } from '../conversation/types';
import { initialRunState, type RunState } from './machine';
import { roundProgress } from './round-progress';

const call = (id: string, status: ToolCallStatus, round = 0) => ({ id, name: 'x', round, argsText: '{}', status, resultText: 'r' }) as ToolCallState;

function snap(phase: RunState['phase'], calls: ToolCallState[], rounds = 1) {
  const turn: AssistantMessage = {
    id: 't',
    parentId: null,
    role: 'assistant',
    createdAt: 0,
    model: 'm',
    rounds: Array.from({ length: rounds }, (_, r) => ({ parts: calls.filter((c) => c.round === r).map((c) => ({ type: 'tool-call' as const, callId: c.id })) })),
    calls: Object.fromEntries(calls.map((c) => [c.id, c])),
  };
  return { conversation: { id: 'c', title: '', createdAt: 0, updatedAt: 0, activeChild: {}, messages: [turn] }, run: { ...initialRunState(), phase }, turnId: 't' };
}

describe('roundProgress', () => {
  it('says approvals are done once no call of the last round waits', () => {
    expect(roundProgress(snap('awaiting_confirmation', [call('a', 'pending_approval')]))).toBeNull();
    expect(roundProgress(snap('awaiting_confirmation', [call('a', 'queued'), call('b', 'rejected')]))).toBe('approvals-done');
  });

  it('says the round settled once every call of the last round has, earlier rounds aside', () => {
    expect(roundProgress(snap('executing_function', [call('a', 'running')]))).toBeNull();
    expect(roundProgress(snap('executing_function', [call('old', 'running', 0), call('a', 'succeeded', 1)], 2))).toBe('settled');
  });

  it('says nothing while generating, idle, or without a turn', () => {
    expect(roundProgress(snap('generating', [call('a', 'succeeded')]))).toBeNull();
    expect(roundProgress(snap('idle', []))).toBeNull();
    expect(roundProgress({ ...snap('executing_function', []), turnId: null })).toBeNull();
  });
});
