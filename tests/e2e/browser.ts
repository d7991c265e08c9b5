import { existsSync } from 'node:fs';
import { chromium, type LaunchOptions } from '@playwright/test';

/**
 * Playwright cannot download its own browser on our machines, so we fall back to Debian's
 * chromium. If neither exists the run stops with a clear message instead of skipping tests.
 */
const SYSTEM_CHROMIUM = '/usr/bin/chromium';

export function chromiumLaunchOptions(): LaunchOptions {
  let bundled: string | undefined;
  try {
    bundled = chromium.executablePath();
  } catch {
    bundled = undefined;
  }
  if (bundled && existsSync(bundled)) return {};
  if (existsSync(SYSTEM_CHROMIUM)) {
    return {
      executablePath: SYSTEM_CHROMIUM,
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-gpu', '--disable-quic', '--disable-sync'],
    };
  }
  throw new Error(
    `Geen browser gevonden voor de end-to-end-tests. Installeer Chromium (apt-get install chromium, dan staat hij op ${SYSTEM_CHROMIUM}) of draai "npx playwright install chromium".`,
  );
}
