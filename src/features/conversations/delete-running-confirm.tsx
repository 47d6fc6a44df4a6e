import { useId, useRef } from 'react';
import { MODAL_PANEL, useDialogDismiss, useModalDialog } from '../../ui/use-modal-dialog';
import { useT } from '../../i18n';
import { messages } from './messages';

/** Asks before deleting a conversation whose run is in flight here: deleting stops the run first. */
export function DeleteRunningConfirm({ title, onConfirm, onClose }: { title: string; onConfirm(): void; onClose(): void }) {
  const t = useT(messages);
  const cancelRef = useRef<HTMLButtonElement>(null);
  // Cancel has the focus: Enter on a stray key press must not delete a running conversation.
  const dialogRef = useModalDialog({ onClose, initialFocus: cancelRef });
  const dismiss = useDialogDismiss(dialogRef);
  const titleId = useId();
  const bodyId = useId();
  return (
    <dialog ref={dialogRef} aria-labelledby={titleId} aria-describedby={bodyId} {...dismiss} className={`max-w-sm ${MODAL_PANEL}`}>
      <div className="flex flex-col gap-3 p-4">
        <h2 id={titleId} className="text-base font-semibold">
          {t('deleteRunningTitle')}
        </h2>
        <p id={bodyId} className="text-sm text-zinc-600 dark:text-zinc-300">
          {t('deleteRunningBody', { title })}
        </p>
        <div className="flex justify-end gap-2">
          <button
            ref={cancelRef}
            type="button"
            onClick={() => dialogRef.current?.close()}
            className="rounded-lg border border-zinc-300 px-3 py-1.5 text-sm font-medium hover:bg-zinc-100 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none dark:border-zinc-600 dark:hover:bg-zinc-800"
          >
            {t('cancel')}
          </button>
          <button
            type="button"
            onClick={() => {
              onConfirm();
              dialogRef.current?.close();
            }}
            className="rounded-lg bg-red-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-500 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:ring-offset-2 focus-visible:outline-none"
          >
            {t('stopAndDelete')}
          </button>
        </div>
      </div>
    </dialog>
  );
}
