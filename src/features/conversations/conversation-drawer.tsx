import { useEffect, useRef, type ReactNode } from 'react';
import { useT } from '../../i18n';
import { CloseIcon } from './icons';
import { messages } from './messages';

interface Props {
  open: boolean;
  onClose(): void;
  children: ReactNode;
}

const DESKTOP = '(min-width: 768px)';

/** The conversation list on phones: a modal drawer from the left (Esc, the backdrop or Close dismiss it). */
export function ConversationDrawer({ open, onClose, children }: Props) {
  if (!open) return null;
  return <OpenDrawer onClose={onClose}>{children}</OpenDrawer>;
}

function OpenDrawer({ onClose, children }: Omit<Props, 'open'>) {
  const t = useT(messages);
  const ref = useRef<HTMLDialogElement>(null);
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const handleClose = () => onCloseRef.current();
    dialog.addEventListener('close', handleClose);
    if (!dialog.open) dialog.showModal();
    // Widening the window past the phone layout shows the sidebar column instead.
    const desktop = window.matchMedia?.(DESKTOP);
    const onWiden = () => desktop?.matches && dialog.close();
    desktop?.addEventListener('change', onWiden);
    return () => {
      dialog.removeEventListener('close', handleClose);
      desktop?.removeEventListener('change', onWiden);
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      aria-label={t('conversations')}
      onClick={(event) => {
        if (event.target === ref.current) ref.current?.close(); // the backdrop
      }}
      className="m-0 h-dvh max-h-none w-[min(22rem,88vw)] max-w-none border-r border-zinc-200 bg-zinc-50 p-0 text-zinc-900 shadow-2xl backdrop:bg-zinc-950/50 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100"
    >
      <div className="flex h-full flex-col">
        <div className="flex items-center justify-between border-b border-zinc-200 px-3 py-2 dark:border-zinc-800">
          <h2 className="text-sm font-semibold">{t('conversations')}</h2>
          <button
            type="button"
            aria-label={t('close')}
            onClick={() => ref.current?.close()}
            className="inline-flex size-9 items-center justify-center rounded-lg text-zinc-600 hover:bg-zinc-200 dark:text-zinc-300 dark:hover:bg-zinc-800"
          >
            <CloseIcon />
          </button>
        </div>
        <div className="min-h-0 flex-1">{children}</div>
      </div>
    </dialog>
  );
}
