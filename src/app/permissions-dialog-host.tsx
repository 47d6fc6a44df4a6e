import { useCallback } from 'react';
import { PermissionsDialog } from '../features/permissions/permissions-dialog';
import { useConversations } from '../store/conversations-store';
import { tools } from './chat-runtime';
import { conversationsStore } from './persistence-runtime';

/** The Tool permissions dialog wired to the app: its tools, the conversation on screen and saved titles. */
export function PermissionsDialogHost({ open, onClose }: { open: boolean; onClose(): void }) {
  if (!open) return null;
  return <OpenPermissionsHost onClose={onClose} />;
}

/** The dialog while open (the app loads it on demand). */
export function OpenPermissionsHost({ onClose }: { onClose(): void }) {
  const running = useConversations(conversationsStore, (s) => s.shownId);
  // While another tab's run is mirrored, the conversation on screen is that one.
  const shown = useConversations(conversationsStore, (s) => s.mirror?.id ?? null);
  const summaries = useConversations(conversationsStore, (s) => s.summaries);
  const titleOf = useCallback((id: string) => summaries.find((s) => s.id === id)?.title, [summaries]);
  return <PermissionsDialog open onClose={onClose} tools={tools} conversationId={shown ?? running} titleOf={titleOf} />;
}
