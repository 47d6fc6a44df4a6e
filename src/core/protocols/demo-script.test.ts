// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { planDemoRound } from './demo-script';
import type { ModelMessage } from './types';

const user = (content: string): ModelMessage => ({ role: 'user', content });
const names = (messages: ModelMessage[]) => planDemoRound(messages).calls.map((c) => c.name);

describe('planDemoRound', () => {
  it('calls the same tools for the English and the 简体中文 suggestions', () => {
    const pairs: [string, string][] = [
      ['list my files', '列出我的文件'],
      ['write a note', '写一条笔记'],
      ['run a long task', '运行一个长任务'],
      ['do three things at once', '同时做三件事'],
      ['run some javascript', '运行一段 JavaScript'],
    ];
    for (const [en, zh] of pairs) {
      expect(names([user(en)]).length).toBeGreaterThan(0);
      expect(names([user(zh)])).toEqual(names([user(en)]));
    }
    expect(planDemoRound([user('计算 (2 + 3) * 7')]).calls).toEqual([{ name: 'calculate', args: { expression: '(2 + 3) * 7' } }]);
  });

  it('answers in the language it is spoken to', () => {
    expect(planDemoRound([user('Hello! What can you do?')]).text).toMatch(/^## Hello from the offline demo model/);
    expect(planDemoRound([user('你好！你能做什么？')]).text).toMatch(/^## 你好，我是离线演示模型/);
    expect(planDemoRound([user('写一条笔记')]).text).toBe('我来用一个工具处理。');
    expect(planDemoRound([user('写一条笔记')]).calls[0].args).toEqual({ name: 'note.md', content: '# 购物清单\n\n- 燕麦奶\n- 咖啡豆\n- 柠檬\n' });
    expect(planDemoRound([user('write a note')]).text).toBe('Let me use a tool for that.');
  });

  it('sums up tool results in the language of the last question', () => {
    const zh: ModelMessage[] = [user('列出我的文件'), { role: 'tool', toolCallId: 'a', name: 'list_files', content: '[]' } as ModelMessage];
    expect(planDemoRound(zh).text).toMatch(/^工具返回了以下结果：\n\n- \*\*list_files\*\*: \[\]/);
    const en: ModelMessage[] = [user('list my files'), { role: 'tool', toolCallId: 'a', name: 'list_files', content: '' } as ModelMessage];
    expect(planDemoRound(en).text).toContain('- **list_files**: (empty)');
  });
});
