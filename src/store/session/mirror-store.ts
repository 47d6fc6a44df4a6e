import { createStore, type StoreApi } from 'zustand';
import type { Conversation } from '../../core/conversation/types';
import { emptyConversation } from '../../core/conversation/tree';
import type { ChatSnapshot } from '../../core/run/chat-controller';
import { initialRunState } from '../../core/run/machine';
import type { ConversationsState } from '../conversations-store';

/**
 * A chat snapshot of the conversation another tab is running, for the read-only view. The phase is
 * "generating" and no turn is this tab's, so the chat view offers no send, approve, edit or regenerate.
 */
export function mirrorSnapshot(conversation: Conversation): ChatSnapshot {
  return { conversation, run: { ...initialRunState(), phase: 'generating' }, turnId: null, log: [] };
}

/** Follows the conversations store's `mirror`. */
export function createMirrorStore(conversations: StoreApi<ConversationsState>): StoreApi<ChatSnapshot> {
  const store = createStore<ChatSnapshot>(() => mirrorSnapshot(conversations.getState().mirror ?? emptyConversation('mirror', 0)));
  conversations.subscribe((state, previous) => {
    if (state.mirror && state.mirror !== previous.mirror) store.setState(mirrorSnapshot(state.mirror), true);
  });
  return store;
}
