import type { Locale } from './locale';

/**
 * The BCP 47 tag for Intl formatting. English follows the browser's own English (en-GB keeps
 * 24-hour times and day-month dates); 简体中文 is always zh-CN.
 */
export function intlLocale(locale: Locale, languages: readonly string[] = browserLanguages()): string {
  if (locale === 'zh-CN') return 'zh-CN';
  const english = languages.find((tag) => /^en(-|$)/i.test(tag));
  return english ?? 'en';
}

/** A number written the locale's way (grouping, decimals). */
export function formatNumber(value: number, locale: Locale, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(intlLocale(locale), options).format(value);
}

function browserLanguages(): readonly string[] {
  return typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
}
