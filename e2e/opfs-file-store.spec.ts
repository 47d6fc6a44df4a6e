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
    for (const file of await window.opfs.list()) await window.opfs.delete(file.name);
    return [await window.opfs.write('notes.md', '# Héllo'), await window.opfs.write('a.txt', 'x'.repeat(10))];
  });
  expect(written).toEqual([8, 10]);

  await page.reload();
  await page.waitForFunction(() => window.sandboxReady === true);
  const after = await page.evaluate(async () => ({
    names: (await window.opfs.list()).map((file) => [file.name, file.size]),
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
    return { deletedTwice, names: (await window.opfs.list()).map((file) => file.name) };
  });
  expect(remaining).toEqual({ deletedTwice: 'not_found', names: ['notes.md'] });
});
