import type { RefObject } from 'react';
import { useT } from '../../i18n';
import { InspectorIcon } from './icons';
import { buttonMessages } from './button-messages';
import { ICON_BUTTON, ICON_BUTTON_IDLE } from '../../ui/icon-button';

/** The header's icon button that opens and closes the inspector. */
export function InspectorButton({ open, onToggle, buttonRef }: { open: boolean; onToggle(): void; buttonRef: RefObject<HTMLButtonElement | null> }) {
  const t = useT(buttonMessages);
  return (
    <button
      ref={buttonRef}
      type="button"
      aria-label={t('openInspector')}
      aria-pressed={open}
      title={t('openInspector')}
      onClick={onToggle}
      className={`${ICON_BUTTON} ${open ? 'bg-indigo-50 text-indigo-700 dark:bg-indigo-950/60 dark:text-indigo-300' : ICON_BUTTON_IDLE}`}
    >
      <InspectorIcon />
    </button>
  );
}
