import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Conversation } from '../../core/conversation/types';
import { StorageError } from './errors';
import { matchConversation } from './search';
import { summarize } from './summary';
import type { ConversationRepository, ConversationSummary, SearchHit } from './types';

export const DB_NAME = 'callstream';
const DB_VERSION = 1;
const OPEN_TIMEOUT_MS = 5000;

interface CallstreamDB extends DBSchema {
  conversations: { key: string; value: Conversation; indexes: { updatedAt: number } };
  // Kept beside each conversation in the same transaction, so the list never loads whole conversations.
  summaries: { key: string; value: ConversationSummary; indexes: { updatedAt: number } };
}

export interface IdbRepositoryOptions {
  /** Another tab wants to upgrade the database; this connection has been closed to let it. */
  onLost?(error: StorageError): void;
}

/**
 * Opens the 'callstream' database. Rejects with a StorageError: 'unavailable' when IndexedDB is missing,
 * refused or never answers, 'blocked' when another tab holds an older version open.
 */
export async function openIdbRepository(options: IdbRepositoryOptions = {}): Promise<ConversationRepository> {
  if (!probeIndexedDB()) throw new StorageError('unavailable', 'IndexedDB is not available in this browser.');
  let db: IDBPDatabase<CallstreamDB> | null = null;
  let settled = false;
  const opening = new Promise<IDBPDatabase<CallstreamDB>>((resolve, reject) => {
    const fail = (error: unknown) => {
      if (!settled) {
        settled = true;
        reject(error);
      }
    };
    const timer = setTimeout(() => fail(new StorageError('unavailable', 'IndexedDB did not open.')), OPEN_TIMEOUT_MS);
    openDB<CallstreamDB>(DB_NAME, DB_VERSION, {
      upgrade(database) {
        database.createObjectStore('conversations', { keyPath: 'id' }).createIndex('updatedAt', 'updatedAt');
        database.createObjectStore('summaries', { keyPath: 'id' }).createIndex('updatedAt', 'updatedAt');
      },
      blocked() {
        fail(new StorageError('blocked', 'Another tab keeps an older version of the database open.'));
      },
      blocking() {
        // Close so the other tab's upgrade can proceed; this tab then saves in memory until reloaded.
        db?.close();
        options.onLost?.(new StorageError('blocked', 'A newer Callstream in another tab took over the database. Reload this tab.'));
      },
      terminated() {
        options.onLost?.(new StorageError('unavailable', 'The browser closed the database.'));
      },
    }).then(
      (opened) => {
        clearTimeout(timer);
        if (settled) opened.close(); // gave up on it already (blocked or timed out)
        else {
          settled = true;
          resolve(opened);
        }
      },
      (error) => {
        clearTimeout(timer);
        fail(error);
      },
    );
  });
  db = await opening;
  return idbRepository(db);
}

function probeIndexedDB(): IDBFactory | undefined {
  try {
    return globalThis.indexedDB ?? undefined;
  } catch {
    return undefined; // some browsers throw a SecurityError on the property read itself
  }
}

function idbRepository(db: IDBPDatabase<CallstreamDB>): ConversationRepository {
  return {
    async list() {
      const summaries = await db.getAllFromIndex('summaries', 'updatedAt');
      return summaries.reverse();
    },
    get: (id) => db.get('conversations', id),
    async put(conv) {
      const tx = db.transaction(['conversations', 'summaries'], 'readwrite');
      try {
        const writes = [tx.objectStore('conversations').put(conv), tx.objectStore('summaries').put(summarize(conv))];
        // Commit now rather than when the task ends: a save started as the page goes away gets its best chance.
        tx.commit?.();
        await Promise.all([...writes, tx.done]);
      } catch (error) {
        // A put that throws synchronously leaves the transaction open; abort it so nothing half-lands.
        try {
          tx.abort();
        } catch {
          /* already finished */
        }
        throw error;
      }
    },
    async delete(id) {
      const tx = db.transaction(['conversations', 'summaries'], 'readwrite');
      await Promise.all([tx.objectStore('conversations').delete(id), tx.objectStore('summaries').delete(id), tx.done]);
    },
    async search(query) {
      const hits: SearchHit[] = [];
      let cursor = await db.transaction('conversations').store.index('updatedAt').openCursor(null, 'prev');
      while (cursor) {
        const hit = matchConversation(cursor.value, query);
        if (hit) hits.push(hit);
        cursor = await cursor.continue();
      }
      return hits;
    },
  };
}
