import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const astro = fileURLToPath(new URL('../../node_modules/astro/bin/astro.mjs', import.meta.url));

/** Builds a fixture site the way `npm run build` would, and returns what it printed. */
function build(fixture: string) {
  const result = spawnSync(process.execPath, [astro, 'build', '--root', `tests/fixtures/${fixture}`], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1' },
    timeout: 120_000,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

describe('a content file with a missing field', () => {
  test('fails the build, naming the file and the field', () => {
    const { status, output } = build('bad-article');
    expect(status).not.toBe(0);
    expect(output).toContain('ouders/zonder-samenvatting');
    expect(output).toContain('zonder-samenvatting.md');
    expect(output).toContain('summary: samenvatting ontbreekt');
  });
});

describe('an activity without dates', () => {
  test('fails the build, naming the file and the field', () => {
    const { status, output } = build('bad-activity');
    expect(status).not.toBe(0);
    expect(output).toContain('zonder-tijden.md');
    expect(output).toContain('sessions');
    expect(output).toContain('geef sessions (datums) of ongoing (doorlopend)');
  });
});

describe('a search vocabulary group with a missing field', () => {
  test('fails the build, naming the file, the group and the field', () => {
    const { status, output } = build('bad-zoekwoorden');
    expect(status).not.toBe(0);
    expect(output).toContain('src/data/zoekwoorden.yaml');
    expect(output).toContain('zoekwoorden → cocaine');
    expect(output).toContain('zoek: een lijst met woorden die op de site staan');
  });
});
