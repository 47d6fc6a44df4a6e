import { useState } from 'react';
import { EyeIcon } from './icons';
import { INPUT } from './field-styles';

interface Props {
  id: string;
  value: string;
  onChange(value: string): void;
  placeholder?: string;
  describedBy?: string;
  /** The toggle's names, in the reader's language: what it does now. */
  showLabel: string;
  hideLabel: string;
}

/** A key or token field, hidden by default, with a show/hide toggle; kept away from password managers. */
export function SecretInput({ id, value, onChange, placeholder, describedBy, showLabel, hideLabel }: Props) {
  const [visible, setVisible] = useState(false);
  return (
    <div className="flex gap-2">
      <input
        id={id}
        type={visible ? 'text' : 'password'}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        placeholder={placeholder}
        // Not a site password: keep password managers and autofill out of it.
        autoComplete="off"
        autoCapitalize="off"
        autoCorrect="off"
        spellCheck={false}
        data-1p-ignore
        data-lpignore="true"
        aria-describedby={describedBy}
        className={`${INPUT} font-mono`}
      />
      <button
        type="button"
        onClick={() => setVisible((v) => !v)}
        aria-controls={id}
        className="inline-flex w-10 shrink-0 items-center justify-center rounded-lg border border-zinc-300 text-zinc-600 hover:bg-zinc-100 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none dark:border-zinc-700 dark:text-zinc-300 dark:hover:bg-zinc-800"
      >
        <EyeIcon off={visible} />
        {/* Named by content, not aria-label, so label-based lookups of the field find only the input. */}
        <span className="sr-only">{visible ? hideLabel : showLabel}</span>
      </button>
    </div>
  );
}
