import type { AssistantMessage } from '../../core/conversation/types';
import type { ChatController } from '../../core/run/chat-controller';
import { useT } from '../../i18n';
import { CopyButton } from '../copy/copy-button';
import { answerActionMessages } from './answer-actions-messages';

/** The answer's words as written: every text part of every round, in order. */
export function answerMarkdown(turn: AssistantMessage): string {
  return turn.rounds
    .flatMap((round) => round.parts.flatMap((part) => (part.type === 'text' && part.text.trim() ? [part.text.trim()] : [])))
    .join('\n\n');
}

// Plain text needs a markdown parser: it comes with the renderer's chunk, on the first click.
const plainText = async (markdown: string) => (await import('./markdown/plain-text')).markdownToPlainText(markdown);

interface Props {
  turn: AssistantMessage;
  isLast: boolean;
  idle: boolean;
  controller: ChatController;
}

/**
 * Copy (as Markdown), Copy as text, and on earlier answers "Branch from here" (the last answer has
 * Regenerate in its footer). Hidden while the answer streams.
 */
export function AnswerActions({ turn, isLast, idle, controller }: Props) {
  const t = useT(answerActionMessages);
  const markdown = answerMarkdown(turn);
  if (!markdown) return null;
  return (
    <div role="group" aria-label={t('actions')} className="mt-1 flex flex-wrap items-center gap-1 text-xs" data-testid="answer-actions">
      <CopyButton text={() => answerMarkdown(turn)} label={t('copy')} ariaLabel={t('copyMarkdown')} />
      <CopyButton text={() => plainText(answerMarkdown(turn))} label={t('copyText')} ariaLabel={t('copyPlain')} />
      {!isLast && idle && !turn.direct && (
        <button
          type="button"
          title={t('branchHint')}
          onClick={() => controller.branchFrom(turn.id)}
          className="shrink-0 rounded-md px-2 py-1 text-xs font-medium text-zinc-600 transition-colors hover:bg-zinc-200 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-zinc-400 dark:hover:bg-zinc-700 dark:hover:text-zinc-100"
        >
          {t('branch')}
        </button>
      )}
    </div>
  );
}
