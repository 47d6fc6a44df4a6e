import { useId, useState } from 'react';
import { ERROR_TEXT, HELP, INPUT, LABEL } from './field-styles';

/** The model's context window; a draft keeps half-typed numbers without saving them. */
export function ContextSizeField({ value, onChange }: { value: number; onChange(tokens: number): void }) {
  const id = useId();
  const [draft, setDraft] = useState(String(value));
  const tokens = Number(draft);
  const valid = Number.isInteger(tokens) && tokens >= 512;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className={LABEL}>
        Context size (tokens)
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
        {valid
          ? 'When a conversation grows past this, the oldest turns are left out of what the model sees (marked in the chat).'
          : 'Enter a whole number of at least 512.'}
      </p>
    </div>
  );
}
