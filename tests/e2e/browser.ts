import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { chromium, type LaunchOptions } from '@playwright/test';

/**
 * Which Chromium the end-to-end tests use, so `npm test` works on a fresh machine without a manual
 * step: Playwright's own build when it is installed; else Debian's chromium; else Playwright's
 * download is tried once (`playwright install chromium`); else the run stops with a clear message
 * instead of skipping tests.
 */
const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
const SYSTEM_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-gpu', '--disable-quic', '--disable-sync'];
/** Set after one download attempt, so the workers (which load the config again) do not try again. */
const TRIED = 'CJG_E2E_BROWSER_DOWNLOAD_TRIED';

function bundledChromium(): string | undefined {
  try {
    const path = chromium.executablePath();
    return existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

function downloadChromium(): void {
  process.env[TRIED] = '1';
  const cli = join(dirname(createRequire(import.meta.url).resolve('@playwright/test/package.json')), 'cli.js');
  process.stderr.write("Geen browser gevonden; Playwright probeert Chromium te downloaden… / No browser found; trying Playwright's Chromium download…\n");
  spawnSync(process.execPath, [cli, 'install', 'chromium'], { stdio: 'inherit', timeout: 300_000 });
}

export function chromiumLaunchOptions(): LaunchOptions {
  if (bundledChromium()) return {};
  const system = SYSTEM_CHROMIUM.find((path) => existsSync(path));
  if (system) return { executablePath: system, args: SYSTEM_ARGS };
  if (!process.env[TRIED]) {
    downloadChromium();
    if (bundledChromium()) return {};
  }
  throw new Error(
    'Geen browser gevonden voor de end-to-end-tests, en downloaden lukte niet. Installeer Chromium ' +
      `(Debian: apt-get install chromium, dan staat hij op ${SYSTEM_CHROMIUM[0]}) of draai "npx playwright install chromium". / ` +
      'No browser for the end-to-end tests and the download failed: install Debian\'s chromium or run "npx playwright install chromium".',
  );
}
