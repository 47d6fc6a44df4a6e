import { useT } from '../../i18n';
import { messages } from './messages';

/** A thin divider the chat view puts before the first message the model still sees. */
export function ContextMarker() {
  const t = useT(messages);
  const label = t('contextMarker');
  return (
    <div role="separator" aria-label={label} className="flex items-center gap-3 text-xs text-zinc-500 dark:text-zinc-400" data-testid="context-marker">
      <span className="min-w-4 flex-1 border-t border-dashed border-indigo-300 dark:border-indigo-700" />
      <span className="max-w-[75%] text-center" aria-hidden="true">
        {label}
      </span>
      <span className="min-w-4 flex-1 border-t border-dashed border-indigo-300 dark:border-indigo-700" />
    </div>
  );
}
