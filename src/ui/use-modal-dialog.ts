import { useEffect, useRef, type RefObject } from 'react';

/**
 * Opens a native <dialog> as a modal on mount: focus moves to `initialFocus`, Esc / close() end in one
 * `close` event that calls onClose once, and focus goes back to `returnFocusTo` or the opener.
 */
export function useModalDialog(opts: {
  onClose(): void;
  initialFocus: RefObject<HTMLElement | null>;
  returnFocusTo?: RefObject<HTMLElement | null>;
}): RefObject<HTMLDialogElement | null> {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const latest = useRef(opts);
  useEffect(() => {
    latest.current = opts;
  });
  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // A close queued by an earlier cleanup (StrictMode remount) can land after the dialog reopened.
    const handleClose = () => {
      if (!dialog.open) latest.current.onClose();
    };
    dialog.addEventListener('close', handleClose);
    if (!dialog.open) dialog.showModal();
    latest.current.initialFocus.current?.focus();
    return () => {
      dialog.removeEventListener('close', handleClose);
      if (dialog.open) dialog.close();
      const target = latest.current.returnFocusTo?.current ?? opener;
      if (target?.isConnected) target.focus();
    };
  }, []);
  return dialogRef;
}
