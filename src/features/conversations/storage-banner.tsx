import { useState } from 'react';
import type { StorageFault } from '../../store/persistence/types';
import { useT } from '../../i18n';
import { messages } from './messages';

/** Says plainly that nothing is being saved, and offers to try again. */
export function StorageBanner({ fault, onRetry }: { fault: StorageFault; onRetry(): Promise<boolean> }) {
  const t = useT(messages);
  const [retrying, setRetrying] = useState(false);
  const [failedAgain, setFailedAgain] = useState(false);
  const retry = async () => {
    setRetrying(true);
    const ok = await onRetry();
    setRetrying(false);
    setFailedAgain(!ok);
  };
  return (
    <div role="alert" data-testid="storage-banner" className="border-b border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/60 dark:text-amber-100">
      <div className="mx-auto flex max-w-3xl flex-wrap items-center gap-x-3 gap-y-1.5">
        <p className="min-w-0 flex-1 basis-64">
          {fault.detail ? t('otherWithDetail', { detail: fault.detail }) : t(fault.kind)}
          {failedAgain && !retrying && <span className="block text-xs opacity-80">{t('stillNotSaving')}</span>}
        </p>
        <button
          type="button"
          onClick={() => void retry()}
          disabled={retrying}
          aria-busy={retrying}
          className="shrink-0 rounded-lg border border-amber-400 bg-white px-3 py-1 text-sm font-medium hover:bg-amber-100 disabled:opacity-60 dark:border-amber-700 dark:bg-amber-900/40 dark:hover:bg-amber-900"
        >
          {t('retrySaving')}
        </button>
      </div>
    </div>
  );
}
