import { useId } from 'react';
import { HELP, LABEL } from './field-styles';
import { SecretInput } from './secret-input';
import { useT } from '../../i18n';
import { messages } from './messages';

export interface ApiKeyFieldProps {
  value: string;
  onChange(value: string): void;
  needsKey: boolean;
  /** Set right after a provider switch dropped the key, so its disappearance is explained. */
  clearedByHostChange: boolean;
}

/** Password field for the API key with a show/hide toggle. */
export function ApiKeyField({ value, onChange, needsKey, clearedByHostChange }: ApiKeyFieldProps) {
  const t = useT(messages);
  const inputId = useId();
  const helpId = useId();
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={inputId} className={LABEL}>
        {t('apiKey')}
      </label>
      <SecretInput
        id={inputId}
        value={value}
        onChange={onChange}
        placeholder={needsKey ? t('pasteKey') : t('optional')}
        describedBy={helpId}
        showLabel={t('showKey')}
        hideLabel={t('hideKey')}
      />
      <p id={helpId} className={HELP}>
        {clearedByHostChange ? t('keyCleared') : needsKey ? t('keySentOnlyHere') : t('keyOptional')}
      </p>
    </div>
  );
}
