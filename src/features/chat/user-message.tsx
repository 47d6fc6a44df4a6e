import { memo, useId, useState, type KeyboardEvent } from 'react';
import type { UserMessage as UserMessageData } from '../../core/conversation/types';
import type { ChatController } from '../../core/run/chat-controller';
import { BranchSwitcher, selectSibling } from './branch-switcher';
import { useT } from '../../i18n';
import { messages } from './messages';
import { parseCommand } from '../../core/commands';
import { describeSlashError } from '../composer/slash-errors';
import { slashMessages } from '../composer/slash-messages';
import { CopyButton } from '../copy/copy-button';
import { answerActionMessages } from './answer-actions-messages';

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
  const tSlash = useT(slashMessages);
  const tActions = useT(answerActionMessages);
  const errorId = useId();
  const [draft, setDraftText] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const setDraft = (text: string | null) => {
    setDraftText(text);
    setProblem(null);
  };
  // An edit is read like the composer reads a message: "/tool {json}" runs the tool again directly.
  const save = async () => {
    if (draft === null || !draft.trim()) return;
    const parsed = parseCommand(draft, controller.commandTools().map((entry) => entry.tool));
    if (parsed.kind === 'message') {
      if (controller.editAndResend(message.id, parsed.text)) setDraft(null);
      return;
    }
    if (parsed.kind === 'error') return setProblem(describeSlashError(tSlash, parsed.error, parsed.error.code === 'unknown-tool' ? parsed.error.name : ''));
    const refusal = await controller.runTool(parsed.name, parsed.args, draft.trim(), message.id);
    if (refusal) setProblem(describeSlashError(tSlash, refusal, parsed.name));
    else setDraft(null);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      void save();
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
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? errorId : undefined}
          className="field-sizing-content min-h-16 w-full max-w-[85%] rounded-2xl border border-indigo-400 bg-white px-4 py-2.5 text-[15px] outline-none focus:ring-2 focus:ring-indigo-500/30 dark:bg-zinc-900"
        />
        {problem && (
          <p id={errorId} role="alert" className="max-w-[85%] text-xs break-words text-red-700 dark:text-red-300">
            {problem}
          </p>
        )}
        <div className="flex gap-2">
          <button type="button" onClick={() => setDraft(null)} className="rounded-lg px-3 py-1.5 text-sm font-medium text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800">
            {t('cancel')}
          </button>
          <button type="button" onClick={() => void save()} disabled={!draft.trim() || !idle} className="rounded-lg bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-500 disabled:opacity-40">
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
        <CopyButton text={() => message.text} label={tActions('copy')} ariaLabel={tActions('copyMessage')} />
        {idle && (
          <button type="button" onClick={() => setDraft(message.text)} aria-label={t('editMessage')} className="rounded-md px-2 py-0.5 text-xs font-medium text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100">
            {t('edit')}
          </button>
        )}
      </div>
    </div>
  );
});
