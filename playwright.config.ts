import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

// Debian's chromium when present (Playwright cannot download its own browser on every machine),
// a path from CHROMIUM_PATH when given, Playwright's bundled browser otherwise.
const executablePath =
  process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export const MOCK_PORT = 8787;
export const APP_PORT = 4173;
// E2E_BASE_URL points the suite at an app server started elsewhere (e.g. a second preview while
// developing); then only the mock server is started here.
const external = process.env.E2E_BASE_URL;

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  // Screenshot runs (`npm run screenshots`) write images for review and the docs; the suite skips them.
  grep: process.env.SCREENSHOTS ? /@screenshots/ : undefined,
  grepInvert: process.env.SCREENSHOTS ? undefined : /@screenshots/,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  fullyParallel: false,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  use: {
    baseURL: external ?? `http://127.0.0.1:${APP_PORT}`,
    browserName: 'chromium',
    // The interface follows the browser's language; specs that test 简体中文 set their own.
    locale: 'en-US',
    headless: true,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--disable-default-apps', '--disable-quic',
        '--no-first-run', '--no-default-browser-check',
      ],
    },
  },
  webServer: [
    {
      command: 'node e2e/mock/server.mjs',
      url: `http://127.0.0.1:${MOCK_PORT}/v1/models`,
      reuseExistingServer: !process.env.CI,
    },
    ...(external
      ? []
      : [{ command: 'npx vite preview', url: `http://127.0.0.1:${APP_PORT}`, reuseExistingServer: !process.env.CI }]),
  ],
});
