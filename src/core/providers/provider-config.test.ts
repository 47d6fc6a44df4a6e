import { describe, expect, it } from 'vitest';
import { BaseURLError, DEFAULT_CONFIG, baseURLProblem, hostOf, isDemo, isToolMode, normalizeBaseURL } from './provider-config';
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
    ['', /Enter the server/],
    ['   ', /Enter the server/],
    ['localhost:11434/v1', /http:\/\/ or https:\/\//],
    ['ftp://example.com/v1', /http:\/\/ or https:\/\//],
    ['javascript:alert(1)', /http:\/\/ or https:\/\//],
    ['not a url', /http:\/\/ or https:\/\//],
    ['https://user:secret@example.com/v1', /user name and password/],
    ['https://example.com/v1?x=1', /cannot contain/],
  ])('rejects %j', (input, message) => {
    expect(() => normalizeBaseURL(input)).toThrow(BaseURLError);
    expect(baseURLProblem(input)).toMatch(message);
  });

  it('reports no problem for a usable URL', () => {
    expect(baseURLProblem('http://127.0.0.1:8000/v1/')).toBeNull();
    expect(baseURLProblem('http://localhost:11434/v1')).toBeNull();
    expect(baseURLProblem('https://192.168.1.20:8000/v1')).toBeNull();
  });

  it('asks for https for a server on another host, as the app CSP refuses plain http there', () => {
    expect(baseURLProblem('http://192.168.1.20:8000/v1')).toMatch(/reach 192\.168\.1\.20 over https:\/\//);
    expect(baseURLProblem('http://gpu-box.lan/v1')).toMatch(/only for a server on this computer/);
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
