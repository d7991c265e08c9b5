/**
 * The site's two searches run in Node against a built site: the real Pagefind index (its browser
 * bundle, fetching from a small static server over dist/) and the real sociale-kaart list, through the
 * same query module and ranking the pages use. Used by the search-quality test and `npm run bench -- search`.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, normalize as normalizePath } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PAGEFIND_OPTIONS } from '../../src/lib/search-client.ts';
import { parseQuery, type Vocabulary } from '../../src/lib/query.ts';
import { searchPages, type EngineResult, type PageData, type SearchEngine } from '../../src/lib/ranked-search.ts';
import { EMPTY_FILTERS, kaartResults, type ServiceFacts } from '../../src/lib/sociale-kaart.ts';

type PagefindResult = EngineResult & { data(): Promise<PageData> };
interface Pagefind extends SearchEngine<PagefindResult> {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
}

export interface SearchHarness {
  /** Page URLs for a site search, best first (as /zoeken/ shows them). */
  site(q: string): Promise<string[]>;
  /** "organisation/service" ids for a sociale-kaart search, in list order. */
  kaart(q: string): string[];
  close(): Promise<void>;
}

const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** The services as the sociale-kaart list page carries them (data-service and data-facts). */
export function kaartItems(dist: string): { id: string; facts: ServiceFacts }[] {
  const html = readFileSync(join(dist, 'sociale-kaart', 'index.html'), 'utf8');
  const items: { id: string; facts: ServiceFacts }[] = [];
  for (const m of html.matchAll(/<li[^>]*?data-service="([^"]+)"[^>]*?data-facts="([^"]+)"/g)) {
    items.push({ id: decode(m[1]), facts: JSON.parse(decode(m[2])) as ServiceFacts });
  }
  return items;
}

function serveStatic(dist: string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = normalizePath(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    readFile(join(dist, path))
      .then((body) => res.end(body))
      .catch(() => {
        res.statusCode = 404;
        res.end();
      });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

export async function openSearchHarness(dist: string): Promise<SearchHarness> {
  const server = await serveStatic(dist);
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const vocabulary = JSON.parse(readFileSync(join(dist, 'zoekdata.json'), 'utf8')) as Vocabulary;
  const pagefind = (await import(pathToFileURL(join(dist, 'pagefind', 'pagefind.js')).href)) as Pagefind;
  await pagefind.options({ ...PAGEFIND_OPTIONS, basePath: `${base}/pagefind/`, baseUrl: '/' });
  await pagefind.init();
  const items = kaartItems(dist);
  return {
    async site(q) {
      const { top, rest } = await searchPages(pagefind, parseQuery(q, vocabulary));
      const restUrls = await Promise.all(rest.slice(0, 10).map(async (h) => (await h.result.data()).url));
      return [...top.map((h) => h.data.url), ...restUrls];
    },
    kaart(q) {
      return kaartResults(
        items,
        (i) => i.facts,
        { ...EMPTY_FILTERS, q },
        vocabulary,
        () => false,
      ).items.map((i) => i.id);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
