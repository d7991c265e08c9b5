/**
 * `npm start` builds the site only when dist/ is missing or older than a source; a failed build
 * stops the start with a Dutch message. Tested on a throw-away project folder.
 */
import { mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildSite, siteNeedsBuild } from '../../chat-server/build-check.ts';

function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'cjg-build-check-'));
  mkdirSync(join(root, 'src', 'pages'), { recursive: true });
  writeFileSync(join(root, 'src', 'pages', 'index.astro'), '<h1>Home</h1>');
  writeFileSync(join(root, 'package.json'), '{}');
  return root;
}
const at = (path: string, seconds: number) => utimesSync(path, seconds, seconds);

describe('does the site need a build?', () => {
  test('yes without dist/, and with a dist/ whose build never finished (no pagefind)', () => {
    const root = project();
    expect(siteNeedsBuild(root)).toBe(true);
    mkdirSync(join(root, 'dist'));
    writeFileSync(join(root, 'dist', 'index.html'), '');
    expect(siteNeedsBuild(root)).toBe(true);
  });

  test('no when the finished build is newer than every source; yes once any source is newer', () => {
    const root = project();
    mkdirSync(join(root, 'dist', 'pagefind'), { recursive: true });
    const stamp = join(root, 'dist', 'pagefind', 'pagefind.js');
    writeFileSync(stamp, '');
    for (const path of ['src', 'src/pages', 'src/pages/index.astro', 'package.json']) at(join(root, path), 1000);
    at(stamp, 2000);
    expect(siteNeedsBuild(root)).toBe(false);
    // A change deep inside src/ counts, not only the top folder.
    at(join(root, 'src', 'pages', 'index.astro'), 3000);
    expect(siteNeedsBuild(root)).toBe(true);
    at(join(root, 'src', 'pages', 'index.astro'), 1000);
    // Sources that do not exist (no public/ here) are no reason to build.
    expect(siteNeedsBuild(root)).toBe(false);
    writeFileSync(join(root, 'astro.config.mjs'), 'export default {}');
    at(join(root, 'astro.config.mjs'), 2001);
    expect(siteNeedsBuild(root)).toBe(true);
  });
});

describe('building', () => {
  /** A stand-in for node_modules/astro/bin/astro.mjs that records its arguments and exits with `code`. */
  function fakeAstro(code: number): string {
    const root = project();
    mkdirSync(join(root, 'node_modules', 'astro', 'bin'), { recursive: true });
    writeFileSync(
      join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'),
      `import { writeFileSync } from 'node:fs';\nwriteFileSync('ran.json', JSON.stringify({ args: process.argv.slice(2), telemetry: process.env.ASTRO_TELEMETRY_DISABLED }));\nprocess.exit(${code});\n`,
    );
    return root;
  }

  test('runs "astro build" in the project folder without telemetry', () => {
    const root = fakeAstro(0);
    expect(() => buildSite(root)).not.toThrow();
    expect(JSON.parse(readFileSync(join(root, 'ran.json'), 'utf8'))).toEqual({ args: ['build'], telemetry: '1' });
  });

  test('a failed build throws a Dutch message with the exit code', () => {
    expect(() => buildSite(fakeAstro(3))).toThrow('astro build is mislukt (code 3).');
  });
});
