/** The interface languages; English is the fallback for every other browser language. */
export type Locale = 'en' | 'zh-CN';

export const LOCALES: readonly Locale[] = ['en', 'zh-CN'];

/** What the user picked in Settings: a language, or whatever the browser prefers. */
export type LocalePreference = 'auto' | Locale;

/** The first browser language we speak: any Chinese variant gets 简体中文, anything else English. */
export function detectLocale(languages: readonly string[]): Locale {
  for (const tag of languages) {
    const lower = tag.toLowerCase();
    if (lower === 'en' || lower.startsWith('en-')) return 'en';
    if (lower === 'zh' || lower.startsWith('zh-')) return 'zh-CN';
  }
  return 'en';
}

/** The locale a preference comes to on this browser. */
export function resolveLocale(preference: LocalePreference, languages: readonly string[]): Locale {
  return preference === 'auto' ? detectLocale(languages) : preference;
}
