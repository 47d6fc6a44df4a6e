import type { ToolCallState } from '../../core/conversation/types';
import { JsonView } from '../chat/markdown/json-view';
import { usePartialArgs } from './use-partial-args';
import { useT } from '../../i18n';
import { messages } from './messages';
import { argumentCodeFields } from '../code/code-fields';
import { CopyArgumentsButton } from './card-copy';

/** The call's arguments: live partial value while streaming, the final (or user-edited) value after. */
export function CallArguments({ call }: { call: ToolCallState }) {
  const streaming = call.status === 'streaming_args';
  // Cut-off or malformed calls never got `args`; the partial parse still shows what the model sent.
  const needsPartial = streaming || (call.args === undefined && call.argsText.length > 0);
  const partial = usePartialArgs(call.argsText, needsPartial);
  const t = useT(messages);

  return (
    <div className="space-y-2">
      {streaming ? (
        <StreamingArgs value={partial.value} tool={call.name} />
      ) : call.editedArgs !== undefined ? (
        <EditedArgs edited={call.editedArgs} original={call.args} tool={call.name} />
      ) : call.args !== undefined ? (
        <JsonView value={call.args} codeFields={argumentCodeFields(call.name, call.args)} />
      ) : partial.value !== undefined ? (
        <div>
          <p className="mb-1 text-xs text-zinc-500 dark:text-zinc-400">{t('receivedBeforeEnd')}</p>
          <JsonView value={partial.value} codeFields={argumentCodeFields(call.name, partial.value)} />
        </div>
      ) : call.argsText ? (
        <pre className="overflow-x-auto rounded-lg bg-zinc-100 p-2 font-mono text-xs whitespace-pre-wrap break-all text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200">
          {call.argsText}
        </pre>
      ) : (
        <p className="text-xs text-zinc-500 dark:text-zinc-400">{t('noArguments')}</p>
      )}
      <ArgumentProblems call={call} />
      <CopyArgumentsButton call={call} />
    </div>
  );
}

function StreamingArgs({ value, tool }: { value: unknown; tool: string }) {
  const t = useT(messages);
  // Until the first parseable token arrives there is nothing honest to show; raw fragments would flash.
  if (value === undefined) {
    return (
      <p className="animate-pulse text-xs text-zinc-500 dark:text-zinc-400" aria-live="polite">
        {t('waitingForArguments')}
      </p>
    );
  }
  return (
    <div aria-busy="true">
      <JsonView value={value} codeFields={argumentCodeFields(tool, value)} />
    </div>
  );
}

function EditedArgs({ edited, original, tool }: { edited: unknown; original: unknown; tool: string }) {
  const t = useT(messages);
  return (
    <div className="space-y-1">
      <p className="text-xs text-indigo-700 dark:text-indigo-300">
        {t('editedByYou')}
      </p>
      <JsonView value={edited} codeFields={argumentCodeFields(tool, edited)} />
      <details className="text-xs">
        <summary className="cursor-pointer text-zinc-600 select-none hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100">
          {t('originalArguments')}
        </summary>
        <div className="mt-1">
          {original === undefined ? (
            <p className="text-zinc-500 dark:text-zinc-400">{t('originalUnparsed')}</p>
          ) : (
            <JsonView value={original} codeFields={argumentCodeFields(tool, original)} />
          )}
        </div>
      </details>
    </div>
  );
}

function ArgumentProblems({ call }: { call: ToolCallState }) {
  const t = useT(messages);
  const lines: string[] = [];
  if (call.status === 'incomplete') lines.push(t('argsCutOff'));
  // A call refused by the user's permissions says so in its own notice; its arguments were never checked.
  if (call.status === 'invalid' && !call.denied) lines.push(t('argsInvalid'));
  if (call.parseError) lines.push(t('argsUnparsed', { error: call.parseError }));
  if (call.validationError) lines.push(call.validationError);
  if (lines.length === 0) return null;
  return (
    <div className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-xs text-red-800 dark:border-red-900/60 dark:bg-red-950/40 dark:text-red-200">
      {lines.map((line) => (
        <p key={line} className="break-words">
          {line}
        </p>
      ))}
    </div>
  );
}
