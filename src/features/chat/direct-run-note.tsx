import { useT } from '../../i18n';
import { directRunMessages } from './direct-run-messages';

/** The caption over a turn the user ran with a slash command, so nobody reads its card as the model's choice. */
export function DirectRunNote() {
  const t = useT(directRunMessages);
  return (
    <p className="flex items-center gap-1.5 text-xs font-medium text-zinc-500 dark:text-zinc-400" data-testid="direct-run-note">
      <svg aria-hidden="true" viewBox="0 0 16 16" className="size-3.5 text-indigo-500" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" strokeLinejoin="round">
        <path d="M3 3l4 5-4 5M9 13h4" />
      </svg>
      {t('note')}
    </p>
  );
}
