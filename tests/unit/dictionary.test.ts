/**
 * Dictionary hygiene: every UI string has one key, defined once, and used somewhere; a key built at
 * run time (`t(\`route.${r}\`)`) belongs to a family whose keys are exactly the labels its values
 * need; and no island loads the whole dictionary.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, expectTypeOf, test } from 'vitest';
import { nl } from '../../shared/i18n/nl.ts';
import { TURNED_AWAY_REASONS } from '../../shared/indicators/counters.ts';
import type { Report } from '../../shared/indicators/report-types.ts';
import { KOSTEN, SERVICE_STATUS, TOEGANGSROUTES, WERKGEBIEDEN } from '../../src/config/sociale-kaart.ts';
import type { PeriodChoice } from '../../src/components/statistiek/period.ts';
import type { QueryIssue } from '../../src/lib/query.ts';

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

const usedLiterally = (key: string) => code.includes(`'${key}'`) || code.includes(`"${key}"`) || code.includes(`\`${key}\``);

/**
 * Keys the code builds at run time, by prefix, with every value that fills the template. Where the
 * values have a list at run time, that list is used; where they are only a type, the type test below
 * keeps this list and the type equal.
 */
const SEARCH_ISSUES = ['empty', 'noWords', 'onlyStopwords'] as const;
const PERIOD_CHOICES = ['last7', 'last30', 'lastMonth', 'custom'] as const;
const QUESTION_FIGURES = ['asked', 'followUps', 'answered', 'inTime', 'expired', 'deleted', 'flagged'] as const;
const FAMILIES: Record<string, readonly (string | number)[]> = {
  'route.': TOEGANGSROUTES, // src/components/sociale-kaart/format.ts
  'fees.': KOSTEN,
  'kaart.status.': SERVICE_STATUS.filter((status) => status !== 'active'), // an organisation page says when a service is not active
  'org.werkgebied.': WERKGEBIEDEN,
  'search.landmark.': ['header', 'page'], // SearchField's `landmark` prop
  'zoeken.issue.': SEARCH_ISSUES,
  'statistiek.period.': PERIOD_CHOICES,
  'statistiek.questions.': QUESTION_FIGURES, // chat-server/indicators/csv.ts
  'statistiek.api.period.': ['format', 'order', 'length'], // parsePeriod's errors
  'statistiek.outcome.': ['started', 'abandoned', ...TURNED_AWAY_REASONS.map((r) => `turnedAway:${r}`), 'unknown'],
  'statistiek.weekday.': [1, 2, 3, 4, 5, 6, 7],
  'statistiek.weekdayShort.': [1, 2, 3, 4, 5, 6, 7],
  'statistiek.share.': ['atLeast', 'atMost', 'exact'],
  'aanmeldingen.col.': ['activity', 'option', 'status', 'when', 'name', 'phone', 'email', 'people', 'question', 'check'], // the sign-ups CSV (chat-server/signups/service.ts)
};

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

  test('every key is used: written out in the code, or one of a family built at run time', () => {
    const unused = Object.keys(nl).filter(
      (key) => !usedLiterally(key) && !Object.entries(FAMILIES).some(([prefix, values]) => values.some((v) => key === `${prefix}${v}`)),
    );
    expect(unused).toEqual([]);
  });

  test('every key built at run time belongs to a known family, and every value of a family has its label', () => {
    // Template literals that build dictionary keys: those whose fixed start begins some key (a log event
    // such as `signup.${outcome}` is no lookup).
    const keys = Object.keys(nl);
    const builtPrefixes = new Set(
      [...code.matchAll(/`([a-zA-Z]+(?:\.[a-zA-Z0-9-]+)*\.)\$\{/g)].map((m) => m[1]).filter((prefix) => keys.some((key) => key.startsWith(prefix))),
    );
    // A new `t(\`prefix.${x}\`)` needs an entry in FAMILIES with the values x can take.
    expect([...builtPrefixes].filter((prefix) => !(prefix in FAMILIES))).toEqual([]);
    // A family nobody builds any more leaves its labels unused.
    expect(Object.keys(FAMILIES).filter((prefix) => !builtPrefixes.has(prefix))).toEqual([]);
    const missing = Object.entries(FAMILIES).flatMap(([prefix, values]) => values.map((v) => `${prefix}${v}`).filter((key) => !(key in nl)));
    expect(missing).toEqual([]);
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

  test('the families written out here are the types the code builds keys from', () => {
    expectTypeOf<(typeof SEARCH_ISSUES)[number]>().toEqualTypeOf<QueryIssue>();
    expectTypeOf<(typeof PERIOD_CHOICES)[number]>().toEqualTypeOf<PeriodChoice>();
    expectTypeOf<(typeof QUESTION_FIGURES)[number]>().toEqualTypeOf<Exclude<keyof Report['questions'], 'answerTime'>>();
  });
});
