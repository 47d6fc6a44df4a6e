import { openIdbRepository } from '../store/persistence/idb-repository';
import { requestPersistenceOnce } from '../store/persistence/persist-request';
import { createResilientRepository } from '../store/persistence/resilient-repository';
import { createTabSync } from '../store/persistence/tab-sync';
import { bindChatStore } from '../store/chat-store';
import { usePermissions } from '../store/permissions-store';
import { createConversationSession } from '../store/session/conversation-session';
import { createMirrorStore } from '../store/session/mirror-store';
import { createController, runPreferences } from './chat-runtime';

export const repository = createResilientRepository((lost) => openIdbRepository({ onLost: lost }));

export const session = createConversationSession({
  createController,
  maxRuns: () => runPreferences.getState().maxRuns,
  // Per frame: a background run costs one snapshot read per frame, and no React work unless shown.
  bind: (controller) => bindChatStore(controller),
  repository,
  tabs: createTabSync(),
  window,
  requestPersistence: () => requestPersistenceOnce(),
});

// A rule changed (here, on the Permissions page or in another tab): calls waiting for approval are
// decided again in every open conversation, so "Always allow" also lets the other waiting calls of that tool run.
usePermissions.subscribe((state, previous) => {
  if (state.rules !== previous.rules) for (const id of session.registry.ids()) session.registry.get(id)?.applyPermissions();
});

export const conversationsStore = session.store;

export const mirrorStore = createMirrorStore(session.store);
