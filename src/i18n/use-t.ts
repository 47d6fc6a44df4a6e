import { useCallback } from 'react';
import { translate, type Catalog, type Translator } from './catalog';
import { useLocale } from './locale-store';

/** A translator for one feature's catalog, re-rendering the component when the language changes. */
export function useT<K extends string>(catalog: Catalog<K>): Translator<K> {
  const locale = useLocale((s) => s.locale);
  return useCallback((key, params) => translate(catalog, locale, key, params), [catalog, locale]);
}
