import type { AssistantMessage } from '../../core/conversation/types';
import { isCutOff } from '../../core/conversation/transcript';
import { defineMessages, useT } from '../../i18n';

export const cutOffMessages = defineMessages(
  {
    cutOff: "Cut off at the model's output limit",
    continue: 'Continue',
    continueTitle: 'Ask the model to go on where it stopped, in this same answer',
  },
  {
    cutOff: '已在模型的输出上限处截断',
    continue: '继续',
    continueTitle: '让模型从中断处接着写，续写在同一个回答里',
  },
);

interface Props {
  turn: AssistantMessage;
  /** The user can continue it now: the latest answer, no run in flight, written by this tab. */
  canContinue: boolean;
  onContinue(): void;
}

/**
 * The end of an answer that hit the token limit (`length` / `max_tokens`): says so, and offers
 * Continue, which extends this same answer (see ChatController.continueTurn).
 */
export function CutOffNote({ turn, canContinue, onContinue }: Props) {
  const t = useT(cutOffMessages);
  if (!isCutOff(turn) || turn.outcome === 'stopped') return null;
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="cut-off">
      <p className="inline-flex items-center gap-1.5 rounded-md bg-amber-50 px-2 py-1 text-xs font-medium text-amber-900 dark:bg-amber-950/50 dark:text-amber-200">
        <span aria-hidden>✂</span> {t('cutOff')}
      </p>
      {canContinue && turn.outcome !== 'failed' && (
        <button
          type="button"
          onClick={onContinue}
          title={t('continueTitle')}
          className="rounded-lg bg-indigo-600 px-3 py-1 text-sm font-medium text-white hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500"
        >
          {t('continue')} <span aria-hidden>→</span>
        </button>
      )}
    </div>
  );
}
