import { create } from 'zustand';
import { LOCALES, resolveLocale, type Locale, type LocalePreference } from './locale';

const STORAGE_KEY = 'callstream.locale';

interface LocaleState {
  preference: LocalePreference;
  locale: Locale;
  setPreference(preference: LocalePreference): void;
}

function browserLanguages(): readonly string[] {
  return typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
}

function loadPreference(): LocalePreference {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved && (LOCALES as readonly string[]).includes(saved)) return saved as Locale;
  } catch {
    // Storage blocked (private mode, sandboxed): the browser's language still applies.
  }
  return 'auto';
}

function applyToDocument(locale: Locale) {
  // Screen readers pick their voice, and the browser its fonts and hyphenation, from `lang`.
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

/** The interface language: the browser's, unless the user picked one in Settings (remembered). */
export const useLocale = create<LocaleState>()((set) => {
  const preference = loadPreference();
  const locale = resolveLocale(preference, browserLanguages());
  applyToDocument(locale);
  return {
    preference,
    locale,
    setPreference: (next) => {
      try {
        if (next === 'auto') localStorage.removeItem(STORAGE_KEY);
        else localStorage.setItem(STORAGE_KEY, next);
      } catch {
        // Not remembered, but the switch still applies to this page.
      }
      const resolved = resolveLocale(next, browserLanguages());
      applyToDocument(resolved);
      set({ preference: next, locale: resolved });
    },
  };
});

/** The current locale, for code outside React (the store is the single source). */
export function currentLocale(): Locale {
  return useLocale.getState().locale;
}
