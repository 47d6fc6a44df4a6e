import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { asksForSecret, collectElicitation, initialElicitValues, planElicitation, type ElicitField, type ElicitProblem, type ElicitValues } from '../../core/mcp/elicitation-form';
import type { McpElicitAnswer, PendingElicitation } from '../../core/mcp/elicitations';
import { useT } from '../../i18n';
import { MODAL_PANEL, useDialogDismiss, useModalDialog } from '../../ui/use-modal-dialog';
import { FIELD } from '../composer/form-field';
import { elicitationMessages } from './elicitation-messages';

type T = ReturnType<typeof useT<keyof (typeof elicitationMessages)['en'] & string>>;

const PROBLEM_KEY = {
  required: 'problemRequired',
  number: 'problemNumber',
  integer: 'problemInteger',
  range: 'problemRange',
  length: 'problemLength',
  email: 'problemEmail',
  uri: 'problemUri',
  date: 'problemDate',
  items: 'problemItems',
  unsupported: 'problemUnsupported',
} as const satisfies Record<ElicitProblem, string>;

const BUTTON = 'rounded-lg px-3 py-1.5 text-sm font-medium focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none';

/**
 * A server's request for input, as a form generated from its schema. It names the server, shows its
 * message as plain text, warns when a field looks like a secret, and answers accept / decline / cancel
 * (Esc or closing the dialog is cancel).
 */
export function ElicitationDialog({ request, onAnswer }: { request: PendingElicitation; onAnswer(answer: McpElicitAnswer): void }) {
  const t = useT(elicitationMessages);
  const fields = useMemo(() => planElicitation(request.schema), [request.schema]);
  const [values, setValues] = useState<ElicitValues>(() => initialElicitValues(fields));
  const [problems, setProblems] = useState<Record<string, ElicitProblem>>({});
  const answered = useRef<McpElicitAnswer | null>(null);
  const firstRef = useRef<HTMLDivElement>(null);
  // Closing the dialog any way (Esc, backdrop, a button) ends in one close event: the answer chosen, or cancel.
  const dialogRef = useModalDialog({ onClose: () => onAnswer(answered.current ?? { action: 'cancel' }), initialFocus: firstRef });
  const dismiss = useDialogDismiss(dialogRef);
  const id = useId();
  const secret = fields.some(asksForSecret);

  const finish = (answer: McpElicitAnswer) => {
    answered.current = answer;
    dialogRef.current?.close();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const result = collectElicitation(fields, values);
    if (!result.ok) {
      setProblems(result.problems);
      const first = fields.find((f) => result.problems[f.name]);
      if (first) document.getElementById(`${id}-${first.name}`)?.focus();
      return;
    }
    finish({ action: 'accept', content: result.content });
  };
  const set = (name: string, value: string | boolean | string[]) => {
    setValues((v) => ({ ...v, [name]: value }));
    setProblems(({ [name]: _gone, ...rest }) => rest);
  };

  return (
    <dialog ref={dialogRef} aria-labelledby={`${id}-title`} aria-describedby={`${id}-intro`} {...dismiss} className={`max-w-lg ${MODAL_PANEL}`} data-testid="mcp-elicitation">
      <form onSubmit={submit} noValidate className="flex flex-col gap-3 p-4">
        <h2 id={`${id}-title`} className="text-base font-semibold break-words">
          {t('title', { server: request.serverName })}
        </h2>
        <p id={`${id}-intro`} className="text-sm text-zinc-600 dark:text-zinc-300">
          {t('intro', { server: request.serverName })}
        </p>
        {/* The server's words, as plain text in a box of their own: they are not Callstream's. */}
        {request.message && <p className="rounded-lg border border-zinc-200 bg-zinc-50 px-3 py-2 text-sm break-words whitespace-pre-wrap dark:border-zinc-700 dark:bg-zinc-950">{request.message}</p>}
        {secret && (
          <p role="alert" className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950/50 dark:text-amber-100">
            {t('secretWarning', { server: request.serverName })}
          </p>
        )}
        <div ref={firstRef} tabIndex={-1} className="flex flex-col gap-3 outline-none">
          {fields.map((field) => (
            <ElicitInput key={field.name} id={`${id}-${field.name}`} field={field} value={values[field.name]} problem={problems[field.name]} t={t} onChange={(v) => set(field.name, v)} />
          ))}
        </div>
        <div className="flex flex-wrap justify-end gap-2 pt-1">
          <button type="button" onClick={() => finish({ action: 'cancel' })} className={`${BUTTON} text-zinc-700 hover:bg-zinc-100 dark:text-zinc-200 dark:hover:bg-zinc-800`}>
            {t('cancel')}
          </button>
          <button type="button" onClick={() => finish({ action: 'decline' })} className={`${BUTTON} border border-zinc-300 hover:bg-zinc-100 dark:border-zinc-600 dark:hover:bg-zinc-800`}>
            {t('decline')}
          </button>
          <button type="submit" className={`${BUTTON} bg-indigo-600 text-white hover:bg-indigo-500 focus-visible:ring-offset-2 dark:focus-visible:ring-offset-zinc-900`}>
            {t('send')}
          </button>
        </div>
      </form>
    </dialog>
  );
}

interface InputProps {
  id: string;
  field: ElicitField;
  value: string | boolean | string[] | undefined;
  problem?: ElicitProblem;
  t: T;
  onChange(value: string | boolean | string[]): void;
}

function ElicitInput({ id, field, value, problem, t, onChange }: InputProps) {
  const describedBy = [field.description ? `${id}-hint` : '', problem ? `${id}-problem` : ''].filter(Boolean).join(' ') || undefined;
  const common = { id, 'aria-describedby': describedBy, 'aria-invalid': problem ? true : undefined, 'aria-required': field.required || undefined };
  const text = typeof value === 'string' ? value : '';
  const label = (
    <span className="flex items-baseline gap-1.5 text-sm font-medium text-zinc-800 dark:text-zinc-200">
      <span>{field.label}</span>
      {/* aria-required says it to screen readers; the word is for the eye. */}
      {field.required && <span aria-hidden className="text-xs font-normal text-zinc-500 dark:text-zinc-400">{t('required')}</span>}
    </span>
  );
  const hint = field.description && (
    <p id={`${id}-hint`} className="text-xs text-zinc-500 dark:text-zinc-400">
      {field.description}
    </p>
  );
  const problemLine = problem && (
    <p id={`${id}-problem`} className="text-xs font-medium text-red-700 dark:text-red-300">
      {t(PROBLEM_KEY[problem])}
    </p>
  );

  switch (field.kind) {
    case 'boolean':
      return (
        <div>
          <label className="flex items-center gap-2">
            <input {...common} type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} className="size-4 accent-indigo-600" />
            {label}
          </label>
          {hint}
          {problemLine}
        </div>
      );
    case 'multi': {
      const chosen = Array.isArray(value) ? value : [];
      return (
        <fieldset id={id} tabIndex={-1} aria-describedby={describedBy} className="space-y-1">
          <legend>{label}</legend>
          {hint}
          <div className="flex flex-wrap gap-x-4 gap-y-1">
            {field.options.map((option) => (
              <label key={option.value} className="flex items-center gap-1.5 text-sm">
                <input
                  type="checkbox"
                  checked={chosen.includes(option.value)}
                  onChange={(e) => onChange(e.target.checked ? [...chosen, option.value] : chosen.filter((v) => v !== option.value))}
                  className="size-4 accent-indigo-600"
                />
                {option.label}
              </label>
            ))}
          </div>
          {problemLine}
        </fieldset>
      );
    }
    case 'unsupported':
      return (
        <div id={id} tabIndex={-1} className="space-y-1">
          {label}
          <p className="text-xs text-zinc-600 dark:text-zinc-400">{t('unsupported', { name: field.name })}</p>
          {problemLine}
        </div>
      );
  }
  return (
    <div className="space-y-1">
      <label htmlFor={id}>{label}</label>
      {field.kind === 'choice' ? (
        <select {...common} value={text} onChange={(e) => onChange(e.target.value)} className={FIELD}>
          {(!field.required || text === '') && <option value="">{t('notSet')}</option>}
          {field.options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      ) : (
        <input
          {...common}
          type={field.kind === 'text' && field.format === 'email' ? 'email' : field.kind === 'text' && field.format === 'uri' ? 'url' : 'text'}
          inputMode={field.kind === 'number' ? (field.integer ? 'numeric' : 'decimal') : undefined}
          placeholder={field.kind === 'text' && field.format === 'date' ? 'YYYY-MM-DD' : undefined}
          autoComplete="off"
          value={text}
          onChange={(e) => onChange(e.target.value)}
          className={FIELD}
        />
      )}
      {hint}
      {problemLine}
    </div>
  );
}
