const DAY = 24 * 60 * 60 * 1000;

/**
 * A short "when" for the list, written the locale's way: the time today, "Yesterday" (昨天), the
 * weekday this week, else the date. `locale` is a BCP 47 tag; undefined means the browser's.
 */
export function formatWhen(at: number, now: number = Date.now(), locale?: string): string {
  const date = new Date(at);
  const today = new Date(now);
  today.setHours(0, 0, 0, 0);
  const start = today.getTime();
  if (at >= start) return date.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
  if (at >= start - DAY) return capitalize(new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(-1, 'day'));
  if (at >= start - 6 * DAY) return date.toLocaleDateString(locale, { weekday: 'long' });
  const sameYear = date.getFullYear() === today.getFullYear();
  return date.toLocaleDateString(locale, sameYear ? { day: 'numeric', month: 'short' } : { day: 'numeric', month: 'short', year: 'numeric' });
}

// "yesterday" starts the line on its own, so it takes a capital where the script has one.
function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}
