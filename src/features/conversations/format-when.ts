const DAY = 24 * 60 * 60 * 1000;

/** A short "when" for the list: the time today, "Yesterday", the weekday this week, else the date. */
export function formatWhen(at: number, now: number = Date.now(), locale?: string): string {
  const date = new Date(at);
  const today = new Date(now);
  today.setHours(0, 0, 0, 0);
  const start = today.getTime();
  if (at >= start) return date.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
  if (at >= start - DAY) return 'Yesterday';
  if (at >= start - 6 * DAY) return date.toLocaleDateString(locale, { weekday: 'long' });
  const sameYear = date.getFullYear() === today.getFullYear();
  return date.toLocaleDateString(locale, sameYear ? { day: 'numeric', month: 'short' } : { day: 'numeric', month: 'short', year: 'numeric' });
}
