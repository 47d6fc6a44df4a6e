import type { RefObject } from 'react';
import { useT } from '../../i18n';
import { InspectorIcon } from './icons';
import { messages } from './messages';

/** The header's icon button that opens and closes the inspector. */
export function InspectorButton({ open, onToggle, buttonRef }: { open: boolean; onToggle(): void; buttonRef: RefObject<HTMLButtonElement | null> }) {
  const t = useT(messages);
  return (
    <button
      ref={buttonRef}
      type="button"
      aria-label={t('openInspector')}
      aria-pressed={open}
      title={t('openInspector')}
      onClick={onToggle}
      className={`inline-flex size-9 shrink-0 items-center justify-center rounded-lg focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none ${
        open
          ? 'bg-indigo-50 text-indigo-700 dark:bg-indigo-950/60 dark:text-indigo-300'
          : 'text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-zinc-100'
      }`}
    >
      <InspectorIcon />
    </button>
  );
}
