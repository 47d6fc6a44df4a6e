import { useId } from 'react';
import { HELP, INPUT, LABEL } from './field-styles';

export interface SelectFieldProps<T extends string> {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange(value: T): void;
  /** One line under the select, read out with it. */
  help?: string;
}

/** A labelled native select with an optional line of help. */
export function SelectField<T extends string>({ label, value, options, onChange, help }: SelectFieldProps<T>) {
  const id = useId();
  const helpId = useId();
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className={LABEL}>
        {label}
      </label>
      <select
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value as T)}
        aria-describedby={help ? helpId : undefined}
        className={INPUT}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {help && (
        <p id={helpId} className={HELP}>
          {help}
        </p>
      )}
    </div>
  );
}
