import type { ToolCallState } from '../../../core/conversation/types';
import { useT } from '../../../i18n';
import { messages } from './messages';

/** Why a call did not run when the user's tool permissions refuse its tool; nothing otherwise. */
export function DeniedNotice({ call }: { call: ToolCallState }) {
  const t = useT(messages);
  if (!call.denied) return null;
  return (
    <p className="rounded-lg border border-zinc-200 bg-zinc-50 px-3 py-2 text-sm text-zinc-700 dark:border-zinc-700 dark:bg-zinc-800/60 dark:text-zinc-300">
      {t('deniedNotice', { tool: call.name })}
    </p>
  );
}

/** The status chip's text for a refused call, instead of the generic "Invalid" / "Rejected". */
export function DeniedChipLabel() {
  const t = useT(messages);
  return <>{t('deniedChip')}</>;
}
