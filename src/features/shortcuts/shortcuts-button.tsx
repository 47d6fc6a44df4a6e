import { useT } from '../../i18n';
import { messages } from './messages';
import { HELP_KEY } from './shortcut-list';

/** A quiet sidebar button that opens the shortcut list, for those who do not know about `?`. */
export function ShortcutsButton({ onClick }: { onClick(): void }) {
  const t = useT(messages);
  return (
    <button
      type="button"
      onClick={onClick}
      aria-haspopup="dialog"
      aria-keyshortcuts={HELP_KEY}
      className="flex w-full items-center justify-between gap-2 rounded-lg px-2 py-1.5 text-sm font-medium text-zinc-700 hover:bg-zinc-100 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none dark:text-zinc-300 dark:hover:bg-zinc-800"
    >
      <span className="inline-flex items-center gap-2">
        <KeyboardIcon />
        {t('open')}
      </span>
      <kbd aria-hidden="true" className="rounded border border-zinc-300 px-1.5 font-sans text-xs text-zinc-600 dark:border-zinc-600 dark:text-zinc-400">
        {HELP_KEY}
      </kbd>
    </button>
  );
}

function KeyboardIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" className="size-4 shrink-0">
      <rect x="2.5" y="6" width="19" height="12" rx="2" />
      <path d="M6.5 10h.01M10 10h.01M14 10h.01M17.5 10h.01M6.5 14h.01M17.5 14h.01M9.5 14h5" />
    </svg>
  );
}
