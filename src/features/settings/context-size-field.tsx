import { useId, useState } from 'react';
import { ERROR_TEXT, HELP, INPUT, LABEL } from './field-styles';
import { useT } from '../../i18n';
import { messages } from './messages';

/** The model's context window; a draft keeps half-typed numbers without saving them. */
export function ContextSizeField({ value, onChange }: { value: number; onChange(tokens: number): void }) {
  const t = useT(messages);
  const id = useId();
  const [draft, setDraft] = useState(String(value));
  const tokens = Number(draft);
  const valid = Number.isInteger(tokens) && tokens >= 512;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className={LABEL}>
        {t('contextSize')}
      </label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={512}
        step={1024}
        value={draft}
        aria-invalid={!valid}
        aria-describedby={`${id}-help`}
        onChange={(e) => {
          setDraft(e.target.value);
          const next = Number(e.target.value);
          if (Number.isInteger(next) && next >= 512) onChange(next);
        }}
        className={INPUT}
      />
      <p id={`${id}-help`} className={valid ? HELP : ERROR_TEXT}>
        {valid ? t('contextSizeHelp') : t('contextSizeInvalid', { min: 512 })}
      </p>
    </div>
  );
}
