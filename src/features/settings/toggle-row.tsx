import { useId } from 'react';
import { HELP, LABEL } from './field-styles';

/** A labelled checkbox with its one-line explanation underneath. */
export function ToggleRow(props: { label: string; description: string; checked: boolean; onChange(checked: boolean): void }) {
  const id = useId();
  const helpId = useId();
  return (
    <div className="flex items-start gap-3">
      <input
        id={id}
        type="checkbox"
        checked={props.checked}
        onChange={(event) => props.onChange(event.target.checked)}
        aria-describedby={helpId}
        className="mt-0.5 size-4 shrink-0 rounded accent-indigo-600 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none"
      />
      <div className="flex min-w-0 flex-col gap-0.5">
        <label htmlFor={id} className={LABEL}>
          {props.label}
        </label>
        <p id={helpId} className={HELP}>
          {props.description}
        </p>
      </div>
    </div>
  );
}
