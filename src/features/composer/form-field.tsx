import { useT } from '../../i18n';
import type { FieldProblem, FormField } from './schema-form';
import { slashMessages } from './slash-messages';

const PROBLEM_KEY = { required: 'problemRequired', number: 'problemNumber', integer: 'problemInteger' } as const;

/** The look of every input of the tool form. */
export const FIELD =
  'w-full rounded-lg border border-zinc-300 bg-white px-2.5 py-1.5 text-sm text-zinc-900 outline-none focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/20 aria-invalid:border-red-500 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100';

interface FieldProps {
  id: string;
  field: FormField;
  value: string | boolean | undefined;
  problem?: FieldProblem;
  autoFocus: boolean;
  onChange(value: string | boolean): void;
}

/** One labelled input for a schema property: text, number, checkbox or select, with its hint and problem. */
export function Field({ id, field, value, problem, autoFocus, onChange }: FieldProps) {
  const t = useT(slashMessages);
  const describedBy = [field.description ? `${id}-hint` : '', problem ? `${id}-problem` : ''].filter(Boolean).join(' ') || undefined;
  const common = { id, autoFocus, 'aria-describedby': describedBy, 'aria-invalid': problem ? true : undefined, 'aria-required': field.required || undefined };
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
  if (field.kind === 'boolean')
    return (
      <div>
        <label className="flex items-center gap-2 text-sm font-medium text-zinc-800 dark:text-zinc-200">
          <input {...common} type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} className="size-4 accent-indigo-600" />
          <span className="font-mono">{field.name}</span>
        </label>
        {hint}
      </div>
    );
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="flex items-baseline gap-1.5 text-sm font-medium text-zinc-800 dark:text-zinc-200">
        <span className="font-mono">{field.name}</span>
        {field.required && <span className="text-xs font-normal text-zinc-500 dark:text-zinc-400">{t('required')}</span>}
      </label>
      {field.kind === 'enum' ? (
        <select {...common} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value)} className={FIELD}>
          {(!field.required || value === '') && <option value="">{t('notSet')}</option>}
          {field.options!.map((option) => (
            <option key={JSON.stringify(option)} value={JSON.stringify(option)}>
              {String(option)}
            </option>
          ))}
        </select>
      ) : field.kind === 'string' ? (
        <textarea {...common} rows={1} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value)} className={`${FIELD} block field-sizing-content max-h-40 resize-none`} />
      ) : (
        <input {...common} type="text" inputMode={field.kind === 'integer' ? 'numeric' : 'decimal'} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value)} className={FIELD} />
      )}
      {hint}
      {problemLine}
    </div>
  );
}
