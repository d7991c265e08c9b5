import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromiumLaunchOptions } from './browser.ts';

/** Fails the run early, with a clear message, when the site was not built or no browser exists. */
export default function globalSetup(): void {
  const dist = process.env['CJG_DIST_DIR'] ?? 'dist';
  if (!existsSync(join(dist, 'pagefind', 'pagefind.js'))) {
    throw new Error('De site is nog niet gebouwd (dist/pagefind ontbreekt). Draai "npm run build" of gewoon "npm test".');
  }
  chromiumLaunchOptions();
}
