import { useEffect, useState, type ReactNode } from 'react';
import type { StoreApi } from 'zustand';
import { isBusy, useConversations, visibleConversations, type ConversationsState } from '../../store/conversations-store';
import { useT } from '../../i18n';
import { ConversationItem } from './conversation-item';
import { DeleteRunningConfirm } from './delete-running-confirm';
import { PlusIcon, SearchIcon } from './icons';
import { messages } from './messages';
import type { ConversationActions } from './types';

export interface ConversationSidebarProps {
  store: StoreApi<ConversationsState>;
  actions: ConversationActions;
  hrefFor(id: string): string;
  newChatDisabled: boolean;
  /** 'desktop': the header has New chat on phones, so this one shows from md up; 'always': in the phone drawer. */
  newChatVisible: 'desktop' | 'always';
  /** Called after a conversation was opened or a new chat started (the phone drawer closes). */
  onChosen?(): void;
  /** Extra controls under the list (export / import). */
  footer?: ReactNode;
}

const SEARCH_DEBOUNCE_MS = 150;

/** Search, New chat and the list of conversations, newest first. */
export function ConversationSidebar({ store, actions, hrefFor, newChatDisabled, newChatVisible, onChosen, footer }: ConversationSidebarProps) {
  const t = useT(messages);
  const state = useConversations(store, (s) => s);
  const items = visibleConversations(state);
  const [query, setQuery] = useState(state.query);
  // A conversation running here is deleted only after the user confirms (deleting stops the run).
  const [confirming, setConfirming] = useState<{ id: string; title: string } | null>(null);

  useEffect(() => {
    if (query === store.getState().query) return;
    const timer = setTimeout(() => void actions.search(query), query ? SEARCH_DEBOUNCE_MS : 0);
    return () => clearTimeout(timer);
  }, [query, actions, store]);

  const searching = state.hits !== null && query.trim() !== '';
  return (
    <div className="flex h-full min-h-0 flex-col gap-2 p-2">
      <div className="flex items-center gap-2">
        <label className="relative min-w-0 flex-1">
          <span className="pointer-events-none absolute top-1/2 left-2.5 -translate-y-1/2 text-zinc-400">
            <SearchIcon />
          </span>
          <input
            type="search"
            aria-label={t('searchConversations')}
            placeholder={t('search')}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            className="w-full rounded-xl border border-zinc-200 bg-white py-1.5 pr-2 pl-8 text-sm outline-none placeholder:text-zinc-400 focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/20 dark:border-zinc-700 dark:bg-zinc-950"
          />
        </label>
        <button
          type="button"
          disabled={newChatDisabled}
          onClick={() => {
            if (actions.newChat()) onChosen?.();
          }}
          className={`${newChatVisible === 'desktop' ? 'hidden md:inline-flex' : 'inline-flex'} h-8 shrink-0 items-center gap-1 rounded-xl bg-indigo-600 px-3 text-sm font-medium whitespace-nowrap text-white hover:bg-indigo-500 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:ring-offset-2 focus-visible:outline-none disabled:opacity-40 dark:focus-visible:ring-offset-zinc-900`}
        >
          <PlusIcon /> {t('newChat')}
        </button>
      </div>

      <nav aria-label={t('conversations')} className="-mx-1 min-h-0 flex-1 overflow-y-auto px-1">
        {items.length > 0 ? (
          <ul className="space-y-0.5">
            {items.map((c) => (
              <ConversationItem
                key={c.id}
                conversation={c}
                href={hrefFor(c.id)}
                active={c.id === state.activeId}
                busy={isBusy(state, c.id)}
                runningElsewhere={state.runningElsewhere.includes(c.id)}
                live={state.live[c.id]}
                onOpen={(id) => {
                  if (actions.navigate(id)) onChosen?.();
                }}
                onOpenApproval={(id) => {
                  if (actions.navigate(id, { focusApproval: true })) onChosen?.();
                }}
                onRename={(id, title) => void actions.rename(id, title)}
                onDelete={(id) => {
                  if (store.getState().runningHere.includes(id)) setConfirming({ id, title: c.title });
                  else actions.remove(id);
                }}
              />
            ))}
          </ul>
        ) : (
          <p className="px-3 py-6 text-center text-sm text-zinc-500 dark:text-zinc-400">
            {searching ? t('noMatch', { query: query.trim() }) : t('noneYet')}
          </p>
        )}
      </nav>

      {confirming && (
        <DeleteRunningConfirm title={confirming.title} onConfirm={() => actions.remove(confirming.id)} onClose={() => setConfirming(null)} />
      )}
      {state.persistNote && (
        <div role="note" className="rounded-xl border border-zinc-200 bg-white p-2.5 text-xs text-zinc-600 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-300">
          <p>{state.persistNote}</p>
          <button type="button" onClick={actions.dismissPersistNote} className="mt-1 font-medium text-indigo-700 hover:underline dark:text-indigo-300">
            {t('gotIt')}
          </button>
        </div>
      )}
      {footer}
    </div>
  );
}
