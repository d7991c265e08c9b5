/**
 * `npm run bench -- search`: search quality and speed.
 * - Quality: the realistic query set (tests/search-quality/queries.ts) against the built site's real
 *   Pagefind index and sociale-kaart list: top-1 and top-3 hit rate and MRR per audience and search.
 * - Speed, in Chromium on /zoeken/ at 1× and 50× content: from the keystroke (the input event) until the
 *   first result shows. "Cold" is the first query on a freshly loaded page once it is idle (the page
 *   preloads the engine and the vocabulary on arrival); "warm" is a query whose index parts were fetched before.
 * Everything runs on 127.0.0.1 and stops by itself.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../tests/e2e/browser.ts';
import { openSearchHarness } from '../tests/support/search-harness.ts';
import { evaluate, scoreTable } from '../tests/search-quality/evaluate.ts';
import { percentile, printTable, round, type Row } from './report.ts';
import { serve, syntheticProject, timedBuild, timeQuery } from './site.ts';

/** Single words and whole sentences, as people type them (the sentences run several searches each). */
const QUERIES = [
  'pesten',
  'blowen',
  'mijn dochter wil niet meer naar school',
  'slapen',
  'ik voel me alleen',
  'scheiding',
  'hoe praat ik met mijn puber over seks',
  'coke',
  'wat kan ik doen als mijn kind niet lekker in zijn vel zit',
  'gamen',
];
const COLD_RUNS = 10;
const WARM_ROUNDS = 3;

async function openIdleSearchPage(page: Page, base: string): Promise<void> {
  await page.goto(`${base}/zoeken/`);
  await page.waitForFunction(() => {
    const text = document.querySelector('.search-app__summary')?.textContent ?? '';
    return !text.includes('Zoeken…');
  });
  // Idle: the engine and the vocabulary have been fetched by the page itself.
  await page.waitForLoadState('networkidle');
}

async function latency(base: string) {
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const cold: number[] = [];
    for (let i = 0; i < COLD_RUNS; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await openIdleSearchPage(page, base);
      cold.push(await timeQuery(page, QUERIES[i % QUERIES.length] ?? 'pesten'));
      await context.close();
    }
    const page = await browser.newPage();
    await openIdleSearchPage(page, base);
    for (const q of QUERIES) await timeQuery(page, q);
    const warm: number[] = [];
    for (let round = 0; round < WARM_ROUNDS; round++) for (const q of QUERIES) warm.push(await timeQuery(page, q));
    return { cold: cold.sort((a, b) => a - b), warm: warm.sort((a, b) => a - b) };
  } finally {
    await browser.close();
  }
}

export async function runSearchBench(root: string) {
  const quality: Row[] = [];
  const speed: Row[] = [];
  const misses: Row[] = [];
  for (const scale of [1, 50]) {
    const dir = syntheticProject(root, scale);
    try {
      timedBuild(dir, root);
      const dist = join(dir, 'dist');
      if (scale === 1) {
        const harness = await openSearchHarness(dist);
        try {
          const outcomes = await evaluate(harness);
          for (const s of scoreTable(outcomes)) {
            quality.push({ group: s.group, queries: s.queries, 'top-1 %': round(s.top1 * 100), 'top-3 %': round(s.top3 * 100), MRR: round(s.mrr, 3) });
          }
          for (const o of outcomes.filter((x) => x.rank < 1 || x.rank > 3)) {
            misses.push({ search: o.search, query: o.q, rank: o.rank || '-', 'top 3': o.top.join(' ') });
          }
        } finally {
          await harness.close();
        }
      }
      const { server, base } = await serve(dist);
      try {
        const { cold, warm } = await latency(base);
        speed.push({
          content: `${scale}×`,
          'cold p50 ms': round(percentile(cold, 50)),
          'cold p95 ms': round(percentile(cold, 95)),
          'warm p50 ms': round(percentile(warm, 50)),
          'warm p95 ms': round(percentile(warm, 95)),
          'cold p95 vs 100 ms': round(percentile(cold, 95) / 100, 2),
          'warm p95 vs 50 ms': round(percentile(warm, 95) / 50, 2),
        });
      } finally {
        server.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  printTable('Search quality (1× content): realistic queries with a good answer at rank 1 / in the top 3, and MRR', quality);
  printTable('Queries without a good answer in the top 3', misses);
  printTable(
    `Keystroke to first result on /zoeken/ in Chromium (cold: first query after the page is idle, ${COLD_RUNS} fresh pages; warm: ${WARM_ROUNDS} rounds)`,
    speed,
  );
  return { quality, misses, speed };
}
