// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../core/commands';
import { translator } from '../../i18n';
import { describeSlashError } from './slash-errors';
import { slashMessages } from './slash-messages';

const en = translator(slashMessages, 'en');
const zh = translator(slashMessages, 'zh-CN');
const tools = [{ name: 'calculate', description: '' }];
const errorOf = (text: string) => {
  const parsed = parseCommand(text, tools);
  if (parsed.kind !== 'error') throw new Error(`${text} parsed`);
  return parsed.error;
};

describe('describeSlashError', () => {
  it('says where the JSON broke and what was expected, in both languages', () => {
    const error = errorOf('/calculate {"expression": }');
    expect(describeSlashError(en, error, 'calculate')).toBe('The arguments are not valid JSON: a value was expected (line 1, column 27).');
    expect(describeSlashError(zh, error, 'calculate')).toBe('参数不是有效的 JSON：此处应为一个值（第 1 行，第 27 列）。');
  });

  it('suggests close tool names, and how to send a literal slash', () => {
    expect(describeSlashError(en, errorOf('/calc'), 'calc')).toBe(
      'There is no tool named “calc” — did you mean /calculate? Start with // to send a message that begins with a slash.',
    );
    expect(describeSlashError(en, errorOf('/zzz'), 'zzz')).toBe('There is no tool named “zzz”. Start with // to send a message that begins with a slash.');
  });

  it('words the controller refusals, keeping the validator detail', () => {
    expect(describeSlashError(en, { code: 'denied' }, 'fetch_url')).toBe('“fetch_url” is set to Never in your tool permissions, so it cannot run.');
    expect(describeSlashError(zh, { code: 'invalid', message: '/x must be string' }, 'calculate')).toBe('这些参数不符合该工具的要求：/x must be string');
    expect(describeSlashError(en, errorOf('/calculate 6*7'), 'calculate')).toContain('must be a JSON object in braces');
  });
});
