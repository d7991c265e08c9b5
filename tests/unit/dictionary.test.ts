/**
 * Dictionary hygiene: every UI string has one key, defined once, and used somewhere. A key that is
 * only built at run time (`t(\`kaart.status.${state}\`)`) counts as used through its prefix.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { nl } from '../../shared/i18n/nl.ts';

const DICTIONARY_DIR = 'shared/i18n/nl';
const CODE_DIRS = ['src', 'chat-server', 'shared'];
const CODE_FILE = /\.(ts|tsx|astro|mjs)$/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : CODE_FILE.test(name) ? [path] : [];
  });
}

/** Each dictionary module's own keys, read from its source (the merged object hides duplicates). */
function moduleKeys(): Map<string, string[]> {
  const keys = new Map<string, string[]>();
  for (const file of files(DICTIONARY_DIR)) {
    const source = readFileSync(file, 'utf8');
    keys.set(
      file,
      [...source.matchAll(/^\s*'([^']+)':/gm)].map((m) => m[1]),
    );
  }
  return keys;
}

const code = CODE_DIRS.flatMap(files)
  .filter((file) => !file.startsWith(DICTIONARY_DIR))
  .map((file) => readFileSync(file, 'utf8'))
  .join('\n');

describe('UI dictionary', () => {
  test('every module is read: its keys add up to the dictionary', () => {
    const all = [...moduleKeys().values()].flat();
    expect(all.length).toBeGreaterThan(100);
    expect(new Set(all)).toEqual(new Set(Object.keys(nl)));
  });

  test('no key is defined twice (a later module would silently replace the earlier text)', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const [file, keys] of moduleKeys()) {
      for (const key of keys) {
        if (seen.has(key)) twice.push(`${key} (${seen.get(key)} and ${file})`);
        seen.set(key, file);
      }
    }
    expect(twice).toEqual([]);
  });

  test('no key is unused', () => {
    const dynamicPrefixes = [...code.matchAll(/`([a-zA-Z]+(?:\.[a-zA-Z0-9-]+)*\.)\$\{/g)].map((m) => m[1]);
    const unused = Object.keys(nl).filter(
      (key) =>
        !code.includes(`'${key}'`) && !code.includes(`"${key}"`) && !code.includes(`\`${key}\``) && !dynamicPrefixes.some((prefix) => key.startsWith(prefix)),
    );
    expect(unused).toEqual([]);
  });
});
