/** The built site's files, for the checks that run over `dist/` after `npm run build`. */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const DIST_DIR = process.env['CJG_DIST_DIR'] ?? 'dist';

/** Every file under `dist/` whose name ends in `suffix`, sorted; exits with a clear message when there is no build. */
export function distFiles(suffix: string, dir = DIST_DIR): string[] {
  if (!existsSync(join(dir, 'index.html'))) {
    process.stderr.write(`Geen gebouwde site in ${dir}/: draai eerst \`npm run build\`. / No built site in ${dir}/: run \`npm run build\` first.\n`);
    process.exit(2);
  }
  const walk = (folder: string): string[] =>
    readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
      const path = join(folder, entry.name);
      return entry.isDirectory() ? walk(path) : entry.name.endsWith(suffix) ? [path] : [];
    });
  return walk(dir).sort();
}
