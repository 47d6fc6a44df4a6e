import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { useT } from '../../i18n';
import { copyMessages } from './messages';

type CopyStatus = 'idle' | 'copied' | 'selected' | 'failed';
const RESET_MS: Record<CopyStatus, number> = { idle: 0, copied: 1500, selected: 4000, failed: 4000 };

export interface CopyButtonProps {
  /** The text to copy; may be computed lazily (e.g. plain text from markdown). */
  text: () => string | Promise<string>;
  /** The visible label at rest ("Copy", "Copy as text"). */
  label: ReactNode;
  /** The accessible name when the label alone would be ambiguous ("Copy code"). */
  ariaLabel?: string;
  /** Selected for the user to copy by hand when the clipboard refuses. */
  fallbackTarget?: RefObject<HTMLElement | null>;
  className?: string;
}

const BASE =
  'shrink-0 rounded-md px-2 py-1 text-xs font-medium text-zinc-600 transition-colors hover:bg-zinc-200 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-zinc-400 dark:hover:bg-zinc-700 dark:hover:text-zinc-100';

/**
 * A button that puts text on the clipboard and says "Copied" for a moment (and tells screen
 * readers). When the clipboard is refused (no permission, an insecure context) it selects the
 * fallback target so Ctrl+C finishes the job, or says how to copy by hand.
 */
export function CopyButton({ text, label, ariaLabel, fallbackTarget, className }: CopyButtonProps) {
  const t = useT(copyMessages);
  const [status, setStatus] = useState<CopyStatus>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const show = (next: CopyStatus) => {
    setStatus(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setStatus('idle'), RESET_MS[next]);
  };

  const copy = async () => {
    try {
      if (!navigator.clipboard?.writeText) throw new Error('Clipboard unavailable');
      await navigator.clipboard.writeText(await text());
      show('copied');
    } catch {
      const selection = window.getSelection();
      const target = fallbackTarget?.current;
      if (target && selection) {
        selection.selectAllChildren(target);
        show('selected');
      } else show('failed');
    }
  };

  const announcement =
    status === 'copied' ? t('copiedAnnouncement') : status === 'selected' ? t('selectedAnnouncement') : status === 'failed' ? t('copyFailed') : '';
  return (
    <>
      <button type="button" aria-label={ariaLabel} onClick={() => void copy()} className={className ?? BASE}>
        {status === 'copied' ? t('copied') : status === 'selected' ? t('selected') : label}
      </button>
      <span role="status" aria-live="polite" className="sr-only">
        {announcement}
      </span>
    </>
  );
}
