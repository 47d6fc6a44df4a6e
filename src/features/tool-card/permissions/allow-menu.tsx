import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useT } from '../../../i18n';
import { messages } from './messages';

export type AllowScope = 'conversation' | 'always';

const SCOPES: readonly AllowScope[] = ['conversation', 'always'];

/**
 * Joins the Approve button (children) with a menu of approvals the app remembers: "Allow for this
 * conversation" and "Always allow". Without `onAllow` it renders the button alone.
 */
export function AllowMenu({ children, onAllow }: { children: ReactNode; onAllow?: (scope: AllowScope) => void }) {
  const t = useT(messages);
  const [open, setOpen] = useState(false);
  const wrapRef = useRef<HTMLDivElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const itemRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const [focusIndex, setFocusIndex] = useState(0);
  const menuId = useId();
  const hintId = useId();

  useEffect(() => {
    if (!open) return;
    itemRefs.current[focusIndex]?.focus();
  }, [open, focusIndex]);

  useEffect(() => {
    if (!open) return;
    // jsdom has no scrollIntoView; browsers do.
    wrapRef.current?.querySelector('[role="menu"]')?.scrollIntoView?.({ block: 'nearest' });
    const onPointerDown = (event: PointerEvent) => {
      if (!wrapRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  if (!onAllow) return <>{children}</>;

  const openAt = (index: number) => {
    setFocusIndex(index);
    setOpen(true);
  };
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) toggleRef.current?.focus();
  };
  const choose = (scope: AllowScope) => {
    close(true);
    onAllow(scope);
  };

  const onMenuKeyDown = (event: KeyboardEvent) => {
    // The card's own shortcuts (A, R, E) and the app's Esc-to-stop must not fire from inside the menu.
    event.stopPropagation();
    const last = SCOPES.length - 1;
    const moves: Record<string, number> = {
      ArrowDown: focusIndex === last ? 0 : focusIndex + 1,
      ArrowUp: focusIndex === 0 ? last : focusIndex - 1,
      Home: 0,
      End: last,
    };
    if (event.key in moves) {
      event.preventDefault();
      setFocusIndex(moves[event.key]);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close(true);
    } else if (event.key === 'Tab') {
      setOpen(false);
    }
  };

  return (
    <div
      ref={wrapRef}
      className="relative inline-flex [&>button:first-child]:rounded-r-none"
      onBlur={(event) => {
        if (open && !event.currentTarget.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      {children}
      <button
        ref={toggleRef}
        type="button"
        aria-label={t('moreApprove')}
        title={t('moreApprove')}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? close(false) : openAt(0))}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            event.stopPropagation();
            openAt(event.key === 'ArrowDown' ? 0 : SCOPES.length - 1);
          }
        }}
        className="inline-flex items-center rounded-r-lg border border-l border-transparent border-l-indigo-400 bg-indigo-600 px-1.5 text-white hover:bg-indigo-500 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:ring-offset-1 focus-visible:outline-none dark:border-l-indigo-300 dark:bg-indigo-500 dark:hover:bg-indigo-400 dark:focus-visible:ring-offset-zinc-900"
      >
        <ChevronIcon />
      </button>
      {open && (
        <div
          id={menuId}
          role="menu"
          aria-label={t('menu')}
          onKeyDown={onMenuKeyDown}
          className="absolute top-full left-0 z-20 mt-1 flex w-72 max-w-[calc(100vw-3rem)] flex-col rounded-xl border border-zinc-200 bg-white p-1 shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
        >
          {SCOPES.map((scope, i) => (
            // The hint sits beside the item, not inside it: an item's name must hold all its visible
            // text (WCAG 2.5.3), and the name stays the short label. The item's ::after covers the row.
            <div
              key={scope}
              role="none"
              className="relative flex flex-col items-start gap-0.5 rounded-lg px-3 py-2 hover:bg-indigo-50 has-focus-visible:bg-indigo-50 dark:hover:bg-indigo-950/60 dark:has-focus-visible:bg-indigo-950/60"
            >
              <button
                ref={(el) => {
                  itemRefs.current[i] = el;
                }}
                type="button"
                role="menuitem"
                tabIndex={i === focusIndex ? 0 : -1}
                aria-describedby={`${hintId}-${scope}-hint`}
                onClick={() => choose(scope)}
                className="text-left text-sm font-medium text-zinc-900 after:absolute after:inset-0 after:rounded-lg focus-visible:outline-none dark:text-zinc-100"
              >
                {t(scope === 'always' ? 'allowAlways' : 'allowConversation')}
              </button>
              <span id={`${hintId}-${scope}-hint`} className="text-xs text-zinc-600 dark:text-zinc-400">
                {t(scope === 'always' ? 'allowAlwaysHint' : 'allowConversationHint')}
              </span>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}

function ChevronIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-4">
      <path
        fillRule="evenodd"
        d="M5.22 8.22a.75.75 0 0 1 1.06 0L10 11.94l3.72-3.72a.75.75 0 1 1 1.06 1.06l-4.25 4.25a.75.75 0 0 1-1.06 0L5.22 9.28a.75.75 0 0 1 0-1.06Z"
        clipRule="evenodd"
      />
    </svg>
  );
}
