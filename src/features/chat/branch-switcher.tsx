import type { ChatController } from '../../core/run/chat-controller';
import { siblingsOf } from '../../core/conversation/tree';
import { useT } from '../../i18n';
import { messages } from './messages';

/** Shows the sibling at `index` among `messageId`'s branches. */
export function selectSibling(controller: ChatController, messageId: string, index: number) {
  const { ids } = siblingsOf(controller.getSnapshot().conversation, messageId);
  if (ids[index]) controller.selectBranch(ids[index]);
}

interface Props {
  index: number;
  count: number;
  disabled: boolean;
  onSelect(index: number): void;
}

/** "‹ 2 / 3 ›" between sibling branches of a message (an edited question, a regenerated answer). */
export function BranchSwitcher({ index, count, disabled, onSelect }: Props) {
  const t = useT(messages);
  if (count < 2) return null;
  const button =
    'grid size-6 place-items-center rounded-md text-zinc-500 hover:bg-zinc-200 hover:text-zinc-900 disabled:opacity-30 disabled:hover:bg-transparent dark:hover:bg-zinc-800 dark:hover:text-zinc-100';
  return (
    <span className="inline-flex items-center gap-0.5 text-xs text-zinc-500 tabular-nums dark:text-zinc-400" role="group" aria-label={t('versions')}>
      <button type="button" aria-label={t('previousVersion')} className={button} disabled={disabled || index === 0} onClick={() => onSelect(index - 1)}>
        ‹
      </button>
      <span data-testid="branch-position">
        {index + 1} / {count}
      </span>
      <button type="button" aria-label={t('nextVersion')} className={button} disabled={disabled || index === count - 1} onClick={() => onSelect(index + 1)}>
        ›
      </button>
    </span>
  );
}
