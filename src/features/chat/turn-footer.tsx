import type { AssistantMessage } from '../../core/conversation/types';
import { DEMO_LABEL } from '../../core/protocols/demo-model';
import { useLocale, useT } from '../../i18n';
import { explainModelError } from '../../ui/model-error/explain';
import { messages } from './messages';
import { directRunMessages } from './direct-run-messages';
import { noticeText } from './notice-text';
import type { ChatController } from '../../core/run/chat-controller';
import { BranchSwitcher, selectSibling } from './branch-switcher';
import { CutOffNote } from './cut-off-note';

interface Props {
  turn: AssistantMessage;
  isLast: boolean;
  idle: boolean;
  canAct: boolean;
  controller: ChatController;
  onOpenSettings(): void;
  branchIndex: number;
  branchCount: number;
}

/** What became of a turn: stopped / failed with Retry / a notice, and Regenerate on the latest answer. */
export function TurnFooter({ turn, isLast, idle, canAct, controller, onOpenSettings, branchIndex, branchCount }: Props) {
  // A bad key, or a model / base URL the server does not know, is fixed in Settings, not by retrying.
  const keyProblem = turn.error && (turn.error.kind === 'auth' || turn.error.kind === 'forbidden' || turn.error.kind === 'not_found');
  const t = useT(messages);
  const tDirect = useT(directRunMessages);
  const locale = useLocale((s) => s.locale);
  const explanation = turn.error ? explainModelError(turn.error, locale) : null;
  return (
    <div className="mt-2 space-y-2">
      <CutOffNote turn={turn} canContinue={isLast && idle && canAct} onContinue={() => controller.continueTurn()} />
      {turn.outcome === 'stopped' && (
        <p className="inline-flex items-center gap-1.5 rounded-md bg-zinc-100 px-2 py-1 text-xs font-medium text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300" data-testid="stopped-marker">
          <span className="size-2 rounded-[2px] bg-current" aria-hidden /> {t('stopped')}
        </p>
      )}
      {turn.error && (
        <div role="alert" className="rounded-xl border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-900 dark:bg-red-950/40 dark:text-red-200">
          <p className="font-medium">{t('somethingWentWrong')}</p>
          {explanation && <p className="mt-0.5 break-words">{explanation}</p>}
          {/* The provider's own words stay as sent; under a translated explanation they are the detail. */}
          <p className={explanation ? 'mt-1 text-xs break-words opacity-80' : 'mt-0.5 break-words'}>{turn.error.message}</p>
          {isLast && idle && (
            <div className="mt-2 flex flex-wrap gap-2">
              <button type="button" onClick={() => controller.retry()} className="rounded-lg bg-red-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-500">
                {t('retry')}
              </button>
              {keyProblem && (
                <button type="button" onClick={onOpenSettings} className="rounded-lg border border-red-300 px-3 py-1.5 text-sm font-medium hover:bg-red-100 dark:border-red-800 dark:hover:bg-red-900/40">
                  {t('openSettings')}
                </button>
              )}
            </div>
          )}
        </div>
      )}
      {(turn.notice || turn.noticeCode) && (
        <p role="note" className="rounded-xl border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950/40 dark:text-amber-200">
          {noticeText(turn.noticeCode, turn.notice, t)}
        </p>
      )}
      {(branchCount > 1 || (isLast && idle && turn.outcome && turn.outcome !== 'failed')) && (
        <div className="flex items-center gap-3 text-xs text-zinc-500 dark:text-zinc-400">
          <BranchSwitcher index={branchIndex} count={branchCount} disabled={!idle} onSelect={(i) => selectSibling(controller, turn.id, i)} />
          <span>{turn.model === DEMO_LABEL ? t('demoLabel') : turn.model}</span>
          {isLast && idle && turn.outcome !== 'failed' && <button type="button" onClick={() => controller.regenerate()} className="rounded-md px-2 py-1 font-medium text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-white">
            <span aria-hidden>↻</span> {turn.direct ? tDirect('runAgain') : t('regenerate')}
          </button>}
        </div>
      )}
    </div>
  );
}
