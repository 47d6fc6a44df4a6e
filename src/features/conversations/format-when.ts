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
  if (at >= start) return dateFormat(locale, 'time').format(date);
  if (at >= start - DAY) return capitalize(relativeFormat(locale).format(-1, 'day'));
  if (at >= start - 6 * DAY) return dateFormat(locale, 'weekday').format(date);
  return dateFormat(locale, date.getFullYear() === today.getFullYear() ? 'day' : 'dayYear').format(date);
}

const DATE_OPTIONS = {
  time: { hour: '2-digit', minute: '2-digit' },
  weekday: { weekday: 'long' },
  day: { day: 'numeric', month: 'short' },
  dayYear: { day: 'numeric', month: 'short', year: 'numeric' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

// The list re-renders a running conversation's row every frame; building a formatter costs far more
// than using one (toLocaleTimeString builds a new one each call), so each is made once per locale.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();

function dateFormat(locale: string | undefined, kind: keyof typeof DATE_OPTIONS): Intl.DateTimeFormat {
  const key = `${locale ?? ''} ${kind}`;
  let format = dateFormats.get(key);
  if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(locale, DATE_OPTIONS[kind])));
  return format;
}

function relativeFormat(locale: string | undefined): Intl.RelativeTimeFormat {
  const key = locale ?? '';
  let format = relativeFormats.get(key);
  if (!format) relativeFormats.set(key, (format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })));
  return format;
}

// "yesterday" starts the line on its own, so it takes a capital where the script has one.
function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}
