import { describe, expect, it } from 'vitest';
import { translator } from '../../i18n';
import { messages } from './messages';
import { noticeText } from './notice-text';

describe('noticeText', () => {
  const zh = translator(messages, 'zh-CN');

  it('words a coded notice in the reader language', () => {
    expect(noticeText({ code: 'max_rounds', rounds: 8 }, 'Stopped after 8 rounds…', zh)).toBe('工具调用已达到 8 轮的上限，已停止。发送一条消息即可让模型继续。');
    expect(noticeText({ code: 'stopped_after_round' }, 'Stopped after this round…', zh)).toBe('已按你的要求在本轮结束后停止，工具结果已保留。');
    expect(noticeText({ code: 'interrupted' }, 'Interrupted…', zh)).toMatch(/^页面重新加载/);
  });

  it('says in English what the run wrote', () => {
    const en = translator(messages, 'en');
    expect(noticeText({ code: 'max_rounds', rounds: 8 }, undefined, en)).toBe(
      'Stopped after 8 rounds of tool calls (the limit). Send a message to let the model continue.',
    );
  });

  it('shows the stored text of a conversation saved before notices had codes', () => {
    expect(noticeText(undefined, 'An old notice', zh)).toBe('An old notice');
  });
});
