/**
 * Forgiving search over Pagefind. Pagefind only returns pages that contain every word, so one word no
 * page has ("mijn dochter wil niet meer naar spijbelschool") empties the list. Here each meaningful term
 * is searched on its own (with the site's words for it) and the pages are merged: pages that answer
 * more of the terms come first, then by Pagefind's own relevance. The list is never empty while some
 * term matches. Works with any engine with Pagefind's `search`, so Node tests run the real index.
 */
import type { Audience } from '../../shared/taxonomy.ts';
import { AUDIENCE_LABELS } from '../../shared/taxonomy.ts';
import { ALTERNATIVE_WEIGHT, type ParsedQuery } from './query.ts';

export interface EngineResult {
  id: string;
  score: number;
}

export interface SearchEngine<R extends EngineResult> {
  search(term: string | null, opts?: { filters?: Record<string, unknown> }): Promise<{ results: R[] } | null>;
}

export interface RankedHit<R> {
  result: R;
  /** How many of the query's terms this page matches. */
  matched: number;
  score: number;
}

/** With this many pages for the typed word, its alternatives are not searched. */
const ENOUGH = 5;

/** A weak word next to strong ones only breaks ties. */
const CONTEXT_WEIGHT = 0.3;

export async function rankedSearch<R extends EngineResult>(
  engine: SearchEngine<R>,
  query: Pick<ParsedQuery, 'terms' | 'context'>,
  filters: Record<string, unknown> = {},
): Promise<RankedHit<R>[]> {
  if (!query.terms.length) {
    if (!Object.keys(filters).length) return [];
    const all = await engine.search(null, { filters });
    return (all?.results ?? []).map((result) => ({ result, matched: 0, score: 0 }));
  }
  // perTerm is sparse: a page found by the second term only has no score for the first.
  const pages = new Map<string, { result: R; perTerm: (number | undefined)[]; context: number }>();
  const contextSearches = Promise.all(query.context.map((term) => engine.search(term.label, { filters })));
  await Promise.all(
    query.terms.map(async (term, termIndex) => {
      // The typed word first; the site's words only when it finds little. Every search costs time,
      // and the hidden vocabulary words on each page already let the typed word find most pages.
      const typed = term.variants.at(0) ?? '';
      const others = term.variants.slice(1);
      const first = await engine.search(typed, { filters });
      const found = [first, ...((first?.results.length ?? 0) >= ENOUGH ? [] : await Promise.all(others.map((v) => engine.search(v, { filters }))))];
      found.forEach((set, variantIndex) => {
        const results = set?.results ?? [];
        const top = results[0]?.score || 1;
        const weight = variantIndex === 0 ? 1 : ALTERNATIVE_WEIGHT;
        for (const result of results) {
          const entry = pages.get(result.id) ?? { result, perTerm: [], context: 0 };
          entry.perTerm[termIndex] = Math.max(entry.perTerm[termIndex] ?? 0, weight * (result.score / top));
          pages.set(result.id, entry);
        }
      });
    }),
  );
  for (const set of await contextSearches) {
    const top = set?.results[0]?.score || 1;
    for (const result of set?.results ?? []) {
      const entry = pages.get(result.id);
      if (entry) entry.context = Math.max(entry.context, CONTEXT_WEIGHT * (result.score / top));
    }
  }
  return [...pages.values()]
    .map(({ result, perTerm, context }) => {
      const scores = perTerm.filter((s) => s !== undefined);
      return { result, matched: scores.length, score: scores.reduce((a, b) => a + b, 0) + context };
    })
    .sort((a, b) => b.matched - a.matched || b.score - a.score);
}

/** Extra score for a page of the audience the query seems to come from ("mijn dochter" → ouders). */
const AUDIENCE_BOOST = 0.5;
/** Articles explain; a sociale-kaart page is where to go next. On a tie the explanation comes first. */
const ARTICLE_BOOST = 0.1;

/**
 * Reorders hits whose page data is known, within the same number of matched terms, giving articles and
 * pages for the likely audience a small lead. Articles carry their audience as Pagefind meta `doelgroep`.
 */
export function preferAudience<T extends { matched: number; score: number; meta: Record<string, string | undefined> }>(
  hits: readonly T[],
  audience: Audience | null,
): T[] {
  const label = audience ? AUDIENCE_LABELS[audience] : null;
  const boosted = (h: T) => h.score + (h.meta['doelgroep'] === label ? AUDIENCE_BOOST : 0) + (h.meta['doelgroep'] ? ARTICLE_BOOST : 0);
  return [...hits].sort((a, b) => b.matched - a.matched || boosted(b) - boosted(a));
}

export type ResultQuality = 'none' | 'partial' | 'full';

/** Whether the best page answers every term: "partial" results get a word of explanation and help nearby. */
export function resultQuality(hits: readonly { matched: number }[], query: Pick<ParsedQuery, 'terms'>): ResultQuality {
  const best = hits.at(0);
  if (!best) return 'none';
  return query.terms.length > 0 && best.matched < query.terms.length ? 'partial' : 'full';
}

export interface PageData {
  url: string;
  meta: Record<string, string | undefined>;
}

/** The first pages of a search with their data, ordered for the likely audience; the rest still without data. */
export async function searchPages<D extends PageData, R extends EngineResult & { data(): Promise<D> }>(
  engine: SearchEngine<R>,
  query: Pick<ParsedQuery, 'terms' | 'context' | 'audience'>,
  filters: Record<string, unknown> = {},
  first = 5,
): Promise<{ top: (RankedHit<R> & { data: D; meta: D['meta'] })[]; rest: RankedHit<R>[] }> {
  const hits = await rankedSearch(engine, query, filters);
  const top = await Promise.all(
    hits.slice(0, first).map(async (hit) => {
      const data = await hit.result.data();
      return { ...hit, data, meta: data.meta };
    }),
  );
  return { top: preferAudience(top, query.audience), rest: hits.slice(first) };
}
