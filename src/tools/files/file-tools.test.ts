// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { validateArgs } from '../../core/tools/validate';
import type { ToolDefinition } from '../../core/tools/types';
import { createFileTools, READ_LIMIT_BYTES } from './file-tools';
import { MemoryFileStore } from './memory-file-store';

function setup() {
  const store = new MemoryFileStore({ now: () => Date.UTC(2025, 0, 2, 3, 4, 5) });
  const tools = Object.fromEntries(createFileTools(store).map((tool) => [tool.name, tool])) as Record<string, ToolDefinition>;
  const call = (name: string, args: unknown) => Promise.resolve(tools[name].run(args, { signal: new AbortController().signal }));
  return { store, tools, call };
}

describe('file tools', () => {
  it('write, list, read and delete round-trip', async () => {
    const { call } = setup();
    expect(await call('write_file', { name: 'notes.md', content: '# Hi\nthere' })).toEqual({ name: 'notes.md', bytes: 10 });
    expect(await call('list_files', {})).toEqual({
      count: 1,
      files: [{ name: 'notes.md', size: 10, modified: '2025-01-02T03:04:05.000Z' }],
    });
    expect(await call('read_file', { name: 'notes.md' })).toEqual({
      name: 'notes.md',
      size: 10,
      text: '# Hi\nthere',
      truncated: false,
    });
    expect(await call('delete_file', { name: 'notes.md' })).toEqual({ name: 'notes.md', deleted: true });
    expect(await call('list_files', {})).toEqual({ count: 0, files: [] });
  });

  it('names the existing files when a file is missing', async () => {
    const { call, store } = setup();
    await expect(call('read_file', { name: 'notes.md' })).rejects.toThrow('No file named notes.md. There are no files yet.');
    await store.write('b.md', 'b');
    await store.write('a.txt', 'a');
    await expect(call('read_file', { name: 'notes.md' })).rejects.toThrow('No file named notes.md. Files: a.txt, b.md');
    await expect(call('delete_file', { name: 'gone.txt' })).rejects.toThrow('No file named gone.txt. Files: a.txt, b.md');
  });

  it('caps reads at 200 KB and says so', async () => {
    const { call, store } = setup();
    await store.write('big.txt', 'x'.repeat(READ_LIMIT_BYTES + 10));
    const result = (await call('read_file', { name: 'big.txt' })) as { text: string; truncated: boolean; note: string };
    expect(result.text).toHaveLength(READ_LIMIT_BYTES);
    expect(result.truncated).toBe(true);
    expect(result.note).toContain(`only the first ${READ_LIMIT_BYTES} bytes`);
  });

  it('rejects invalid names with the reason', async () => {
    const { call } = setup();
    await expect(call('write_file', { name: '../b.txt', content: 'x' })).rejects.toThrow(/"\.\." are not allowed/);
    await expect(call('read_file', { name: 'a//b' })).rejects.toThrow(/empty part/);
  });

  it('asks before writing or deleting, not before reading', () => {
    const { tools } = setup();
    expect(Object.fromEntries(Object.values(tools).map((t) => [t.name, t.policy]))).toEqual({
      list_files: 'auto',
      read_file: 'auto',
      write_file: 'ask',
      delete_file: 'ask',
    });
  });

  it('schemas require their fields and refuse unknown ones', () => {
    const { tools } = setup();
    expect(validateArgs(tools.write_file.parameters, { name: 'a' })).toEqual({
      ok: false,
      errors: ['(arguments) is missing required property "content"'],
    });
    expect(validateArgs(tools.read_file.parameters, { name: 'a', path: '/' })).toMatchObject({ ok: false });
    expect(validateArgs(tools.list_files.parameters, {})).toEqual({ ok: true });
  });

  it('work with folders: write reports/q3.csv, list reports, read /reports/q3.csv', async () => {
    const { call } = setup();
    expect(await call('write_file', { name: 'reports/q3.csv', content: 'q,3' })).toEqual({ name: 'reports/q3.csv', bytes: 3 });
    await call('write_file', { name: 'readme.md', content: 'r' });
    expect(await call('list_files', {})).toEqual({
      count: 1,
      files: [{ name: 'readme.md', size: 1, modified: '2025-01-02T03:04:05.000Z' }],
      folders: ['reports'],
    });
    expect(await call('list_files', { folder: 'reports' })).toEqual({
      folder: 'reports',
      count: 1,
      files: [{ name: 'reports/q3.csv', size: 3, modified: '2025-01-02T03:04:05.000Z' }],
    });
    expect(await call('list_files', { folder: '/', recursive: true })).toMatchObject({ recursive: true, count: 2 });
    expect(await call('read_file', { name: '/reports/q3.csv' })).toMatchObject({ text: 'q,3' });
    await expect(call('read_file', { name: 'reports/q4.csv' })).rejects.toThrow('No file named reports/q4.csv. Files: readme.md, reports/q3.csv');
  });

  it('schemas carry the path rule, so a review refuses what the store would', () => {
    const { tools } = setup();
    const check = (tool: string, args: unknown) => validateArgs(tools[tool].parameters, args);
    expect(check('read_file', { name: '/reports/q3.csv' })).toEqual({ ok: true });
    expect(check('read_file', { name: '../x' })).toMatchObject({ ok: false, errors: [expect.stringMatching(/^\/name breaks the rule: .*"\.\."/)] });
    expect(check('write_file', { name: 'con.txt', content: '' })).toMatchObject({ ok: false });
    expect(check('delete_file', { name: 'con.txt' })).toEqual({ ok: true });
    expect(check('list_files', { folder: 'a//b' })).toMatchObject({ ok: false });
  });
});
