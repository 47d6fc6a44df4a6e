import { describe, expect, it } from 'vitest';
import type { Conversation } from '../../core/conversation/types';
import { emptyConversation } from '../../core/conversation/tree';
import { StorageError } from './errors';
import { createMemoryRepository } from './memory-repository';
import { createResilientRepository } from './resilient-repository';
import type { ConversationRepository } from './types';

const conv = (id: string, updatedAt: number, text = `about ${id}`): Conversation => ({
  ...emptyConversation(id, updatedAt),
  title: `Title ${id}`,
  messages: [{ id: `${id}-u`, parentId: null, role: 'user', text, createdAt: updatedAt }],
});

const quota = () => new DOMException('full', 'QuotaExceededError');

/** A memory repository whose writes can be made to fail like a full disk. */
function flakyDisk() {
  const inner = createMemoryRepository();
  const disk = { failWrites: false, failReads: false };
  const repo: ConversationRepository = {
    ...inner,
    list: () => (disk.failReads ? Promise.reject(quota()) : inner.list()),
    put: (c) => (disk.failWrites ? Promise.reject(quota()) : inner.put(c)),
  };
  return { repo, inner, disk };
}

describe('memory repository', () => {
  it('lists newest first, gets, deletes and searches', async () => {
    const repo = createMemoryRepository();
    await repo.put(conv('old', 1));
    await repo.put(conv('new', 2, 'tomatoes'));
    expect((await repo.list()).map((s) => s.id)).toEqual(['new', 'old']);
    expect((await repo.get('old'))?.title).toBe('Title old');
    expect((await repo.search('TOMATOES')).map((h) => h.id)).toEqual(['new']);
    await repo.delete('new');
    expect((await repo.list()).map((s) => s.id)).toEqual(['old']);
  });
});

describe('resilient repository', () => {
  it('writes durably while it can', async () => {
    const { repo, inner } = flakyDisk();
    const r = createResilientRepository(async () => repo);
    expect(await r.put(conv('a', 1))).toBe('durable');
    expect(inner.peek('a')).toBeDefined();
    expect(r.fault()).toBeNull();
  });

  it('falls back to memory on a failed write, reports the fault once, and still reads everything', async () => {
    const { repo, inner, disk } = flakyDisk();
    const r = createResilientRepository(async () => repo);
    const faults: (string | undefined)[] = [];
    r.subscribe((f) => faults.push(f?.kind));
    await r.put(conv('stored', 1));
    disk.failWrites = true;
    expect(await r.put(conv('fresh', 2))).toBe('memory');
    expect(await r.put(conv('stored', 3, 'edited'))).toBe('memory');
    expect(faults).toEqual(['quota']);
    expect(r.fault()?.message).toMatch(/storage is full/);
    expect(inner.peek('fresh')).toBeUndefined();
    // Memory shadows the stale durable copy.
    expect((await r.list()).map((s) => [s.id, s.updatedAt])).toEqual([['stored', 3], ['fresh', 2]]);
    expect((await r.get('stored'))?.messages[0]).toMatchObject({ text: 'edited' });
    expect((await r.search('edited')).map((h) => h.id)).toEqual(['stored']);
  });

  it('retry moves what memory holds into storage, including deletes, and clears the fault', async () => {
    const { repo, inner, disk } = flakyDisk();
    const r = createResilientRepository(async () => repo);
    await r.put(conv('gone', 1));
    disk.failWrites = true;
    await r.put(conv('kept', 2));
    expect(await r.retry()).toBe(false);
    expect(r.fault()?.kind).toBe('quota');
    disk.failWrites = false;
    expect(await r.retry()).toBe(true);
    expect(r.fault()).toBeNull();
    expect(inner.peek('kept')).toBeDefined();
    expect(await r.put(conv('after', 3))).toBe('durable');
  });

  it('keeps a delete made while storage fails, and replays it on retry', async () => {
    const inner = createMemoryRepository([conv('x', 1)]);
    let broken = true;
    const repo: ConversationRepository = { ...inner, delete: (id) => (broken ? Promise.reject(quota()) : inner.delete(id)) };
    const r = createResilientRepository(async () => repo);
    expect(await r.delete('x')).toBe('memory');
    expect(await r.get('x')).toBeUndefined();
    expect(await r.list()).toEqual([]);
    broken = false;
    await r.retry();
    expect(inner.peek('x')).toBeUndefined();
  });

  it('works in memory when storage cannot be opened at all, and connects on retry', async () => {
    let attempts = 0;
    const inner = createMemoryRepository();
    const r = createResilientRepository(async () => {
      if (attempts++ === 0) throw new StorageError('unavailable', 'private window');
      return inner;
    });
    expect(await r.put(conv('a', 1))).toBe('memory');
    expect(r.fault()?.kind).toBe('unavailable');
    expect((await r.list()).map((s) => s.id)).toEqual(['a']);
    expect(await r.retry()).toBe(true);
    expect(inner.peek('a')).toBeDefined();
  });

  it('switches to memory when the connection is lost later (another tab upgrades the database)', async () => {
    let lose: (e: StorageError) => void = () => {};
    const r = createResilientRepository(async (lost) => {
      lose = lost;
      return createMemoryRepository();
    });
    expect(await r.put(conv('a', 1))).toBe('durable');
    lose(new StorageError('blocked', 'newer tab'));
    expect(r.fault()?.kind).toBe('blocked');
    expect(await r.put(conv('b', 2))).toBe('memory');
  });
});
