import { ExportMenu } from '../features/export/export-menu';
import { ImportButton } from '../features/export/import-button';
import { ShortcutsButton } from '../features/shortcuts/shortcuts-button';
import type { StoreApi } from 'zustand';
import type { ChatSnapshot } from '../core/run/chat-controller';
import { useChat } from '../store/chat-store';
import { useConversations } from '../store/conversations-store';
import { conversationsStore, session } from './persistence-runtime';

/** Export, import and the shortcut list under the conversation list; its own component so streaming re-renders only this. */
export function SidebarFooter({ chat, onShowShortcuts }: { chat: StoreApi<ChatSnapshot>; onShowShortcuts(): void }) {
  const live = useChat(chat, (s) => s.conversation);
  const mirror = useConversations(conversationsStore, (s) => s.mirror);
  const open = mirror ?? (live.messages.length ? live : null);
  return (
    <div className="flex flex-col gap-2 border-t border-zinc-200 px-1 pt-2 dark:border-zinc-800">
      <ExportMenu conversation={open} all={session.allConversations} />
      <ImportButton onImport={session.importConversations} />
      <ShortcutsButton onClick={onShowShortcuts} />
    </div>
  );
}
