export { defineMessages, format, formatParts, translate, translator, type Catalog, type Params, type Translator } from './catalog';
export { detectLocale, resolveLocale, LOCALES, type Locale, type LocalePreference } from './locale';
export { useLocale, currentLocale } from './locale-store';
export { useT } from './use-t';
export { intlLocale, formatNumber } from './intl';
