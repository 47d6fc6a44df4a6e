// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { cutOff, httpModelError, isQuotaError, parseArgs, parseRetryAfter, scrubKey } from './shared';

describe('what the protocols share', () => {
  it('parses arguments: empty is {}, a JSON string holding JSON is unwrapped once, bad JSON says why', () => {
    expect(parseArgs('')).toEqual({ args: {} });
    expect(parseArgs('{"a":1}')).toEqual({ args: { a: 1 } });
    expect(parseArgs('"{\\"a\\":1}"')).toEqual({ args: { a: 1 } });
    expect(parseArgs('"plain"')).toEqual({ args: 'plain' });
    const bad = parseArgs('{"a":');
    expect(bad.args).toBeUndefined();
    expect(bad.parseError).toMatch(/^Arguments are not valid JSON: /);
  });

  it('reports a stream cut mid-line as a warning, with no events', () => {
    const warnings: string[] = [];
    expect(cutOff(warnings)).toEqual([]);
    expect(warnings).toEqual(['The last line of the stream was cut off mid-line and could not be read.']);
  });

  it('maps HTTP errors to kinds, scrubs the key, and tells quota from rate limits', () => {
    expect(httpModelError(401, 'bad key sk-1', null, 'sk-1')).toMatchObject({ kind: 'auth', status: 401, message: expect.stringContaining('[redacted]') });
    expect(httpModelError(404, '', null, '').message).toMatch(/^Not found .*\(HTTP 404\)\.$/);
    expect(httpModelError(429, 'slow down', '3', '')).toMatchObject({ kind: 'rate_limit', retryAfterMs: 3000, message: expect.stringContaining('Try again in 3 s.') });
    expect(httpModelError(429, 'You exceeded your quota', null, '')).toMatchObject({ kind: 'rate_limit', code: 'insufficient_quota' });
    expect(httpModelError(503, '', null, '').kind).toBe('server');
    expect(httpModelError(400, 'nope', null, '').kind).toBe('bad_request');
    expect(isQuotaError('insufficient_quota', '')).toBe(true);
    expect(scrubKey('a k b', '')).toBe('a k b');
    expect(parseRetryAfter('x')).toBeUndefined();
  });
});
