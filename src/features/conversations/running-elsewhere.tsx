import { useT } from '../../i18n';
import { messages } from './messages';

/** In place of the composer while another tab runs this conversation: nothing can be sent or approved here. */
export function RunningElsewhere() {
  const t = useT(messages);
  return (
    <div className="border-t border-zinc-200 bg-white/90 px-3 pt-2 pb-3 backdrop-blur dark:border-zinc-800 dark:bg-zinc-900/90">
      <div className="mx-auto max-w-3xl">
        <p role="status" className="flex min-h-6 items-center gap-2 pb-1 text-xs text-zinc-600 dark:text-zinc-300" data-testid="running-elsewhere">
          <span className="size-2 animate-pulse rounded-full bg-emerald-500" aria-hidden />
          {t('runningElsewhereStatus')}
        </p>
        <div className="flex items-end gap-2 rounded-2xl border border-zinc-200 bg-zinc-50 p-2 dark:border-zinc-800 dark:bg-zinc-950">
          <textarea aria-label={t('message')} rows={1} disabled placeholder={t('runningInAnotherTab')} className="min-h-10 flex-1 resize-none bg-transparent px-2 py-2 text-[15px] outline-none placeholder:text-zinc-400" />
          <button type="button" disabled className="inline-flex h-10 items-center rounded-xl bg-indigo-600 px-4 text-sm font-medium text-white opacity-40">
            {t('send')}
          </button>
        </div>
      </div>
    </div>
  );
}
