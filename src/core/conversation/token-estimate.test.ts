import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  estimateMessageTokens,
  estimateRequestTokens,
  estimateTokens,
  estimateToolsTokens,
  MESSAGE_OVERHEAD,
  prefixWithinTokens,
  REPLY_PRIMING,
} from './token-estimate';

const anyText = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', '\n', '7', '{', '"', 'é', 'ж', '中', 'あ', '한', '，', '😀', '\ud800') });

describe('estimateTokens', () => {
  it('matches the calibration: ~4 chars/token for prose, ~3 for JSON', () => {
    expect(estimateTokens('')).toBe(0);
    expect(estimateTokens('The quick brown fox jumps over the lazy dog.')).toBe(12); // cl100k: 10
    expect(estimateTokens('{"name":"report.txt","size":1234,"lines":[1,2,3]}')).toBe(18); // 51 characters
    expect(estimateTokens('a'.repeat(400))).toBe(100);
    expect(estimateTokens('123456')).toBe(2);
  });

  it('counts about one token per CJK character, far more than Latin text of the same length', () => {
    expect(estimateTokens('你好世界，今天天气很好')).toBe(11);
    expect(estimateTokens('こんにちは')).toBe(5);
    expect(estimateTokens('안녕하세요')).toBe(5);
    expect(estimateTokens('中'.repeat(100))).toBe(100);
    expect(estimateTokens('中'.repeat(100))).toBeGreaterThan(3 * estimateTokens('a'.repeat(100)));
    expect(estimateTokens('😀😀')).toBe(4);
  });

  it('never decreases when text is appended, and is subadditive', () => {
    fc.assert(
      fc.property(anyText, anyText, (a, b) => {
        const whole = estimateTokens(a + b);
        expect(whole).toBeGreaterThanOrEqual(estimateTokens(a));
        expect(whole).toBeGreaterThanOrEqual(estimateTokens(b));
        expect(whole).toBeLessThanOrEqual(estimateTokens(a) + estimateTokens(b) + 1);
      }),
    );
  });
});

describe('prefixWithinTokens', () => {
  it('finds the longest prefix within the limit without splitting a surrogate pair', () => {
    fc.assert(
      fc.property(anyText, fc.integer({ min: 0, max: 60 }), (text, max) => {
        const end = prefixWithinTokens(text, max);
        expect(estimateTokens(text.slice(0, end))).toBeLessThanOrEqual(max);
        if (end < text.length) {
          const next = text.codePointAt(end)! > 0xffff ? 2 : 1;
          expect(estimateTokens(text.slice(0, end + next))).toBeGreaterThan(max);
        }
        const lastUnit = text.charCodeAt(end - 1);
        const nextUnit = text.charCodeAt(end);
        expect(lastUnit >= 0xd800 && lastUnit <= 0xdbff && nextUnit >= 0xdc00 && nextUnit <= 0xdfff).toBe(false);
      }),
    );
  });

  it('treats a negative limit as zero', () => {
    expect(prefixWithinTokens('abc', -5)).toBe(0);
  });
});

describe('message estimates', () => {
  it('adds framing per message and counts tool calls, ids and reasoning', () => {
    expect(estimateMessageTokens({ role: 'user', content: 'aaaa' })).toBe(MESSAGE_OVERHEAD + 1);
    const bare = estimateMessageTokens({ role: 'assistant', content: 'aaaa' });
    const withCall = estimateMessageTokens({
      role: 'assistant',
      content: 'aaaa',
      reasoning: 'bbbb',
      toolCalls: [{ id: 'call_1', name: 'read', argsText: '{"path":"a.txt"}' }],
    });
    expect(withCall).toBeGreaterThan(bare + estimateTokens('{"path":"a.txt"}'));
    expect(estimateMessageTokens({ role: 'tool', toolCallId: 'c', name: 'read', content: 'x'.repeat(40) })).toBe(MESSAGE_OVERHEAD + 1 + 10);
  });

  it('counts tool definitions and the reply priming in a request', () => {
    const tools = [{ name: 'read', description: 'Reads a file', parameters: { type: 'object' } }];
    expect(estimateToolsTokens(tools)).toBeGreaterThan(estimateTokens('Reads a file'));
    const messages = [{ role: 'user' as const, content: 'hi' }];
    expect(estimateRequestTokens(messages, tools)).toBe(REPLY_PRIMING + estimateMessageTokens(messages[0]) + estimateToolsTokens(tools));
  });
});
