import { useId } from 'react';
import { useT } from '../../i18n';
import { ShieldIcon } from './icons';
import { messages } from './messages';

/** A row in Settings (accessible name "Tool permissions") that opens the permissions dialog. */
export function PermissionsSettingsRow({ onOpen }: { onOpen(): void }) {
  const t = useT(messages);
  const hintId = useId();
  // The hint sits beside the button, not inside it: a button's name must hold all its visible text
  // (WCAG 2.5.3), and the name stays "Tool permissions". The button's ::after makes the row clickable.
  return (
    <div className="relative flex w-full items-center gap-3 rounded-xl border border-zinc-200 p-3 hover:bg-zinc-50 has-focus-visible:ring-2 has-focus-visible:ring-indigo-500 dark:border-zinc-700 dark:hover:bg-zinc-800/60">
      <ShieldIcon className="size-5 shrink-0 text-indigo-600 dark:text-indigo-400" />
      <span className="min-w-0 flex-1">
        <button
          type="button"
          onClick={onOpen}
          aria-haspopup="dialog"
          aria-describedby={hintId}
          className="block text-left text-sm font-medium text-zinc-800 after:absolute after:inset-0 after:rounded-xl focus-visible:outline-none dark:text-zinc-200"
        >
          {t('title')}
        </button>
        <span id={hintId} className="block text-xs text-zinc-600 dark:text-zinc-400">
          {t('settingsHint')}
        </span>
      </span>
      <span aria-hidden="true" className="text-zinc-400">
        ›
      </span>
    </div>
  );
}
