/**
 * Dictionary hygiene: every UI string has one key, defined once, and used somewhere. A key that is
 * only built at run time (`t(\`kaart.status.${state}\`)`) counts as used through its prefix.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
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

  test('islands never load the whole dictionary, only the modules of their area', () => {
    // Code that runs in the browser: every Preact component and every page <script>, and what they import.
    const entries = files('src').filter((file) => file.endsWith('.tsx'));
    const inlineScripts = files('src')
      .filter((file) => file.endsWith('.astro'))
      .flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => ({ file, source: m[1] })));
    const dictionary = resolve('shared/i18n/nl.ts');
    const offenders = new Set<string>();
    const seen = new Set<string>();
    const walk = (file: string, source: string, path: string[]): void => {
      for (const m of source.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g)) {
        const target = resolve(dirname(file), m[1]);
        if (target === dictionary) offenders.add([...path, file].map((p) => relative('.', p)).join(' → '));
        else if (/\.tsx?$/.test(target) && !seen.has(target)) {
          seen.add(target);
          walk(target, readFileSync(target, 'utf8'), [...path, file]);
        }
      }
    };
    for (const file of entries) walk(resolve(file), readFileSync(file, 'utf8'), []);
    for (const { file, source } of inlineScripts) walk(resolve(file), source, []);
    expect(seen.size).toBeGreaterThan(50);
    expect([...offenders]).toEqual([]);
  });
});
