import { describe, expect, it } from 'vitest';
import { explainModelError } from './explain';

describe('explainModelError', () => {
  it('adds nothing in English, where the message already explains', () => {
    expect(explainModelError({ kind: 'auth', status: 401, message: 'The server rejected the API key' }, 'en')).toBeNull();
  });

  it('explains each kind in 简体中文 with the HTTP status', () => {
    expect(explainModelError({ kind: 'auth', status: 401, message: 'x' }, 'zh-CN')).toBe('服务器拒绝了 API 密钥，请在设置中检查（HTTP 401）。');
    expect(explainModelError({ kind: 'network', message: 'x' }, 'zh-CN')).toMatch(/^无法连接到服务器/);
    expect(explainModelError({ kind: 'rate_limit', status: 429, message: 'Out of quota — check your plan' }, 'zh-CN')).toMatch(/^额度已用完/);
    expect(explainModelError({ kind: 'rate_limit', status: 429, message: 'Rate limited or out of quota (HTTP 429)' }, 'zh-CN')).toMatch(/^请求过于频繁/);
  });

  it('falls back to a general explanation for a kind it does not know', () => {
    expect(explainModelError({ kind: 'something-new', message: 'x' }, 'zh-CN')).toBe('请求失败。');
  });
});
