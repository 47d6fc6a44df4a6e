import { useId } from 'react';
import { formatParts, useT } from '../../i18n';
import { BUTTON } from './field-styles';
import { messages } from './messages';

/** Asks before the key follows a base URL to another host: a base URL can come from someone else. */
export function KeyMoveConfirm({ host, onKeep, onClear }: { host: string; onKeep(): void; onClear(): void }) {
  const t = useT(messages);
  const textId = useId();
  return (
    <div
      role="group"
      aria-labelledby={textId}
      className="flex flex-col gap-2 rounded-xl border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100"
    >
      <p id={textId}>
        {formatParts(t('keyMoveQuestion'), { host: <span key="host" className="font-mono break-all">{host}</span> })}
      </p>
      <p className="text-xs">{t('keyMoveWait')}</p>
      <div className="flex flex-wrap gap-2">
        <button type="button" className={BUTTON} onClick={onKeep}>
          {t('keepKey')}
        </button>
        <button type="button" className={BUTTON} onClick={onClear}>
          {t('clearKey')}
        </button>
      </div>
    </div>
  );
}
