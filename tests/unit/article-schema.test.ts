import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { makeArticleSchema } from '../../src/schemas/article.ts';

const schema = makeArticleSchema({ organisatie: z.string(), artikel: z.string() });

const valid = {
  title: 'Praten over alcohol',
  summary: 'Begin op tijd met praten over alcohol, rond je kind 10 jaar is.',
  doelgroep: 'ouders',
  onderwerp: 'middelengebruik',
  leeftijd: { min: 10, max: 17 },
  keywords: ['drank'],
  updated: '2026-11-22',
  sources: [{ title: 'Alcohol', publisher: 'Trimbos-instituut', url: 'https://www.trimbos.nl' }],
  organisaties: ['cjg'],
};

/** The field paths and messages of a failed parse, as the build would report them. */
function problems(input: unknown): string[] {
  const result = schema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('article frontmatter', () => {
  test('accepts a complete article and fills defaults', () => {
    const parsed = schema.parse(valid);
    expect(parsed.related).toEqual([]);
    expect(parsed.crisis).toBe(false);
    expect(parsed.updated).toBeInstanceOf(Date);
  });

  test('names a missing summary', () => {
    const { summary: _omit, ...rest } = valid;
    expect(problems(rest)).toEqual(['summary: samenvatting ontbreekt']);
  });

  test('names an unknown doelgroep and lists the allowed ones', () => {
    expect(problems({ ...valid, doelgroep: 'opa' })).toEqual(['doelgroep: doelgroep moet een van deze zijn: ouders, jongeren, professionals']);
  });

  test('names an unknown onderwerp', () => {
    expect(problems({ ...valid, onderwerp: 'sport' })[0]).toMatch(/^onderwerp: onderwerp moet een van deze zijn: problemen/);
  });

  test('rejects an age range that runs backwards', () => {
    expect(problems({ ...valid, leeftijd: { min: 16, max: 12 } })).toEqual(['leeftijd: leeftijd.min is groter dan leeftijd.max']);
  });

  test('requires a source and a place to go for help', () => {
    expect(problems({ ...valid, sources: [], organisaties: [] })).toEqual([
      'sources: geef minstens één bron',
      'organisaties: noem minstens één organisatie voor "Hier kun je terecht"',
    ]);
  });

  test('rejects a malformed date and an unknown field', () => {
    expect(problems({ ...valid, updated: 'gisteren' })).toEqual(['updated: updated moet een datum zijn (JJJJ-MM-DD)']);
    expect(problems({ ...valid, auteur: 'Piet' })[0]).toMatch(/auteur/);
  });
});
