import type { Locale } from './locale';

/** One feature's strings in every language; the type makes a missing translation a compile error. */
export type Catalog<K extends string> = Record<Locale, Record<K, string>>;

export type Params = Record<string, string | number>;

/** Declares a feature's strings: English first, then 简体中文 with exactly the same keys. */
export function defineMessages<const T extends Record<string, string>>(
  en: T,
  zhCN: { [K in keyof T]: string },
): Catalog<keyof T & string> {
  return { en, 'zh-CN': zhCN } as Catalog<keyof T & string>;
}

/** Fills `{name}` placeholders; an unknown placeholder stays visible rather than vanishing. */
export function format(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/**
 * A template split around its placeholders, each replaced by its value as is: lets a component put
 * an element (a <code>, a link) where the sentence has `{name}`, in whatever order the language needs.
 */
export function formatParts<V>(template: string, values: Record<string, V>): (string | V)[] {
  return template.split(/(\{\w+\})/).flatMap((piece): (string | V)[] => {
    const name = /^\{(\w+)\}$/.exec(piece)?.[1];
    if (name !== undefined && name in values) return [values[name]];
    return piece === '' ? [] : [piece];
  });
}

/** The string for a key in a locale, falling back to English. */
export function translate<K extends string>(catalog: Catalog<K>, locale: Locale, key: K, params?: Params): string {
  return format(catalog[locale][key] ?? catalog.en[key], params);
}

export type Translator<K extends string> = (key: K, params?: Params) => string;

/** A translator bound to one catalog and locale (for code outside React). */
export function translator<K extends string>(catalog: Catalog<K>, locale: Locale): Translator<K> {
  return (key, params) => translate(catalog, locale, key, params);
}
