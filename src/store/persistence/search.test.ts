import { describe, expect, it } from 'vitest';
import type { AssistantMessage, Conversation, ToolCallState, UserMessage } from '../../core/conversation/types';
import { matchConversation, searchableTexts } from './search';
import { byRecency, summarize } from './summary';

const user = (id: string, text: string, parentId: string | null = null): UserMessage => ({ id, parentId, role: 'user', text, createdAt: 1 });
const answer = (id: string, parentId: string, text: string, tool?: string): AssistantMessage => ({
  id,
  parentId,
  role: 'assistant',
  createdAt: 2,
  model: 'm',
  rounds: [{ parts: [{ type: 'reasoning', text: 'hidden musings' }, { type: 'text', text }, ...(tool ? [{ type: 'tool-call' as const, callId: 'c1' }] : [])] }],
  calls: tool ? { c1: { id: 'c1', name: tool, round: 0, argsText: '{"secret":"argument"}', status: 'succeeded', resultText: 'a result' } as ToolCallState } : {},
  outcome: 'completed',
});

function conversation(): Conversation {
  return {
    id: 'c',
    title: 'Garden plans',
    createdAt: 1,
    updatedAt: 5,
    // Two branches under the first question: the second answer is the active one.
    messages: [user('u1', 'How do I grow tomatoes?'), answer('a1', 'u1', 'Use raised beds.'), answer('a2', 'u1', 'Water them daily, then compost.', 'calculate')],
    activeChild: { '': 'u1', u1: 'a2' },
  };
}

describe('summaries', () => {
  it('count the messages on the active path, not every branch', () => {
    expect(summarize(conversation())).toEqual({ id: 'c', title: 'Garden plans', createdAt: 1, updatedAt: 5, messageCount: 2 });
  });

  it('sort newest first, ties by id', () => {
    const list = [{ id: 'b', updatedAt: 1 }, { id: 'z', updatedAt: 3 }, { id: 'a', updatedAt: 1 }];
    expect(list.sort(byRecency).map((s) => s.id)).toEqual(['z', 'a', 'b']);
  });
});

describe('search', () => {
  it('reads user text, answer text on every branch and tool names — not reasoning, arguments or results', () => {
    const texts = searchableTexts(conversation());
    expect(texts).toEqual(['How do I grow tomatoes?', 'Use raised beds.', 'Water them daily, then compost.', 'calculate']);
    for (const q of ['hidden', 'argument', 'result']) expect(matchConversation(conversation(), q)).toBeNull();
  });

  it('matches titles and content case-insensitively; every word must occur somewhere', () => {
    expect(matchConversation(conversation(), 'GARDEN')).not.toBeNull();
    expect(matchConversation(conversation(), 'raised')?.id).toBe('c'); // an inactive branch still counts
    expect(matchConversation(conversation(), 'garden compost')).not.toBeNull();
    expect(matchConversation(conversation(), 'garden potatoes')).toBeNull();
    expect(matchConversation(conversation(), 'CALCULATE')).not.toBeNull();
    expect(matchConversation(conversation(), '   ')).toBeNull();
  });

  it('gives an excerpt around the first word found in the content', () => {
    expect(matchConversation(conversation(), 'tomatoes')?.snippet).toBe('How do I grow tomatoes?');
    const long = { ...conversation(), messages: [user('u1', `${'intro '.repeat(20)}the needle sits here ${'outro '.repeat(20)}`)], activeChild: {} };
    const snippet = matchConversation(long, 'needle')!.snippet!;
    expect(snippet).toMatch(/^….*the needle sits here.*…$/);
    expect(snippet.length).toBeLessThan(100);
    const marked = { ...conversation(), messages: [user('u1', 'Use **raised beds** and `compost`, keep_going')], activeChild: {} };
    expect(matchConversation(marked, 'raised')?.snippet).toBe('Use raised beds and compost, keep_going');
    // A title-only match has no excerpt.
    expect(matchConversation(conversation(), 'plans')?.snippet).toBeUndefined();
  });
});
