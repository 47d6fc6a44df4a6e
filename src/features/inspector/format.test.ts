import { describe, expect, it } from 'vitest';
import { translator } from '../../i18n';
import { eventDetail, formatDuration, formatOffset } from './format';
import { messages } from './messages';

const en = translator(messages, 'en');
const zh = translator(messages, 'zh-CN');

describe('inspector formatting', () => {
  it('writes durations the way people read them, in both languages', () => {
    expect(formatOffset(0, en, 'en')).toBe('+0 ms');
    expect(formatOffset(-3, en, 'en')).toBe('+0 ms');
    expect(formatDuration(840.4, en, 'en')).toBe('840 ms');
    expect(formatDuration(1_254, en, 'en')).toBe('1.25 s');
    expect(formatDuration(125_000, en, 'en')).toBe('2 min 5 s');
    expect(formatDuration(1_500, zh, 'zh-CN')).toBe('1.5 秒');
  });

  it('sums an event up in one line: quoted text cut at 80 characters, call index and name, finish usage', () => {
    expect(eventDetail({ type: 'text-delta', text: 'a"b\n' })).toBe('"a\\"b\\n"');
    expect(eventDetail({ type: 'text-delta', text: 'x'.repeat(100) })).toBe(`"${'x'.repeat(80)}…"`);
    expect(eventDetail({ type: 'tool-call-start', index: 1, id: 'call_9', name: 'calc' })).toBe('#1 calc call_9');
    expect(eventDetail({ type: 'tool-call-delta', index: 0, argsText: '{"a"' })).toBe('#0 "{\\"a\\""');
    expect(eventDetail({ type: 'tool-call-end', index: 0, id: 'c', name: 'calc', args: undefined, argsText: '{', parseError: 'bad JSON' })).toBe('#0 calc "{" — bad JSON');
    expect(eventDetail({ type: 'finish', reason: 'tool_calls', rawReason: 'tool_use', usage: { inputTokens: 5 } })).toBe('tool_calls (tool_use) · in 5 · out ?');
    expect(eventDetail({ type: 'finish', reason: 'stop', rawReason: 'stop' })).toBe('stop');
    expect(eventDetail({ type: 'retrying', attempt: 2, maxAttempts: 3, inMs: 1000, reason: 'Rate limited' })).toBe('attempt 2/3 in 1000 ms — Rate limited');
  });
});
