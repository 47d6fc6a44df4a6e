import type { ToolCallState } from '../../core/conversation/types';
import { useT } from '../../i18n';
import { CopyButton } from '../copy/copy-button';
import { cardCopyMessages } from './copy-messages';

/** JSON as people paste it: two-space indent; a string result is copied as the string itself. */
export function copyableText(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value, null, 2) ?? String(value);
  } catch {
    return String(value);
  }
}

/** What the call's arguments are now: the user's edit, the parsed value, or the raw text the model sent. */
export function argumentsText(call: ToolCallState): string {
  if (call.editedArgs !== undefined) return copyableText(call.editedArgs);
  if (call.args !== undefined) return copyableText(call.args);
  return call.argsText;
}

export function CopyArgumentsButton({ call }: { call: ToolCallState }) {
  const t = useT(cardCopyMessages);
  if (call.status === 'streaming_args' || (!call.argsText && call.args === undefined)) return null;
  return (
    <div className="flex justify-end">
      <CopyButton text={() => argumentsText(call)} label={t('copyArguments')} />
    </div>
  );
}

/** Copies a result (or an error's message); the text is made on click, not on every render. */
export function CopyResultButton({ value, error = false }: { value: unknown; error?: boolean }) {
  const t = useT(cardCopyMessages);
  return (
    <div className="mt-1 flex justify-end">
      <CopyButton text={() => copyableText(value)} label={t(error ? 'copyError' : 'copyResult')} />
    </div>
  );
}
