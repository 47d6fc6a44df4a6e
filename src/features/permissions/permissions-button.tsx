import type { RefObject } from 'react';
import { useT } from '../../i18n';
import { ShieldIcon } from './icons';
import { messages } from './messages';

/** The header's shield button (accessible name "Permissions") that opens the Tool permissions dialog. */
export function PermissionsButton({ onClick, buttonRef }: { onClick(): void; buttonRef?: RefObject<HTMLButtonElement | null> }) {
  const t = useT(messages);
  return (
    <button
      ref={buttonRef}
      type="button"
      aria-label={t('open')}
      aria-haspopup="dialog"
      title={t('title')}
      onClick={onClick}
      className="inline-flex size-9 shrink-0 items-center justify-center rounded-lg text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
    >
      <ShieldIcon />
    </button>
  );
}
