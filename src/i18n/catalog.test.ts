import { describe, expect, it } from 'vitest';
import { defineMessages, format, formatParts, translate, translator } from './catalog';
import { detectLocale, resolveLocale } from './locale';

const m = defineMessages({ hello: 'Hello, {name}', plain: 'Send' }, { hello: '你好，{name}', plain: '发送' });

describe('catalog', () => {
  it('translates into the chosen locale and fills placeholders', () => {
    expect(translate(m, 'en', 'hello', { name: 'Ada' })).toBe('Hello, Ada');
    expect(translate(m, 'zh-CN', 'hello', { name: 'Ada' })).toBe('你好，Ada');
    expect(translator(m, 'zh-CN')('plain')).toBe('发送');
  });

  it('keeps an unknown placeholder visible instead of dropping it', () => {
    expect(format('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });

  it('splits a template around placeholders so an element can stand in for one', () => {
    const host = { element: 'code' };
    expect(formatParts('Send your key to {host}?', { host })).toEqual(['Send your key to ', host, '?']);
    expect(formatParts('要把密钥发送到 {host} 吗？', { host })).toEqual(['要把密钥发送到 ', host, ' 吗？']);
    expect(formatParts('{host} first, {other} kept', { host })).toEqual([host, ' first, ', '{other}', ' kept']);
  });

  it('falls back to English when a translation is missing at runtime', () => {
    const broken = { en: { k: 'English' }, 'zh-CN': {} } as never;
    expect(translate(broken, 'zh-CN', 'k' as never)).toBe('English');
  });
});

describe('locale detection', () => {
  it('picks the first language we speak', () => {
    expect(detectLocale(['zh-TW', 'en-US'])).toBe('zh-CN');
    expect(detectLocale(['fr-FR', 'en-GB', 'zh-CN'])).toBe('en');
    expect(detectLocale(['fr-FR', 'zh'])).toBe('zh-CN');
    expect(detectLocale(['de'])).toBe('en');
    expect(detectLocale([])).toBe('en');
  });

  it('lets a preference override the browser', () => {
    expect(resolveLocale('en', ['zh-CN'])).toBe('en');
    expect(resolveLocale('auto', ['zh-CN'])).toBe('zh-CN');
  });
});
