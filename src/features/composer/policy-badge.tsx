import type { Permission } from '../../core/permissions';
import { useT } from '../../i18n';
import { slashMessages } from './slash-messages';

/** Whether a tool will ask first or run at once, as the menu and the form both show it. */
export function PolicyBadge({ permission, className = '' }: { permission: Permission; className?: string }) {
  const t = useT(slashMessages);
  const ask = permission === 'ask';
  return (
    <span
      className={`rounded-full px-2 py-0.5 text-[11px] font-medium ${className} ${
        ask ? 'bg-amber-100 text-amber-900 dark:bg-amber-900/50 dark:text-amber-200' : 'bg-zinc-100 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300'
      }`}
    >
      {ask ? t('asksFirst') : t('runsAtOnce')}
    </span>
  );
}
