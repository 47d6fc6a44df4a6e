// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { sampleConversation } from './__fixtures__/sample-conversation';
import { exportConversationsJson } from './export-json';
import { importConversations } from './import-json';
import type { AssistantMessage, Conversation } from './types';

function withNotice(conv: Conversation, patch: Partial<AssistantMessage>): Conversation {
  const i = conv.messages.findIndex((m) => m.role === 'assistant');
  const messages = conv.messages.map((m, j) => (j === i ? ({ ...m, ...patch } as AssistantMessage) : m));
  return { ...conv, messages };
}

const assistantOf = (conv: Conversation) => conv.messages.find((m) => m.role === 'assistant') as AssistantMessage;

describe('turn notices in saved conversations', () => {
  it('keep their code through export and import', () => {
    const conv = withNotice(sampleConversation(), { notice: 'Stopped after 8 rounds…', noticeCode: { code: 'max_rounds', rounds: 8 } });
    const result = importConversations(exportConversationsJson([conv]));
    expect(result.ok && assistantOf(result.conversations[0]).noticeCode).toEqual({ code: 'max_rounds', rounds: 8 });
  });

  it('read an older save with only the text', () => {
    const conv = withNotice(sampleConversation(), { notice: 'An old notice', noticeCode: undefined });
    const result = importConversations(exportConversationsJson([conv]));
    expect(result.ok && assistantOf(result.conversations[0])).toMatchObject({ notice: 'An old notice' });
    expect(result.ok && 'noticeCode' in assistantOf(result.conversations[0])).toBe(false);
  });

  it('refuse a notice code they do not know', () => {
    const conv = withNotice(sampleConversation(), { noticeCode: { code: 'nonsense' } as never });
    const result = importConversations(JSON.stringify({ ...JSON.parse(exportConversationsJson([sampleConversation()])), conversations: [conv] }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/noticeCode\.code should be "max_rounds", "stopped_after_round", "interrupted", "declined"/);
  });

  it('keep the stop-reason and refusal notices too', () => {
    for (const noticeCode of [{ code: 'declined', text: 'No.' }, { code: 'finish_reason', reason: 'weird' }, { code: 'not_shown', count: 2 }, { code: 'pause_turn' }] as const) {
      const result = importConversations(exportConversationsJson([withNotice(sampleConversation(), { notice: 'x', noticeCode })]));
      expect(result.ok && assistantOf(result.conversations[0]).noticeCode).toEqual(noticeCode);
    }
  });
});
