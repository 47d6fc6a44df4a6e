import { describe, expect, it } from 'vitest';
import { importConversations } from '../../core/conversation/import-json';
import { translator } from '../../i18n';
import { importProblemText } from './import-message';
import { messages } from './messages';

const problemOf = (text: string) => {
  const result = importConversations(text);
  if (result.ok) throw new Error('expected a refusal');
  return result.problem;
};

describe('importProblemText', () => {
  const en = translator(messages, 'en');
  const zh = translator(messages, 'zh-CN');

  it('says in English exactly what the importer says', () => {
    for (const text of ['{"format":', '[1,2]', '{"format":"callstream.conversations","version":0}']) {
      const result = importConversations(text);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(importProblemText(result.problem, en)).toBe(result.error);
    }
  });

  it('explains a refused file in 简体中文, keeping numbers and field paths', () => {
    expect(importProblemText(problemOf('not json'), zh)).toBe('此文件不是有效的 JSON，因此不是 Callstream 导出文件。');
    const newer = JSON.stringify({ format: 'callstream.conversations', version: 99, exportedAt: '', conversations: [] });
    expect(importProblemText(problemOf(newer), zh)).toContain('格式 99');
    const damaged = JSON.stringify({ format: 'callstream.conversations', version: 1, exportedAt: 'x', conversations: [{ id: 7 }] });
    expect(importProblemText(problemOf(damaged), zh)).toMatch(/^此文件已损坏或不完整，未导入：conversations\[0\]\.id should be/);
  });
});
