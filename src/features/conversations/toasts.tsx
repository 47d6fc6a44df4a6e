import { useEffect, type ReactNode } from 'react';
import { useT } from '../../i18n';
import { messages } from './messages';

const TOAST =
  'pointer-events-auto flex items-center gap-3 rounded-xl bg-zinc-900 px-4 py-2.5 text-sm text-white shadow-lg dark:bg-zinc-100 dark:text-zinc-900';
const TOAST_BUTTON = 'rounded-md px-2 py-0.5 font-semibold text-indigo-300 hover:bg-white/10 dark:text-indigo-700 dark:hover:bg-zinc-900/10';

/** The bottom-centre stack for transient messages, above the composer. */
export function ToastArea({ children }: { children: ReactNode }) {
  return <div className="pointer-events-none fixed inset-x-0 bottom-28 z-40 flex flex-col items-center gap-2 px-3">{children}</div>;
}

/** "Conversation deleted. Undo" while the delete can still be taken back. */
export function UndoToast({ title, onUndo }: { title: string; onUndo(): void }) {
  const t = useT(messages);
  return (
    <div role="status" className={TOAST}>
      <span className="min-w-0">
        {t('conversationDeleted')}
        <span className="sr-only"> {title}</span>
      </span>
      <button type="button" onClick={onUndo} className={TOAST_BUTTON}>
        {t('undo')}
      </button>
    </div>
  );
}

const NOTICE_MS = 6000;

/** A short note that goes away on its own. */
export function NoticeToast({ text, onDismiss }: { text: string; onDismiss(): void }) {
  const t = useT(messages);
  useEffect(() => {
    const timer = setTimeout(onDismiss, NOTICE_MS);
    return () => clearTimeout(timer);
  }, [text, onDismiss]);
  return (
    <div role="status" data-testid="notice" className={TOAST}>
      <span className="min-w-0">{text}</span>
      <button type="button" aria-label={t('dismissNote')} onClick={onDismiss} className={TOAST_BUTTON}>
        {t('ok')}
      </button>
    </div>
  );
}
