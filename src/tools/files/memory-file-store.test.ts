// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { FileStoreError, fileNameProblem } from './file-store';
import { MemoryFileStore } from './memory-file-store';

describe('fileNameProblem', () => {
  it.each(['notes.md', 'a', 'Résumé 2024.txt', 'x'.repeat(255), '.hidden', 'a.b.c'])('accepts %j', (name) => {
    expect(fileNameProblem(name)).toBeNull();
  });

  it.each([
    ['', /empty/],
    ['x'.repeat(256), /256 characters.*255/],
    ['dir/file.txt', /"\/"/],
    ['dir\\file.txt', /"\/"/],
    ['..', /"\.\."/],
    ['a..b', /"\.\."/],
    ['.', /"\."/],
    ['bad\nname', /control characters/],
    ['tab\tname', /control characters/],
    ['nul\u0000', /control characters/],
    [' padded.txt', /spaces/],
  ])('rejects %j', (name, message) => {
    expect(fileNameProblem(name)).toMatch(message);
  });
});

describe('MemoryFileStore', () => {
  it('round-trips text and reports byte sizes, sorted by name', async () => {
    let clock = 1000;
    const store = new MemoryFileStore({ now: () => clock++ });
    expect(await store.write('b.md', 'héllo')).toBe(6);
    expect(await store.write('a.txt', 'abc')).toBe(3);
    expect(await store.list()).toEqual([
      { name: 'a.txt', size: 3, modified: 1001 },
      { name: 'b.md', size: 6, modified: 1000 },
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
    await expect(store.read('a/b')).rejects.toMatchObject({ code: 'invalid_name' });
    await expect(store.delete('')).rejects.toMatchObject({ code: 'invalid_name' });
    expect(await store.list()).toEqual([]);
  });
});
