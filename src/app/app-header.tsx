import type { RefObject } from 'react';
import { GearIcon } from '../features/settings/icons';
import { MenuIcon, PlusIcon } from '../features/conversations/icons';
import { useT } from '../i18n';
import { messages } from './messages';
import { PermissionsButton } from '../features/permissions/permissions-button';
import { InspectorButton } from '../features/inspector/inspector-button';
import { ICON_BUTTON, ICON_BUTTON_IDLE } from '../ui/icon-button';

interface Props {
  /** New chat has nothing to do (already a new chat) or cannot run now (a run is in flight). */
  newChatDisabled: boolean;
  onNewChat(): void;
  /** Opens the conversation drawer (phones only; desktop shows the sidebar column). */
  onOpenConversations(): void;
  conversationsOpen: boolean;
  modelLabel: string;
  demo: boolean;
  settingsButton: RefObject<HTMLButtonElement | null>;
  onOpenSettings(): void;
  /** Opens the Tool permissions dialog. */
  onOpenPermissions(): void;
  inspectorOpen: boolean;
  onToggleInspector(): void;
  inspectorButton: RefObject<HTMLButtonElement | null>;
}

/** Title bar: the conversations drawer (phones), which model answers, New chat and Settings. */
export function AppHeader({ newChatDisabled, onNewChat, onOpenConversations, conversationsOpen, modelLabel, demo, settingsButton, onOpenSettings, onOpenPermissions, inspectorOpen, onToggleInspector, inspectorButton }: Props) {
  const t = useT(messages);
  return (
    <header className="flex items-center gap-2 border-b border-zinc-200 bg-white/90 px-3 py-2 backdrop-blur dark:border-zinc-800 dark:bg-zinc-900/90">
      <button
        type="button"
        aria-label={t('conversations')}
        aria-haspopup="dialog"
        aria-expanded={conversationsOpen}
        title={t('conversations')}
        onClick={onOpenConversations}
        className={`-ml-1 md:hidden ${ICON_BUTTON} ${ICON_BUTTON_IDLE}`}
      >
        <MenuIcon />
      </button>
      <div className="flex shrink-0 items-center gap-2">
        <img src="/favicon.svg" alt="" className="size-7" />
        {/* On a phone the logo alone brands the page, leaving the model badge room to be read. */}
        <span className="sr-only font-semibold tracking-tight sm:not-sr-only">Callstream</span>
      </div>
      <button
        type="button"
        onClick={onOpenSettings}
        title={t('changeModel')}
        data-testid="model-badge"
        className={`ml-1 max-w-[45vw] truncate rounded-full px-2.5 py-0.5 text-xs font-medium ${demo ? 'bg-amber-100 text-amber-900 dark:bg-amber-900/40 dark:text-amber-200' : 'bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300'}`}
      >
        {modelLabel}
      </button>
      <div className="ml-auto flex items-center gap-1">
        <button
          type="button"
          onClick={onNewChat}
          disabled={newChatDisabled}
          title={t('newChat')}
          // The sidebar column has its own New chat from md up; one button per screen keeps the name unique.
          // On the narrowest screens it is an icon, leaving the model badge room to be read.
          className="inline-flex size-9 items-center justify-center rounded-lg text-sm font-medium whitespace-nowrap text-zinc-700 hover:bg-zinc-100 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none disabled:opacity-40 sm:size-auto sm:px-2.5 sm:py-1.5 md:hidden dark:text-zinc-300 dark:hover:bg-zinc-800"
        >
          <PlusIcon className="size-5 sm:hidden" />
          <span className="sr-only sm:not-sr-only">{t('newChat')}</span>
        </button>
        {/* Phones reach permissions from Settings; the header keeps room for the model's name. */}
        <div className="hidden sm:flex">
          <PermissionsButton onClick={onOpenPermissions} />
        </div>
        <InspectorButton open={inspectorOpen} onToggle={onToggleInspector} buttonRef={inspectorButton} />
        <button
          ref={settingsButton}
          type="button"
          aria-label={t('settings')}
          aria-haspopup="dialog"
          title={t('settings')}
          onClick={onOpenSettings}
          className={`${ICON_BUTTON} ${ICON_BUTTON_IDLE}`}
        >
          <GearIcon />
        </button>
      </div>
    </header>
  );
}
