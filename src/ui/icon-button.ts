/** A 36 px square icon button (header actions, panel close buttons); add a colour set, e.g. ICON_BUTTON_IDLE. */
export const ICON_BUTTON =
  'inline-flex size-9 shrink-0 items-center justify-center rounded-lg focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none';

/** The quiet colours of an icon button at rest. */
export const ICON_BUTTON_IDLE =
  'text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-zinc-100';
