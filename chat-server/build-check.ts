import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What goes into the built site; a change to any of these makes `dist/` stale. */
const SOURCES = ['src', 'public', 'astro.config.mjs', 'package.json'];

function newestMtime(path: string): number {
  let info;
  try {
    info = statSync(path);
  } catch {
    return 0;
  }
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

/** True when dist/ is missing or older than a source file. */
export function siteNeedsBuild(root: string): boolean {
  const built = newestBuildStamp(join(root, 'dist'));
  if (built === 0) return true;
  return SOURCES.some((source) => newestMtime(join(root, source)) > built);
}

function newestBuildStamp(dist: string): number {
  try {
    // pagefind/ is written last, so its time marks a build that finished.
    return statSync(join(dist, 'pagefind', 'pagefind.js')).mtimeMs;
  } catch {
    return 0;
  }
}

/** Runs `astro build` on the same Node as this process; throws when the build fails. */
export function buildSite(root: string): void {
  const astro = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const result = spawnSync(process.execPath, [astro, 'build'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) throw new Error(`astro build is mislukt (code ${result.status ?? 'onbekend'}).`);
}
