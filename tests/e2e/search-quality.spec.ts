import { expect, test } from '@playwright/test';
import { resolve } from 'node:path';
import { openSearchHarness } from '../support/search-harness.ts';
import { evaluate, scoreTable } from '../search-quality/evaluate.ts';
import { QUALITY_QUERIES } from '../search-quality/queries.ts';

/**
 * Search quality as a figure: the realistic query set (tests/search-quality/queries.ts) against the
 * built site's real Pagefind index and sociale-kaart list, through the same query module and ranking
 * the pages use. Fails when fewer than 90 % of the queries have a good answer in the top three.
 */
const MIN_TOP3 = 0.9;

test('minstens 90 % van de echte zoekvragen heeft een goed antwoord in de top 3', async () => {
  test.setTimeout(120_000);
  expect(QUALITY_QUERIES.length).toBeGreaterThanOrEqual(80);
  const harness = await openSearchHarness(resolve(process.env['CJG_DIST_DIR'] ?? 'dist'));
  try {
    const outcomes = await evaluate(harness);
    const all = scoreTable(outcomes).at(0);
    const misses = outcomes.filter((o) => o.rank < 1 || o.rank > 3).map((o) => `${o.search} "${o.q}" → ${o.top.join(', ')}`);
    expect(all?.top3 ?? 0, `top-3 ${all?.top3}; gemist:\n${misses.join('\n')}`).toBeGreaterThanOrEqual(MIN_TOP3);
  } finally {
    await harness.close();
  }
});
