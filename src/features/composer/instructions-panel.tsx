import { useState } from 'react';
import type { StoreApi } from 'zustand';
import type { ChatController, ChatSnapshot } from '../../core/run/chat-controller';
import { useChat } from '../../store/chat-store';
import { useT } from '../../i18n';
import { messages } from './messages';

/** This conversation's own instructions (its system prompt), edited between runs and saved with it. */
export function InstructionsPanel({ store, controller, onDone }: { store: StoreApi<ChatSnapshot>; controller: ChatController; onDone(): void }) {
  const t = useT(messages);
  const saved = useChat(store, (s) => s.conversation.systemPrompt ?? '');
  const idle = useChat(store, (s) => s.run.phase === 'idle');
  const [draft, setDraft] = useState(saved);
  const save = () => {
    if (controller.setSystemPrompt(draft)) onDone();
  };
  return (
    <div className="mb-2 space-y-2 rounded-xl border border-zinc-200 bg-zinc-50 p-3 dark:border-zinc-800 dark:bg-zinc-900">
      <label className="block text-sm font-medium" htmlFor="conversation-instructions">
        {t('instructionsLabel')}
      </label>
      <textarea
        id="conversation-instructions"
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        rows={3}
        placeholder={t('instructionsPlaceholder')}
        className="w-full resize-y rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm outline-none focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30 dark:border-zinc-700 dark:bg-zinc-950"
      />
      <p className="text-xs text-zinc-500 dark:text-zinc-400">{t('instructionsHelp')}</p>
      <div className="flex justify-end gap-2">
        <button type="button" onClick={onDone} className="rounded-lg px-3 py-1.5 text-sm font-medium text-zinc-600 hover:bg-zinc-200 dark:text-zinc-300 dark:hover:bg-zinc-800">
          {t('cancel')}
        </button>
        <button type="button" onClick={save} disabled={!idle} className="rounded-lg bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-500 disabled:opacity-40">
          {t('saveInstructions')}
        </button>
      </div>
    </div>
  );
}
