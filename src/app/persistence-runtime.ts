import { openIdbRepository } from '../store/persistence/idb-repository';
import { requestPersistenceOnce } from '../store/persistence/persist-request';
import { createResilientRepository } from '../store/persistence/resilient-repository';
import { createTabSync } from '../store/persistence/tab-sync';
import { chatStore, controller } from './chat-runtime';
import { createConversationSession } from './conversation-session';
import { createMirrorStore } from './mirror-store';

export const repository = createResilientRepository((lost) => openIdbRepository({ onLost: lost }));

export const session = createConversationSession({
  controller,
  changes: { subscribe: (listener) => chatStore.subscribe(() => listener()) },
  repository,
  tabs: createTabSync(),
  window,
  requestPersistence: () => requestPersistenceOnce(),
});

export const conversationsStore = session.store;

export const mirrorStore = createMirrorStore(session.store);
