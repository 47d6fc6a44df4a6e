import { useId } from 'react';
import { useLocale, useT, type LocalePreference } from '../../i18n';
import { HELP, INPUT, LABEL } from './field-styles';
import { messages } from './messages';

// Each language is named in its own script, so it can be found by someone who cannot read the other.
const AUTONYMS = [
  { value: 'en', name: 'English' },
  { value: 'zh-CN', name: '简体中文' },
] as const;

/** The interface language: the browser's, or one the user picks (applies at once and is remembered). */
export function LanguageField() {
  const t = useT(messages);
  const preference = useLocale((s) => s.preference);
  const setPreference = useLocale((s) => s.setPreference);
  const id = useId();
  const helpId = useId();
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className={LABEL}>
        {t('language')}
      </label>
      <select
        id={id}
        value={preference}
        onChange={(event) => setPreference(event.target.value as LocalePreference)}
        aria-describedby={helpId}
        className={INPUT}
      >
        <option value="auto">{t('languageAuto')}</option>
        {AUTONYMS.map((l) => (
          <option key={l.value} value={l.value} lang={l.value}>
            {l.name}
          </option>
        ))}
      </select>
      <p id={helpId} className={HELP}>
        {t('languageHelp')}
      </p>
    </div>
  );
}
