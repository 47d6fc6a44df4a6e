// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { FileStoreError } from './file-store';
import { MemoryFileStore } from './memory-file-store';

describe('MemoryFileStore', () => {
  it('round-trips text and reports byte sizes, sorted by name', async () => {
    let clock = 1000;
    const store = new MemoryFileStore({ now: () => clock++ });
    expect(await store.write('b.md', 'héllo')).toBe(6);
    expect(await store.write('a.txt', 'abc')).toBe(3);
    expect(await store.list()).toEqual([
      { kind: 'file', path: 'a.txt', size: 3, modified: 1001 },
      { kind: 'file', path: 'b.md', size: 6, modified: 1000 },
    ]);
    expect(await store.read('b.md')).toEqual({ text: 'héllo', size: 6, truncated: false });
  });

  it('overwrites, deletes, and throws not_found afterwards', async () => {
    const store = new MemoryFileStore();
    await store.write('a.txt', 'one');
    await store.write('a.txt', 'two!');
    expect((await store.read('a.txt')).text).toBe('two!');
    await store.delete('a.txt');
    expect(await store.list()).toEqual([]);
    await expect(store.read('a.txt')).rejects.toMatchObject({ code: 'not_found' });
    await expect(store.delete('a.txt')).rejects.toBeInstanceOf(FileStoreError);
  });

  it('truncates reads at maxBytes without splitting a character', async () => {
    const store = new MemoryFileStore();
    await store.write('e.txt', 'ab€cd'); // € is 3 bytes: a b [3] c d = 7 bytes
    expect(await store.read('e.txt', 4)).toEqual({ text: 'ab', size: 7, truncated: true });
    expect(await store.read('e.txt', 5)).toEqual({ text: 'ab€', size: 7, truncated: true });
    expect(await store.read('e.txt', 7)).toEqual({ text: 'ab€cd', size: 7, truncated: false });
  });

  it('validates names on every operation', async () => {
    const store = new MemoryFileStore();
    await expect(store.write('../x', 'a')).rejects.toMatchObject({ code: 'invalid_name' });
    await expect(store.read('a//b')).rejects.toMatchObject({ code: 'invalid_name' });
    await expect(store.write('CON.txt', 'a')).rejects.toMatchObject({ code: 'invalid_name', message: expect.stringMatching(/reserved/) });
    await expect(store.delete('')).rejects.toMatchObject({ code: 'invalid_name' });
    expect(await store.list()).toEqual([]);
  });

  it('keeps files in folders: a leading "/" is the root, listings are one folder or recursive', async () => {
    const store = new MemoryFileStore({ now: () => 5 });
    await store.write('reports/q3.csv', 'a,b');
    await store.write('/reports/2024/q4.csv', 'c');
    await store.write('top.md', 't');
    expect(await store.list()).toEqual([
      { kind: 'folder', path: 'reports' },
      { kind: 'file', path: 'top.md', size: 1, modified: 5 },
    ]);
    expect(await store.list('/reports')).toEqual([
      { kind: 'folder', path: 'reports/2024' },
      { kind: 'file', path: 'reports/q3.csv', size: 3, modified: 5 },
    ]);
    expect((await store.list('reports', { recursive: true })).map((entry) => entry.path)).toEqual(['reports/2024/q4.csv', 'reports/q3.csv']);
    expect((await store.read('/reports/q3.csv')).text).toBe('a,b');
    await expect(store.list('nope')).rejects.toMatchObject({ code: 'not_found', message: 'No folder named nope.' });
    await expect(store.list('top.md')).rejects.toMatchObject({ code: 'not_found' });
    await expect(store.read('reports')).rejects.toMatchObject({ code: 'not_found', message: 'reports is a folder, not a file.' });
    await expect(store.write('reports', 'x')).rejects.toMatchObject({ code: 'conflict' });
    await expect(store.write('top.md/x', 'x')).rejects.toMatchObject({ code: 'conflict' });
    await store.delete('reports/2024/q4.csv');
    expect((await store.list('reports')).map((entry) => entry.path)).toEqual(['reports/q3.csv']);
  });
});
