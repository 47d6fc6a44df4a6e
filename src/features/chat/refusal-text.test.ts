import { afterEach, describe, expect, it } from 'vitest';
import { useLocale } from '../../i18n';
import { refusalMessage, type CallRefusal } from '../../core/run/refusals';
import { refusalText } from './refusal-text';

const ALL: CallRefusal[] = [
  { code: 'not_waiting' },
  { code: 'not_in_latest' },
  { code: 'after_round' },
  { code: 'unavailable' },
  { code: 'denied' },
  { code: 'not_resumed' },
];

describe('refusalText', () => {
  afterEach(() => useLocale.getState().setPreference('auto'));

  it('words every refusal code in the reader language', () => {
    useLocale.getState().setPreference('zh-CN');
    expect(refusalText({ code: 'after_round' })).toBe('当前这一轮结束后才能重新运行此调用。');
    const zh = ALL.map(refusalText);
    expect(new Set(zh).size).toBe(ALL.length);
    for (const text of zh) expect(text).toMatch(/[\u4e00-\u9fff]/);
    useLocale.getState().setPreference('en');
    expect(refusalText({ code: 'not_in_latest' })).toBe(refusalMessage({ code: 'not_in_latest' }));
  });

  it('keeps the validator text of invalid arguments as written', () => {
    useLocale.getState().setPreference('zh-CN');
    expect(refusalText({ code: 'invalid', message: '/path must be string' })).toBe('/path must be string');
  });
});
