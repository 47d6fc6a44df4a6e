import { test, type Page } from '@playwright/test';
import { startCanary } from './canary-server';
import { startHarnessServer } from './harness-server';

/**
 * Starts the sandbox harness page and the canary server around a spec file, and returns helpers to
 * open the harness and run code in it. Every escape attempt aims at the canary.
 */
export function useSandboxHarness() {
  let harness: Awaited<ReturnType<typeof startHarnessServer>>;
  let canary: Awaited<ReturnType<typeof startCanary>>;

  test.beforeAll(async () => {
    [harness, canary] = await Promise.all([startHarnessServer(), startCanary()]);
  });

  test.afterAll(async () => {
    await Promise.all([harness?.close(), canary?.close()]);
  });

  return {
    get harness() {
      return harness;
    },
    get canary() {
      return canary;
    },
    async openHarness(page: Page) {
      await page.goto(harness.url('/e2e/harness/sandbox.html'));
      await page.waitForFunction(() => window.sandboxReady === true);
      canary.reset();
    },
    runJs: (page: Page, code: string, timeoutMs = 5000) =>
      page.evaluate(([c, t]) => window.runJs(c, t), [code, timeoutMs] as const),
  };
}
