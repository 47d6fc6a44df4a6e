import type { Conversation } from '../../core/conversation/types';
import { faultFor, type StorageError } from './errors';
import { createMemoryRepository } from './memory-repository';
import { byRecency } from './summary';
import type { ConversationRepository, ConversationSummary, StorageFault } from './types';

/** Where a write ended up. */
export type SaveResult = 'durable' | 'memory';

export interface ResilientRepository extends Omit<ConversationRepository, 'put' | 'delete'> {
  put(conversation: Conversation): Promise<SaveResult>;
  delete(id: string): Promise<SaveResult>;
  /** Set while writes go to memory only; null while they are durable. */
  fault(): StorageFault | null;
  subscribe(listener: (fault: StorageFault | null) => void): () => void;
  /** Tries the durable store again and moves what memory holds into it; true when saving works again. */
  retry(): Promise<boolean>;
}

/** How the durable store is opened; `lost` reports a connection closed later (another tab's upgrade). */
export type OpenDurable = (lost: (error: StorageError) => void) => Promise<ConversationRepository>;

/**
 * A repository that never fails the app: writes go to the durable store (IndexedDB) and, once that
 * fails, to memory, with a fault the UI shows. Reads merge both, memory winning, so the tab keeps
 * seeing everything it wrote. `retry` copies memory back into the durable store.
 */
export function createResilientRepository(open: OpenDurable): ResilientRepository {
  const memory = createMemoryRepository();
  const deletedInMemory = new Set<string>();
  const listeners = new Set<(fault: StorageFault | null) => void>();
  let durable: ConversationRepository | null = null;
  let fault: StorageFault | null = null;

  const setFault = (next: StorageFault | null) => {
    fault = next;
    for (const l of listeners) l(fault);
  };
  const fail = (error: unknown) => {
    if (!fault) setFault(faultFor(error));
  };
  const connect = async () => {
    try {
      durable = await open((error) => {
        durable = null;
        setFault(faultFor(error));
      });
      return true;
    } catch (error) {
      setFault(faultFor(error));
      return false;
    }
  };
  const ready = connect();

  /** Durable reads (empty when storage is broken) merged with what only memory holds. */
  async function merged<T extends ConversationSummary>(fromDurable: (r: ConversationRepository) => Promise<T[]>, fromMemory: T[]): Promise<T[]> {
    await ready;
    let stored: T[] = [];
    try {
      if (durable) stored = await fromDurable(durable);
    } catch (error) {
      fail(error);
    }
    const shadowed = new Set([...fromMemory.map((s) => s.id), ...deletedInMemory]);
    return [...stored.filter((s) => !shadowed.has(s.id)), ...fromMemory].sort(byRecency);
  }

  return {
    fault: () => fault,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    list: async () => merged((r) => r.list(), await memory.list()),
    search: async (query) => merged((r) => r.search(query), await memory.search(query)),
    async get(id) {
      await ready;
      if (deletedInMemory.has(id)) return undefined;
      const held = memory.peek(id);
      if (held || !durable) return held;
      try {
        return await durable.get(id);
      } catch (error) {
        fail(error);
        return undefined;
      }
    },
    async put(conv) {
      await ready;
      deletedInMemory.delete(conv.id);
      if (durable && !fault) {
        try {
          await durable.put(conv);
          return 'durable';
        } catch (error) {
          fail(error);
        }
      }
      await memory.put(conv);
      return 'memory';
    },
    async delete(id) {
      await ready;
      await memory.delete(id);
      try {
        if (!durable) throw new Error('no durable store');
        await durable.delete(id); // deleting may work even when the disk is full, and frees space
        deletedInMemory.delete(id);
        return fault ? 'memory' : 'durable';
      } catch {
        deletedInMemory.add(id);
        return 'memory';
      }
    },
    async retry() {
      await ready;
      if (!durable && !(await connect())) return false;
      const target = durable!;
      try {
        // Writes keep landing in memory while this runs; loop until nothing newer is left behind.
        for (let pending = memory.all(); pending.length; pending = memory.all()) {
          for (const conv of pending) {
            await target.put(conv);
            if (memory.peek(conv.id) === conv) await memory.delete(conv.id);
          }
        }
        for (const id of [...deletedInMemory]) {
          await target.delete(id);
          deletedInMemory.delete(id);
        }
      } catch (error) {
        setFault(faultFor(error));
        return false;
      }
      setFault(null);
      return true;
    },
  };
}
