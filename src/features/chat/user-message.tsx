import { memo, useState, type KeyboardEvent } from 'react';
import type { UserMessage as UserMessageData } from '../../core/conversation/types';
import type { ChatController } from '../../core/run/chat-controller';
import { BranchSwitcher, selectSibling } from './branch-switcher';
import { useT } from '../../i18n';
import { messages } from './messages';

interface Props {
  message: UserMessageData;
  branchIndex: number;
  branchCount: number;
  idle: boolean;
  controller: ChatController;
}

/** The user's own words, shown as typed (plain text, never markdown), editable into a new branch. */
export const UserMessage = memo(function UserMessage({ message, branchIndex, branchCount, idle, controller }: Props) {
  const t = useT(messages);
  const [draft, setDraft] = useState<string | null>(null);
  const save = () => {
    if (draft === null || !draft.trim()) return;
    controller.editAndResend(message.id, draft);
    setDraft(null);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      save();
    } else if (e.key === 'Escape') {
      e.stopPropagation();
      setDraft(null);
    }
  };
  if (draft !== null)
    return (
      <div className="flex flex-col items-end gap-2" data-role="user">
        <textarea
          aria-label={t('editMessage')}
          autoFocus
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={onKeyDown}
          className="field-sizing-content min-h-16 w-full max-w-[85%] rounded-2xl border border-indigo-400 bg-white px-4 py-2.5 text-[15px] outline-none focus:ring-2 focus:ring-indigo-500/30 dark:bg-zinc-900"
        />
        <div className="flex gap-2">
          <button type="button" onClick={() => setDraft(null)} className="rounded-lg px-3 py-1.5 text-sm font-medium text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800">
            {t('cancel')}
          </button>
          <button type="button" onClick={save} disabled={!draft.trim() || !idle} className="rounded-lg bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-500 disabled:opacity-40">
            {t('saveAndSend')}
          </button>
        </div>
      </div>
    );
  return (
    <div className="group flex flex-col items-end gap-1">
      <div data-role="user" className="max-w-[85%] rounded-2xl rounded-br-md bg-indigo-600 px-4 py-2.5 text-[15px] whitespace-pre-wrap break-words text-white shadow-sm">
        {message.text}
      </div>
      <div className="flex items-center gap-1">
        <BranchSwitcher index={branchIndex} count={branchCount} disabled={!idle} onSelect={(i) => selectSibling(controller, message.id, i)} />
        {idle && (
          <button type="button" onClick={() => setDraft(message.text)} aria-label={t('editMessage')} className="rounded-md px-2 py-0.5 text-xs font-medium text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100">
            {t('edit')}
          </button>
        )}
      </div>
    </div>
  );
});
