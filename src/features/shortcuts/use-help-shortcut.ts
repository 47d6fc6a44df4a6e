import { useEffect, useRef } from 'react';
import { HELP_KEY, isTextField } from './shortcut-list';

/** Calls `open` when `?` is pressed outside text fields and dialogs (where it must type or do nothing). */
export function useHelpShortcut(open: () => void) {
  const latest = useRef(open);
  useEffect(() => {
    latest.current = open;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== HELP_KEY || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTextField(event.target instanceof Element ? event.target : null)) return;
      if (document.querySelector('dialog[open]')) return;
      event.preventDefault();
      latest.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
