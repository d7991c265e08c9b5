/** Scores the query set against a built site: top-1 and top-3 hit rate and MRR, per audience and search. */
import type { SearchHarness } from '../support/search-harness.ts';
import { QUALITY_QUERIES, type QualityQuery } from './queries.ts';

export interface QueryOutcome extends QualityQuery {
  /** 1-based rank of the first expected answer; 0 when not in the first results. */
  rank: number;
  top: string[];
}

export interface QualityScore {
  group: string;
  queries: number;
  top1: number;
  top3: number;
  mrr: number;
}

export async function evaluate(harness: SearchHarness, queries = QUALITY_QUERIES): Promise<QueryOutcome[]> {
  const outcomes: QueryOutcome[] = [];
  for (const query of queries) {
    const found = query.search === 'site' ? await harness.site(query.q) : harness.kaart(query.q);
    const index = found.findIndex((id) => query.expect.includes(id));
    outcomes.push({ ...query, rank: index + 1, top: found.slice(0, 3) });
  }
  return outcomes;
}

export function score(outcomes: readonly QueryOutcome[], group: string): QualityScore {
  const n = outcomes.length || 1;
  return {
    group,
    queries: outcomes.length,
    top1: outcomes.filter((o) => o.rank === 1).length / n,
    top3: outcomes.filter((o) => o.rank >= 1 && o.rank <= 3).length / n,
    mrr: outcomes.reduce((sum, o) => sum + (o.rank ? 1 / o.rank : 0), 0) / n,
  };
}

/** Scores overall, per search and per audience. */
export function scoreTable(outcomes: readonly QueryOutcome[]): QualityScore[] {
  const rows = [score(outcomes, 'alle')];
  for (const search of ['site', 'kaart'] as const) {
    for (const who of ['ouders', 'jongeren', 'professionals'] as const) {
      const part = outcomes.filter((o) => o.search === search && o.who === who);
      if (part.length) rows.push(score(part, `${search === 'site' ? 'zoeken' : 'sociale kaart'}: ${who}`));
    }
  }
  return rows;
}
