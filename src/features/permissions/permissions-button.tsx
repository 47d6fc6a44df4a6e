import type { RefObject } from 'react';
import { useT } from '../../i18n';
import { ShieldIcon } from './icons';
import { messages } from './messages';
import { ICON_BUTTON, ICON_BUTTON_IDLE } from '../../ui/icon-button';

/** The header's shield button (accessible name "Permissions") that opens the Tool permissions dialog. */
export function PermissionsButton({ onClick, buttonRef }: { onClick(): void; buttonRef?: RefObject<HTMLButtonElement | null> }) {
  const t = useT(messages);
  return (
    <button
      ref={buttonRef}
      type="button"
      aria-label={t('open')}
      aria-haspopup="dialog"
      title={t('title')}
      onClick={onClick}
      className={`${ICON_BUTTON} ${ICON_BUTTON_IDLE}`}
    >
      <ShieldIcon />
    </button>
  );
}
