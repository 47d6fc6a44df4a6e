import { describe, expect, it } from 'vitest';
import { BaseURLError, DEFAULT_CONFIG, baseURLProblem, baseURLProblemMessage, hostOf, isDemo, isToolMode, normalizeBaseURL } from './provider-config';
import { keyFingerprint } from './key-fingerprint';

describe('provider config', () => {
  it('defaults to the offline demo with streaming on and the key not remembered', () => {
    expect(DEFAULT_CONFIG).toMatchObject({ presetId: 'demo', streaming: true, rememberKey: false, apiKey: '', protocol: 'openai-chat', toolMode: 'auto' });
    expect(isToolMode('prompted')).toBe(true);
    expect(isToolMode('Prompted')).toBe(false);
    expect(isDemo(DEFAULT_CONFIG)).toBe(true);
    expect(isDemo({ ...DEFAULT_CONFIG, presetId: 'ollama' })).toBe(false);
  });

  it('normalizes base URLs', () => {
    expect(normalizeBaseURL('  http://localhost:11434/v1///  ')).toBe('http://localhost:11434/v1');
    expect(normalizeBaseURL('https://api.openai.com/v1')).toBe('https://api.openai.com/v1');
  });

  it.each([
    ['', 'missing', /Enter the server/],
    ['   ', 'missing', /Enter the server/],
    ['localhost:11434/v1', 'scheme', /http:\/\/ or https:\/\//],
    ['ftp://example.com/v1', 'scheme', /http:\/\/ or https:\/\//],
    ['javascript:alert(1)', 'scheme', /http:\/\/ or https:\/\//],
    ['not a url', 'scheme', /http:\/\/ or https:\/\//],
    ['https://user:secret@example.com/v1', 'credentials', /user name and password/],
    ['https://example.com/v1?x=1', 'query', /cannot contain/],
  ])('rejects %j', (input, code, message) => {
    expect(() => normalizeBaseURL(input)).toThrow(BaseURLError);
    expect(() => normalizeBaseURL(input)).toThrow(message);
    expect(baseURLProblem(input)).toEqual({ code });
  });

  it('reports no problem for a usable URL', () => {
    expect(baseURLProblem('http://127.0.0.1:8000/v1/')).toBeNull();
    expect(baseURLProblem('http://localhost:11434/v1')).toBeNull();
    expect(baseURLProblem('https://192.168.1.20:8000/v1')).toBeNull();
  });

  it('asks for https for a server on another host, as the app CSP refuses plain http there', () => {
    expect(baseURLProblem('http://192.168.1.20:8000/v1')).toEqual({ code: 'plain_http', host: '192.168.1.20' });
    expect(baseURLProblemMessage({ code: 'plain_http', host: 'gpu-box.lan' })).toMatch(/only for a server on this computer.*reach gpu-box\.lan over https:\/\//);
    // Still usable by the protocol layer (the dev server has no CSP); the settings show the problem.
    expect(normalizeBaseURL('http://gpu-box.lan/v1')).toBe('http://gpu-box.lan/v1');
  });

  it('extracts host and port, or null', () => {
    expect(hostOf('http://localhost:11434/v1')).toBe('localhost:11434');
    expect(hostOf('https://api.openai.com/v1')).toBe('api.openai.com');
    expect(hostOf('')).toBeNull();
    expect(hostOf('nonsense')).toBeNull();
  });
});

describe('keyFingerprint', () => {
  it('is short, stable, distinct per key and never contains the key', () => {
    const key = 'sk-abcdefghijklmnop1234';
    const fp = keyFingerprint(key);
    expect(fp).toMatch(/^[0-9a-f]{8}$/);
    expect(keyFingerprint(key)).toBe(fp);
    expect(keyFingerprint(key + 'x')).not.toBe(fp);
    expect(fp).not.toContain(key.slice(0, 6));
    expect(keyFingerprint('')).toBe('');
  });
});
