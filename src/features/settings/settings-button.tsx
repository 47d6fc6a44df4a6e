import { useRef, useState } from 'react';
import { GearIcon } from './icons';
import { SettingsDialog } from './settings-dialog';
import { useT } from '../../i18n';
import { messages } from './messages';

/** Gear button (accessible name "Settings") that opens the settings dialog and takes focus back after. */
export function SettingsButton({ className }: { className?: string }) {
  const t = useT(messages);
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        aria-label={t('settings')}
        aria-haspopup="dialog"
        title={t('settings')}
        onClick={() => setOpen(true)}
        className={
          className ??
          'inline-flex size-9 items-center justify-center rounded-lg text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-zinc-100'
        }
      >
        <GearIcon />
      </button>
      <SettingsDialog open={open} onClose={() => setOpen(false)} returnFocusTo={buttonRef} />
    </>
  );
}
