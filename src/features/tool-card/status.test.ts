import { describe, expect, it } from 'vitest';
import { STATUS_LABEL, formatDuration, isInFlight, isSettled } from './status';
import type { ToolCallStatus } from '../../core/conversation/types';

describe('formatDuration', () => {
  it('shows seconds with one decimal under a minute', () => {
    expect(formatDuration(0)).toBe('0.0 s');
    expect(formatDuration(1234)).toBe('1.2 s');
    expect(formatDuration(59_940)).toBe('59.9 s');
  });

  it('switches to minutes and padded seconds from one minute', () => {
    expect(formatDuration(60_000)).toBe('1 min 00 s');
    expect(formatDuration(125_400)).toBe('2 min 05 s');
  });

  it('never shows a negative duration when clocks disagree', () => {
    expect(formatDuration(-500)).toBe('0.0 s');
  });

  it('writes the units in 简体中文', () => {
    expect(formatDuration(1234, 'zh-CN')).toBe('1.2 秒');
    expect(formatDuration(125_400, 'zh-CN')).toBe('2 分 05 秒');
  });
});

describe('status groups', () => {
  const all = Object.keys(STATUS_LABEL) as ToolCallStatus[];

  it('classifies every status as at most one of in-flight or settled', () => {
    expect(all.filter(isInFlight).sort()).toEqual(['queued', 'running']);
    expect(all.filter(isSettled).sort()).toEqual(
      ['cancelled', 'failed', 'incomplete', 'invalid', 'rejected', 'succeeded'],
    );
  });
});
