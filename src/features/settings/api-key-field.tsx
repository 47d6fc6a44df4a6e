import { useId, useState } from 'react';
import { EyeIcon } from './icons';
import { HELP, INPUT, LABEL } from './field-styles';
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
  const [visible, setVisible] = useState(false);
  const inputId = useId();
  const helpId = useId();
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={inputId} className={LABEL}>
        {t('apiKey')}
      </label>
      <div className="flex gap-2">
        <input
          id={inputId}
          type={visible ? 'text' : 'password'}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          placeholder={needsKey ? t('pasteKey') : t('optional')}
          // Not a site password: keep password managers and autofill out of it.
          autoComplete="off"
          autoCapitalize="off"
          autoCorrect="off"
          spellCheck={false}
          data-1p-ignore
          data-lpignore="true"
          aria-describedby={helpId}
          className={`${INPUT} font-mono`}
        />
        <button
          type="button"
          onClick={() => setVisible((v) => !v)}
          aria-controls={inputId}
          className="inline-flex w-10 shrink-0 items-center justify-center rounded-lg border border-zinc-300 text-zinc-600 hover:bg-zinc-100 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none dark:border-zinc-700 dark:text-zinc-300 dark:hover:bg-zinc-800"
        >
          <EyeIcon off={visible} />
          {/* Named by content, not aria-label, so label-based lookups of "API key" find only the input. */}
          <span className="sr-only">{visible ? t('hideKey') : t('showKey')}</span>
        </button>
      </div>
      <p id={helpId} className={HELP}>
        {clearedByHostChange ? t('keyCleared') : needsKey ? t('keySentOnlyHere') : t('keyOptional')}
      </p>
    </div>
  );
}
