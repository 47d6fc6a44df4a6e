import { useEffect, useRef, type KeyboardEvent, type MouseEvent, type RefObject } from 'react';

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

/**
 * Props for a modal <dialog> that closes on Esc (unless something inside already used the key, like
 * a menu) and on a press on the backdrop that starts and ends there, so a text selection dragged out
 * of the dialog does not close it.
 */
export function useDialogDismiss(dialogRef: RefObject<HTMLDialogElement | null>) {
  const pressedBackdrop = useRef(false);
  const close = () => dialogRef.current?.close();
  return {
    onKeyDown(event: KeyboardEvent<HTMLDialogElement>) {
      if (event.key === 'Escape' && !event.defaultPrevented) {
        event.preventDefault();
        close();
      }
    },
    onMouseDown(event: MouseEvent<HTMLDialogElement>) {
      pressedBackdrop.current = event.target === dialogRef.current;
    },
    onClick(event: MouseEvent<HTMLDialogElement>) {
      if (pressedBackdrop.current && event.target === dialogRef.current) close();
      pressedBackdrop.current = false;
    },
  };
}

/** A centred modal panel that scrolls inside a phone's height; add a max width (e.g. max-w-lg). */
export const MODAL_PANEL =
  'm-auto max-h-[calc(100dvh-1.5rem)] w-[calc(100%-1.5rem)] overflow-y-auto rounded-xl border border-zinc-200 bg-white p-0 text-zinc-900 shadow-2xl backdrop:bg-zinc-950/50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100';
