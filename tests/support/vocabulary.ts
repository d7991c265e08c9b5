import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { zoekwoordSchema } from '../../src/schemas/zoekwoorden.ts';
import type { Vocabulary } from '../../src/lib/query.ts';

/** The real search vocabulary (src/data/zoekwoorden.yaml), validated by the same schema as the build. */
export function realVocabulary(known: string[] = []): Vocabulary {
  const raw = parse(readFileSync(new URL('../../src/data/zoekwoorden.yaml', import.meta.url), 'utf8')) as Record<string, unknown>;
  return { groups: Object.entries(raw).map(([id, entry]) => ({ id, ...zoekwoordSchema.parse(entry) })), known };
}
