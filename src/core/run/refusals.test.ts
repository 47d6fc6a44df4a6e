// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { refusalMessage, type CallRefusal } from './refusals';

describe('refusalMessage', () => {
  it('words every code, and passes the validator text through', () => {
    const codes: CallRefusal[] = [
      { code: 'not_waiting' },
      { code: 'not_in_latest' },
      { code: 'after_round' },
      { code: 'unavailable' },
      { code: 'denied' },
      { code: 'not_resumed' },
    ];
    const texts = codes.map(refusalMessage);
    expect(new Set(texts).size).toBe(codes.length);
    for (const text of texts) expect(text).toMatch(/^[A-Z].*\.$/);
    expect(refusalMessage({ code: 'invalid', message: '/city must be string' })).toBe('/city must be string');
  });
});
