import { useModalDialog } from '../../ui/use-modal-dialog';
import { useId, useMemo, useRef, useState } from 'react';
import type { ToolCallState } from '../../core/conversation/types';
import { checkArgsText, initialArgsText, sameJson } from './review-check';
import { SchemaSummary } from './schema-summary';
import { useT } from '../../i18n';
import { messages } from './messages';

export type ReviewMode = 'approve' | 'rerun' | 'restart';

export interface ReviewDialogProps {
  call: ToolCallState;
  /** The tool's JSON Schema; undefined for an unknown tool (only JSON syntax is checked then). */
  schema?: Record<string, unknown>;
  mode: ReviewMode;
  /** In approve mode `args` is undefined when the user left the arguments as they were. */
  /** Returns why the run refused the arguments (shown in the dialog, which stays open), or null. */
  onConfirm(args: unknown): string | null;
  onClose(): void;
}

type Key = keyof typeof messages.en;

const CONFIRM_LABEL: Record<ReviewMode, Key> = { approve: 'confirmApprove', rerun: 'confirmRerun', restart: 'confirmRestart' };

const MODE_NOTE: Record<ReviewMode, Key> = { approve: 'noteApprove', rerun: 'noteRerun', restart: 'noteRestart' };

/** Modal editor for a call's arguments, validated live against JSON syntax and the tool's schema. */
export function ReviewDialog({ call, schema, mode, onConfirm, onClose }: ReviewDialogProps) {
  const t = useT(messages);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const dialogRef = useModalDialog({ onClose, initialFocus: textareaRef });
  const [initialText] = useState(() => initialArgsText(call));
  const [text, setText] = useState(initialText);
  const [refused, setRefused] = useState<string | null>(null);
  const check = useMemo(() => checkArgsText(text, schema, t), [text, schema, t]);
  const titleId = useId();
  const alertId = useId();
  const textareaId = useId();

  const baseline = call.editedArgs !== undefined ? call.editedArgs : call.args;
  const unchanged = check.ok && baseline !== undefined && sameJson(check.value, baseline);

  const confirm = () => {
    if (!check.ok) return;
    const problem = onConfirm(mode === 'approve' && unchanged ? undefined : check.value);
    if (problem) setRefused(problem);
    else dialogRef.current?.close();
  };

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={titleId}
      className="m-auto w-[calc(100%-1.5rem)] max-w-2xl rounded-xl border border-zinc-200 bg-white p-0 text-zinc-900 shadow-2xl backdrop:bg-zinc-950/50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
    >
      <form
        className="flex max-h-[85dvh] flex-col gap-3 p-4 sm:p-5"
        onSubmit={(event) => {
          event.preventDefault();
          confirm();
        }}
      >
        <h2 id={titleId} className="text-base font-semibold break-words">
          {t('reviewTitle')} <span className="font-mono">{call.name}</span>
        </h2>
        <p className="text-xs text-zinc-600 dark:text-zinc-400">{t(MODE_NOTE[mode])}</p>

        <div className="flex min-h-0 flex-col gap-1">
          <div className="flex items-baseline justify-between gap-2">
            <label htmlFor={textareaId} className="text-sm font-medium">
              {t('argumentsJson')}
            </label>
            <span className="text-xs text-zinc-500 dark:text-zinc-400">
              {check.ok ? (unchanged ? t('unchanged') : t('edited')) : ''}
            </span>
          </div>
          <textarea
            id={textareaId}
            ref={textareaRef}
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              setRefused(null);
            }}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) {
                event.preventDefault();
                confirm();
              }
            }}
            spellCheck={false}
            autoCapitalize="off"
            autoCorrect="off"
            rows={12}
            aria-invalid={!check.ok}
            aria-describedby={alertId}
            className={`min-h-40 w-full resize-y rounded-lg border bg-zinc-50 p-3 font-mono text-xs leading-relaxed text-zinc-900 focus:ring-2 focus:outline-none dark:bg-zinc-950 dark:text-zinc-100 ${
              check.ok
                ? 'border-zinc-300 focus:ring-indigo-500 dark:border-zinc-700'
                : 'border-red-400 focus:ring-red-500 dark:border-red-700'
            }`}
          />
        </div>

        <div id={alertId} role="alert" className="text-xs text-red-700 empty:hidden dark:text-red-300">
          {(!check.ok || refused) && (
            <ul className="list-disc space-y-0.5 pl-4">
              {(check.ok ? [refused!] : check.errors).map((error) => (
                <li key={error} className="break-words">
                  {error}
                </li>
              ))}
            </ul>
          )}
        </div>

        <SchemaSummary schema={schema} />

        <div className="flex flex-wrap justify-end gap-2 pt-1">
          <button
            type="button"
            onClick={() => dialogRef.current?.close()}
            className="rounded-lg border border-zinc-300 px-3 py-1.5 text-sm font-medium text-zinc-700 hover:bg-zinc-100 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none dark:border-zinc-600 dark:text-zinc-200 dark:hover:bg-zinc-800"
          >
            {t('cancel')}
          </button>
          <button
            type="submit"
            disabled={!check.ok}
            className="rounded-lg bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-500 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:ring-offset-2 focus-visible:outline-none disabled:cursor-not-allowed disabled:opacity-50 dark:focus-visible:ring-offset-zinc-900"
          >
            {t(CONFIRM_LABEL[mode])}
          </button>
        </div>
      </form>
    </dialog>
  );
}
