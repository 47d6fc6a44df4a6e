import { expect, test } from '@playwright/test';
import { startHarnessServer } from './harness/harness-server';

// The file tools' browser store on Chromium's real Origin Private File System.

let harness: Awaited<ReturnType<typeof startHarnessServer>>;

test.beforeAll(async () => {
  harness = await startHarnessServer();
});

test.afterAll(async () => {
  await harness?.close();
});

test('OPFS store round-trips files and keeps them across a reload', async ({ page }) => {
  await page.goto(harness.url('/e2e/harness/sandbox.html'));
  await page.waitForFunction(() => window.sandboxReady === true);
  const written = await page.evaluate(async () => {
    for (const file of await window.opfs.list(undefined, { recursive: true })) await window.opfs.delete(file.path);
    return [await window.opfs.write('notes.md', '# Héllo'), await window.opfs.write('a.txt', 'x'.repeat(10))];
  });
  expect(written).toEqual([8, 10]);

  await page.reload();
  await page.waitForFunction(() => window.sandboxReady === true);
  const after = await page.evaluate(async () => ({
    names: (await window.opfs.list()).map((file) => [file.path, file.kind === 'file' ? file.size : -1]),
    read: await window.opfs.read('notes.md'),
    capped: await window.opfs.read('a.txt', 4),
    missing: await window.opfs.read('nope.txt').catch((error: { code: string }) => error.code),
    invalid: await window.opfs.write('../up.txt', 'x').catch((error: { code: string }) => error.code),
  }));
  expect(after).toEqual({
    names: [['a.txt', 10], ['notes.md', 8]],
    read: { text: '# Héllo', size: 8, truncated: false },
    capped: { text: 'xxxx', size: 10, truncated: true },
    missing: 'not_found',
    invalid: 'invalid_name',
  });

  const remaining = await page.evaluate(async () => {
    await window.opfs.delete('a.txt');
    const deletedTwice = await window.opfs.delete('a.txt').catch((error: { code: string }) => error.code);
    return { deletedTwice, names: (await window.opfs.list()).map((file) => file.path) };
  });
  expect(remaining).toEqual({ deletedTwice: 'not_found', names: ['notes.md'] });
});

test('OPFS store keeps folders: nested writes, one-folder and recursive listings, conflicts, pruning', async ({ page }) => {
  await page.goto(harness.url('/e2e/harness/sandbox.html'));
  await page.waitForFunction(() => window.sandboxReady === true);
  const result = await page.evaluate(async () => {
    const opfs = window.opfs;
    for (const file of await opfs.list(undefined, { recursive: true })) await opfs.delete(file.path);
    // A file from before folders existed sits in the root and keeps working.
    const root = await navigator.storage.getDirectory();
    const legacy = await (await root.getFileHandle('con.txt', { create: true })).createWritable();
    await legacy.write('old');
    await legacy.close();
    await opfs.write('reports/q3.csv', 'a,b');
    await opfs.write('/reports/2024/q4.csv', 'c');
    const code = (error: { code: string }) => error.code;
    return {
      top: (await opfs.list('/')).map((entry) => `${entry.kind}:${entry.path}`),
      reports: (await opfs.list('reports')).map((entry) => `${entry.kind}:${entry.path}`),
      all: (await opfs.list('reports', { recursive: true })).map((entry) => entry.path),
      read: (await opfs.read('/reports/q3.csv')).text,
      legacy: (await opfs.read('con.txt')).text,
      newReserved: await opfs.write('con.txt', 'x').catch(code),
      dotdot: await opfs.read('../x').catch(code),
      folderAsFile: await opfs.read('reports').catch(code),
      fileAsFolder: await opfs.write('reports/q3.csv/x', 'x').catch(code),
      missingFolder: await opfs.list('nope').catch(code),
      afterDelete: await opfs.delete('reports/2024/q4.csv').then(async () => (await opfs.list('reports')).map((entry) => entry.path)),
    };
  });
  expect(result).toEqual({
    top: ['file:con.txt', 'folder:reports'],
    reports: ['folder:reports/2024', 'file:reports/q3.csv'],
    all: ['reports/2024/q4.csv', 'reports/q3.csv'],
    read: 'a,b',
    legacy: 'old',
    newReserved: 'invalid_name',
    dotdot: 'invalid_name',
    folderAsFile: 'not_found',
    fileAsFolder: 'conflict',
    missingFolder: 'not_found',
    afterDelete: ['reports/q3.csv'],
  });
});
