import { describe, expect, it } from 'vitest';
import { redactHeaders, redactValue, scrubText } from './redact';

const KEY = 'sk-proj-abcdef123456';

describe('inspector redaction', () => {
  it('masks credential headers whatever their case, keeping the auth scheme', () => {
    expect(redactHeaders({ Authorization: 'Bearer whatever', 'X-Api-Key': 'k1', 'api-key': 'k2', accept: 'text/event-stream' }, [])).toEqual({
      Authorization: 'Bearer [redacted]',
      'X-Api-Key': '[redacted]',
      'api-key': '[redacted]',
      accept: 'text/event-stream',
    });
  });

  it('scrubs a known secret from nested strings and keys, and credential fields in bodies', () => {
    const body = { model: 'm', messages: [{ role: 'user', content: `my key is ${KEY}!` }], extra: { [KEY]: 1, access_token: 'tok' }, max_tokens: 5 };
    expect(redactValue(body, [KEY])).toEqual({
      model: 'm',
      messages: [{ role: 'user', content: 'my key is [redacted]!' }],
      extra: { '[redacted]': 1, access_token: '[redacted]' },
      max_tokens: 5,
    });
  });

  it('leaves text alone when there is nothing to scrub, and ignores secrets too short to be keys', () => {
    expect(scrubText(`a ${KEY} b ${KEY}`, [KEY])).toBe('a [redacted] b [redacted]');
    expect(scrubText('data: {"a":1}', ['a'])).toBe('data: {"a":1}');
    expect(scrubText('plain', [])).toBe('plain');
  });
});
