import { describe, expect, it } from 'vitest';
import { formatWhen } from './format-when';

describe('formatWhen', () => {
  const now = new Date(2025, 5, 18, 15, 30).getTime(); // a Wednesday afternoon
  const at = (...args: [number, number, number, number?, number?]) => new Date(...args).getTime();

  it('shows the time today, "Yesterday", the weekday this week, then the date', () => {
    expect(formatWhen(at(2025, 5, 18, 9, 5), now, 'en-GB')).toBe('09:05');
    expect(formatWhen(at(2025, 5, 17, 23, 59), now, 'en-GB')).toBe('Yesterday');
    expect(formatWhen(at(2025, 5, 13, 12), now, 'en-GB')).toBe('Friday');
    expect(formatWhen(at(2025, 5, 2, 12), now, 'en-GB')).toBe('2 Jun');
    expect(formatWhen(at(2024, 11, 24, 12), now, 'en-GB')).toBe('24 Dec 2024');
  });

  it('writes the same moments in 简体中文', () => {
    expect(formatWhen(at(2025, 5, 18, 9, 5), now, 'zh-CN')).toBe('09:05');
    expect(formatWhen(at(2025, 5, 17, 23, 59), now, 'zh-CN')).toBe('昨天');
    expect(formatWhen(at(2025, 5, 13, 12), now, 'zh-CN')).toBe('星期五');
    expect(formatWhen(at(2025, 5, 2, 12), now, 'zh-CN')).toBe('6月2日');
    expect(formatWhen(at(2024, 11, 24, 12), now, 'zh-CN')).toBe('2024年12月24日');
  });
});
