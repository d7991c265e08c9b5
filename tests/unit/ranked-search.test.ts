import { describe, expect, it } from 'vitest';
import { preferAudience, rankedSearch, resultQuality, type EngineResult, type SearchEngine } from '../../src/lib/ranked-search.ts';
import { parseQuery, type Vocabulary } from '../../src/lib/query.ts';

/**
 * An engine that behaves like Pagefind: a page is returned only when it has every word of the search
 * (prefix match), scored by how often they occur. Quoted searches need the words side by side.
 */
function fakeEngine(pages: Record<string, string>): SearchEngine<EngineResult> & { searches: string[] } {
  const searches: string[] = [];
  return {
    searches,
    search(term) {
      searches.push(term ?? '');
      const phrase = term?.startsWith('"') ? term.replace(/"/g, '') : null;
      const words = (term ?? '').replace(/"/g, '').toLowerCase().split(/\s+/).filter(Boolean);
      const results = Object.entries(pages)
        .map(([id, text]) => {
          const tokens = text.toLowerCase().split(/\s+/);
          if (phrase && !text.toLowerCase().includes(phrase)) return null;
          const counts = words.map((w) => tokens.filter((t) => t.startsWith(w)).length);
          return counts.every((c) => c > 0) ? { id, score: counts.reduce((a, b) => a + b, 0) } : null;
        })
        .filter((r): r is EngineResult => r !== null)
        .sort((a, b) => b.score - a.score);
      return Promise.resolve({ results });
    },
  };
}

const vocabulary: Vocabulary = {
  groups: [
    { id: 'scheiding', woorden: ['uit elkaar', 'vechtscheiding'], zoek: ['scheiding'], gevaar: false },
    { id: 'verzuim', woorden: ['niet naar school'], zoek: ['spijbelen', 'thuiszitter'], gevaar: false },
  ],
  known: [],
};

const pages = {
  school: 'school en passend onderwijs spijbelen thuiszitter leerplicht school',
  pesten: 'pesten op school gepest worden pesten',
  scheiding: 'scheiding ouders scheiding kinderen',
  slapen: 'slapen en eten bij je kind',
};

describe('ranked search', () => {
  it('a sentence with a word no page has still finds the page that answers the rest', async () => {
    const engine = fakeEngine(pages);
    const hits = await rankedSearch(engine, parseQuery('pesten op de hockeyclub', vocabulary));
    expect(hits[0]?.result.id).toBe('pesten');
    expect(hits[0]?.matched).toBe(1);
    expect(resultQuality(hits, parseQuery('pesten op de hockeyclub', vocabulary))).toBe('partial');
  });

  it('pages that match more of the meaningful words come first', async () => {
    const hits = await rankedSearch(fakeEngine(pages), parseQuery('pesten school', vocabulary));
    expect(hits.map((h) => h.result.id).slice(0, 2)).toEqual(['pesten', 'school']);
    expect(hits[0]?.matched).toBe(2);
  });

  it("expands phrases to the site's words", async () => {
    const hits = await rankedSearch(fakeEngine(pages), parseQuery('mijn dochter wil niet meer naar school', vocabulary));
    expect(hits[0]?.result.id).toBe('school');
    const split = await rankedSearch(fakeEngine(pages), parseQuery('wij gaan uit elkaar', vocabulary));
    expect(split[0]?.result.id).toBe('scheiding');
  });

  it('is empty only when no meaningful word matches anything', async () => {
    expect(await rankedSearch(fakeEngine(pages), parseQuery('xqzvyw', vocabulary))).toEqual([]);
    expect(await rankedSearch(fakeEngine(pages), parseQuery('hoe kan ik', vocabulary))).toEqual([]);
  });

  it('browses by filters alone when there are no words', async () => {
    const engine = fakeEngine(pages);
    await rankedSearch(engine, parseQuery('', vocabulary), { doelgroep: 'Ouders' });
    expect(engine.searches).toEqual(['']);
  });

  it('gives articles for the likely audience a lead among equal matches', () => {
    const hits = [
      { matched: 1, score: 1, meta: { doelgroep: 'Jongeren' } },
      { matched: 1, score: 0.9, meta: { doelgroep: 'Ouders' } },
      { matched: 2, score: 0.5, meta: { soort: 'Sociale kaart' } },
    ];
    expect(preferAudience(hits, 'ouders').map((h) => h.meta['doelgroep'] ?? h.meta['soort'])).toEqual(['Sociale kaart', 'Ouders', 'Jongeren']);
    expect(preferAudience(hits, null).map((h) => h.meta['doelgroep'] ?? h.meta['soort'])).toEqual(['Sociale kaart', 'Jongeren', 'Ouders']);
  });
});
