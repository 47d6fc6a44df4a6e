import { useId, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { firstSentence, formatCommand, lineAndColumn, parseCommand } from '../../core/commands';
import type { CommandTool } from '../../core/run/direct-call';
import { useT } from '../../i18n';
import { FIELD, Field } from './form-field';
import { collectArgs, initialValues, planForm, type FieldProblem, type FormValues } from './schema-form';
import { describeSlashError } from './slash-errors';
import { slashMessages } from './slash-messages';
import { PolicyBadge } from './policy-badge';

interface Props {
  entry: CommandTool;
  /** Runs the tool; resolves to an error to show, or null once the run started. */
  onRun(args: Record<string, unknown>): Promise<string | null>;
  onCancel(): void;
  /** Moves the arguments so far into the message box as a `/name {json}` command. */
  onEditAsJson(command: string): void;
}

/** A small form generated from a tool's JSON Schema (or a JSON box for complex schemas) with a Run button. */
export function ToolForm({ entry, onRun, onCancel, onEditAsJson }: Props) {
  const t = useT(slashMessages);
  const { tool, permission } = entry;
  const plan = useMemo(() => planForm(tool.parameters), [tool.parameters]);
  const fields = plan.kind === 'fields' ? plan.fields : [];
  const [values, setValues] = useState<FormValues>(() => initialValues(fields));
  const [json, setJson] = useState(plan.kind === 'json' ? plan.template : '');
  const [problems, setProblems] = useState<Record<string, FieldProblem>>({});
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const id = useId();

  const argsNow = (): Record<string, unknown> | null => {
    if (plan.kind === 'json') {
      // The JSON box goes through the same parser as a typed command, so its errors read the same.
      const prefix = `/${tool.name} `;
      const parsed = parseCommand(prefix + json, [tool]);
      if (parsed.kind === 'call') return parsed.args;
      if (parsed.kind === 'error') {
        const error = parsed.error;
        const where = error.code === 'invalid-json' ? { ...error, ...lineAndColumn(json, error.offset - prefix.length) } : error;
        setError(describeSlashError(t, where, tool.name));
      }
      return null;
    }
    const result = collectArgs(fields, values);
    setProblems(result.ok ? {} : result.problems);
    return result.ok ? result.args : null;
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (running) return;
    const args = argsNow();
    if (!args) return;
    setRunning(true);
    const problem = await onRun(args);
    setRunning(false);
    setError(problem);
  };

  const editAsJson = () => {
    if (plan.kind === 'json') return onEditAsJson(`/${tool.name} ${json}`);
    const lenient = collectArgs(fields, values, true);
    onEditAsJson(formatCommand(tool.name, lenient.ok ? lenient.args : {}));
  };

  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onCancel();
    } else if (e.key === 'Enter' && !e.nativeEvent.isComposing && e.target instanceof HTMLTextAreaElement) {
      // Like the message box: Enter runs, Shift+Enter adds a line; in the JSON box Enter is a new line, Ctrl+Enter runs.
      const runs = e.ctrlKey || e.metaKey || (!e.shiftKey && plan.kind === 'fields');
      if (!runs) return;
      e.preventDefault();
      formRef.current?.requestSubmit();
    }
  };

  const set = (name: string, value: string | boolean) => {
    setValues((v) => ({ ...v, [name]: value }));
    setProblems(({ [name]: _gone, ...rest }) => rest);
    setError(null);
  };

  return (
    <form
      ref={formRef}
      aria-label={t('formLabel', { name: tool.name })}
      onSubmit={submit}
      onKeyDown={onKeyDown}
      noValidate
      className="space-y-3 rounded-2xl border border-zinc-300 bg-white p-3 shadow-sm dark:border-zinc-700 dark:bg-zinc-950"
    >
      <header className="flex min-w-0 items-start gap-2">
        <div className="min-w-0 flex-1">
          <div className="flex flex-wrap items-center gap-2">
            <span className="font-mono text-sm font-semibold break-all text-zinc-900 dark:text-zinc-100">/{tool.name}</span>
            <PolicyBadge permission={permission} />
          </div>
          <p className="mt-0.5 text-xs text-zinc-500 dark:text-zinc-400">{firstSentence(tool.description)}</p>
        </div>
        <button
          type="button"
          onClick={onCancel}
          aria-label={t('closeForm')}
          className="-m-1 rounded-lg p-1.5 text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-white"
        >
          <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
            <path d="M5 5l10 10M15 5L5 15" />
          </svg>
        </button>
      </header>

      {plan.kind === 'json' ? (
        <div className="space-y-1">
          <label htmlFor={`${id}-json`} className="block text-sm font-medium text-zinc-800 dark:text-zinc-200">
            {t('jsonArguments')}
          </label>
          <textarea
            id={`${id}-json`}
            autoFocus
            value={json}
            onChange={(e) => {
              setJson(e.target.value);
              setError(null);
            }}
            aria-describedby={`${id}-json-hint`}
            rows={4}
            spellCheck={false}
            className={`${FIELD} block field-sizing-content max-h-64 min-h-20 resize-none font-mono`}
          />
          <p id={`${id}-json-hint`} className="text-xs text-zinc-500 dark:text-zinc-400">
            {t('jsonHint')}
          </p>
        </div>
      ) : fields.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-300">{t('noArguments')}</p>
      ) : (
        <div className="max-h-[45vh] space-y-3 overflow-y-auto">
          {fields.map((field, i) => (
            <Field key={field.name} id={`${id}-${i}`} field={field} value={values[field.name]} problem={problems[field.name]} autoFocus={i === 0} onChange={(v) => set(field.name, v)} />
          ))}
        </div>
      )}

      {error && (
        <p role="alert" className="rounded-lg bg-red-50 px-2.5 py-1.5 text-sm break-words text-red-800 dark:bg-red-950/40 dark:text-red-200">
          {error}
        </p>
      )}

      <div className="flex flex-wrap items-center justify-end gap-2">
        {plan.kind === 'fields' && (
          <button type="button" onClick={editAsJson} className="mr-auto rounded-lg px-2.5 py-1.5 text-sm font-medium text-indigo-700 hover:bg-indigo-50 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none dark:text-indigo-300 dark:hover:bg-indigo-950">
            {t('editAsJson')}
          </button>
        )}
        <button type="button" onClick={onCancel} className="rounded-lg px-3 py-1.5 text-sm font-medium text-zinc-700 hover:bg-zinc-100 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none dark:text-zinc-200 dark:hover:bg-zinc-800">
          {t('cancel')}
        </button>
        <button
          type="submit"
          autoFocus={plan.kind === 'fields' && fields.length === 0}
          disabled={running}
          className="rounded-lg bg-indigo-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-indigo-500 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:ring-offset-2 focus-visible:outline-none disabled:opacity-50 dark:focus-visible:ring-offset-zinc-950"
        >
          {t('run')}
        </button>
      </div>
    </form>
  );
}
