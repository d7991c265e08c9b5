import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './tests/e2e/browser.ts';
import { E2E_PORT, E2E_STAFF_DATA_DIR, E2E_STAFF_PORT, e2eServerEnv } from './tests/e2e/env.ts';

/**
 * End-to-end tests run against the built site served by the real portal server (`npm start`'s
 * entry point, with the build step skipped because `npm test` has just built), in Chromium:
 * Playwright's own build when present, else Debian's.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  workers: 2,
  forbidOnly: !!process.env['CI'],
  reporter: 'list',
  globalSetup: './tests/e2e/global-setup.ts',
  globalTeardown: './tests/e2e/global-teardown.ts',
  webServer: [
    {
      command: 'node chat-server/main.ts',
      url: `http://127.0.0.1:${E2E_PORT}/healthz`,
      env: e2eServerEnv(),
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
      timeout: 60_000,
    },
    {
      // staff.spec.ts: its own queue (see tests/e2e/env.ts).
      command: 'node chat-server/main.ts',
      url: `http://127.0.0.1:${E2E_STAFF_PORT}/healthz`,
      env: e2eServerEnv(E2E_STAFF_PORT, E2E_STAFF_DATA_DIR),
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
      timeout: 60_000,
    },
  ],
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions(),
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    viewport: { width: 1280, height: 800 },
  },
});
