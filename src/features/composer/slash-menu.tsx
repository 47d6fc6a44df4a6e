import { useState, type WheelEvent } from 'react';
import { firstSentence } from '../../core/commands';
import type { CommandTool } from '../../core/run/direct-call';
import { useT } from '../../i18n';
import { slashMessages } from './slash-messages';
import { PolicyBadge } from './policy-badge';

interface Props {
  id: string;
  items: CommandTool[];
  active: number;
  /** What follows the slash, for the "nothing matches" line. */
  query: string;
  onPick(index: number): void;
  onHover(index: number): void;
}

/** The id of one option, for the textbox's aria-activedescendant. */
export const optionId = (menuId: string, index: number) => `${menuId}-option-${index}`;

/** How many options show at once. */
export const MENU_WINDOW = 6;

/**
 * The tools a "/" can run, as a listbox the message box controls (ARIA combobox pattern). Focus
 * never leaves the message box, so instead of a scroll box (which keyboard users could not reach)
 * a window of options follows the active one; the wheel moves it too.
 */
export function SlashMenu({ id, items, active, query, onPick, onHover }: Props) {
  const t = useT(slashMessages);
  const [start, setStart] = useState(0);
  const maxStart = Math.max(0, items.length - MENU_WINDOW);
  // Keep the active option inside the window, moving it as little as possible.
  const first = Math.min(maxStart, Math.max(active - MENU_WINDOW + 1, Math.min(start, active)));
  if (first !== start) setStart(first);
  const shown = items.slice(first, first + MENU_WINDOW);
  const onWheel = (e: WheelEvent) => {
    const next = Math.min(maxStart, Math.max(0, first + Math.sign(e.deltaY)));
    if (next !== first) onHover(Math.min(Math.max(active, next), next + MENU_WINDOW - 1));
    setStart(next);
  };

  return (
    <div className="absolute inset-x-0 bottom-full z-20 mb-2 overflow-hidden rounded-xl border border-zinc-200 bg-white shadow-lg shadow-zinc-900/5 dark:border-zinc-700 dark:bg-zinc-900 dark:shadow-black/30">
      {items.length === 0 ? (
        <p className="px-3 py-2.5 text-sm text-zinc-600 dark:text-zinc-300">{t('noMatch', { query })}</p>
      ) : (
        <>
          <p className="border-b border-zinc-100 px-3 py-1.5 text-xs text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
            <span id={`${id}-label`} className="font-medium text-zinc-700 dark:text-zinc-200">
              {t('menuLabel')}
            </span>
            <span className="hidden sm:inline"> · {t('menuHint')}</span>
          </p>
          <ul
            id={id}
            role="listbox"
            aria-labelledby={`${id}-label`}
            // The message box keeps focus (and its caret) while the mouse picks.
            onMouseDown={(e) => e.preventDefault()}
            onWheel={onWheel}
            className="py-1"
          >
            {shown.map(({ tool, permission }, offset) => {
              const i = first + offset;
              return (
                <li
                  key={tool.name}
                  id={optionId(id, i)}
                  aria-setsize={items.length}
                  aria-posinset={i + 1}
                  role="option"
                  aria-selected={i === active}
                  onClick={() => onPick(i)}
                  onMouseMove={() => i !== active && onHover(i)}
                  className={`mx-1 cursor-pointer rounded-lg px-2.5 py-2 ${i === active ? 'bg-indigo-50 dark:bg-indigo-950/60' : ''}`}
                >
                  <div className="flex min-w-0 items-center gap-2">
                    <span className="min-w-0 truncate font-mono text-sm font-semibold text-zinc-900 dark:text-zinc-100">/{tool.name}</span>
                    <PolicyBadge permission={permission} className="ml-auto shrink-0" />
                  </div>
                  <p className="mt-0.5 truncate text-xs text-zinc-600 dark:text-zinc-400">{firstSentence(tool.description)}</p>
                </li>
              );
            })}
          </ul>
          {items.length > MENU_WINDOW && (
            <p className="border-t border-zinc-100 px-3 py-1 text-xs text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
              {t('moreTools', { from: first + 1, to: first + shown.length, count: items.length })}
            </p>
          )}
        </>
      )}
    </div>
  );
}
