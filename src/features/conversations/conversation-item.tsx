import { useEffect, useId, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { SearchHit } from '../../store/persistence/types';
import type { LiveState } from '../../core/run/run-registry';
import { LiveBadge } from './live-badge';
import { intlLocale, useLocale, useT } from '../../i18n';
import { formatWhen } from './format-when';
import { PencilIcon, TrashIcon } from './icons';
import { messages } from './messages';

interface Props {
  conversation: SearchHit;
  href: string;
  active: boolean;
  /** Running here or in another tab: no rename until it ends (and no delete while another tab runs it). */
  busy: boolean;
  runningElsewhere: boolean;
  /** What it is doing in this tab (the badge under the title). */
  live?: LiveState;
  onOpen(id: string): void;
  onOpenApproval(id: string): void;
  onRename(id: string, title: string): void;
  onDelete(id: string): void;
}

const ICON_BUTTON =
  'inline-flex size-8 shrink-0 items-center justify-center rounded-lg text-zinc-500 hover:bg-zinc-200 hover:text-zinc-900 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none disabled:pointer-events-none disabled:opacity-30 dark:text-zinc-400 dark:hover:bg-zinc-700 dark:hover:text-zinc-100';

/** One row: a link that opens the conversation, and Rename / Delete (Rename turns the title into a textbox). */
export function ConversationItem({ conversation: c, href, active, busy, runningElsewhere, live, onOpen, onOpenApproval, onRename, onDelete }: Props) {
  const t = useT(messages);
  const locale = useLocale((s) => s.locale);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(c.title);
  const input = useRef<HTMLInputElement>(null);
  const renameButton = useRef<HTMLButtonElement>(null);
  const titleId = useId();

  useEffect(() => {
    if (editing) input.current?.select();
  }, [editing]);

  const finish = (save: boolean) => {
    if (!editing) return;
    setEditing(false);
    if (save && draft.trim() && draft.trim() !== c.title) onRename(c.id, draft);
    // Back to the button that started it, so keyboard users keep their place.
    requestAnimationFrame(() => renameButton.current?.focus());
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      finish(true);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation(); // the drawer would close on the same Esc
      finish(false);
    }
  };

  const open = (event: MouseEvent<HTMLAnchorElement>) => {
    // Modified clicks keep their browser meaning (new tab / window).
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    onOpen(c.id);
  };

  return (
    <li
      className={`group relative flex items-center rounded-xl ${active ? 'bg-indigo-50 ring-1 ring-indigo-200 dark:bg-indigo-950/50 dark:ring-indigo-900' : 'hover:bg-zinc-100 dark:hover:bg-zinc-800/70'}`}
    >
      {editing ? (
        <div className="min-w-0 flex-1 px-2 py-1.5">
          <input
            ref={input}
            aria-label={t('conversationTitle')}
            value={draft}
            maxLength={200}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={onKeyDown}
            onBlur={() => finish(true)}
            className="w-full rounded-lg border border-indigo-400 bg-white px-2 py-1 text-sm outline-none focus:ring-2 focus:ring-indigo-500/30 dark:bg-zinc-950"
          />
        </div>
      ) : (
        <div className="flex min-w-0 flex-1 flex-col">
        <a
          href={href}
          onClick={open}
          aria-current={active ? 'page' : undefined}
          // Titles use the full width; the row's buttons overlay the end on hover (touch screens keep room for them).
          className="min-w-0 flex-1 rounded-xl py-2 pr-3 pl-3 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none [@media(hover:none)]:pr-20"
        >
          <span id={titleId} className={`block truncate text-sm ${active ? 'font-semibold text-indigo-950 dark:text-indigo-100' : 'font-medium text-zinc-800 dark:text-zinc-200'}`}>
            {c.title}
          </span>
          <span className={`flex items-center gap-1.5 text-xs ${active ? 'text-zinc-600' : 'text-zinc-500'} dark:text-zinc-400`}>
            {runningElsewhere && <span className="size-1.5 animate-pulse rounded-full bg-emerald-500" aria-hidden />}
            {runningElsewhere
              ? t('runningInAnotherTab')
              : t(c.messageCount === 1 ? 'summaryOne' : 'summary', { when: formatWhen(c.updatedAt, Date.now(), intlLocale(locale)), count: c.messageCount })}
          </span>
          {c.snippet && <span className="mt-0.5 line-clamp-2 text-xs break-words text-zinc-600 dark:text-zinc-300">{c.snippet}</span>}
        </a>
        {live && live.kind !== 'idle' && (
          <div className="-mt-1 flex pb-1.5">
            <LiveBadge state={live} title={c.title} onOpenApproval={() => onOpenApproval(c.id)} />
          </div>
        )}
        </div>
      )}
      {!editing && (
        // Always reachable by keyboard; on hover-capable screens they appear with the row.
        <div
          className={`absolute top-1/2 right-1 flex -translate-y-1/2 items-center rounded-lg opacity-100 [@media(hover:hover)]:opacity-0 [@media(hover:hover)]:group-focus-within:opacity-100 [@media(hover:hover)]:group-hover:opacity-100 [@media(hover:none)]:bg-transparent ${active ? 'bg-indigo-50 dark:bg-indigo-950' : 'bg-zinc-100 dark:bg-zinc-800'}`}
        >
          <button
            ref={renameButton}
            type="button"
            aria-label={t('rename')}
            aria-describedby={titleId}
            title={busy ? t('waitForRun') : t('rename')}
            disabled={busy}
            onClick={() => {
              setDraft(c.title);
              setEditing(true);
            }}
            className={ICON_BUTTON}
          >
            <PencilIcon />
          </button>
          <button type="button" aria-label={t('delete')} aria-describedby={titleId} title={runningElsewhere ? t('waitForRun') : t('delete')} disabled={runningElsewhere} onClick={() => onDelete(c.id)} className={ICON_BUTTON}>
            <TrashIcon />
          </button>
        </div>
      )}
    </li>
  );
}
