/**
 * Loads Pagefind's JS API on demand. It is never part of a page's initial scripts: the header
 * warms it on focus and the search page loads it on arrival.
 */
import type { Suggestion, Vocabulary, VocabularyGroup } from './query.ts';

/** What /zoekdata.json holds (see src/lib/search-data.ts, which builds it). */
export interface SearchData extends Vocabulary {
  groups: VocabularyGroup[];
  suggestions: Suggestion[];
}

export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[]>;
}
export interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindResultData>;
}
export interface PagefindApi {
  options(opts: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  preload(term: string, opts?: unknown): Promise<void>;
  search(term: string | null, opts?: { filters?: Record<string, unknown> }): Promise<{ results: PagefindResult[] } | null>;
  debouncedSearch(term: string | null, opts?: { filters?: Record<string, unknown> }, ms?: number): Promise<{ results: PagefindResult[] } | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

/** Ranking as tuned for our pages; also used by the Node search-quality harness. */
export const PAGEFIND_OPTIONS = { ranking: { termSimilarity: 9, pageLength: 0.3 } };

let loading: Promise<PagefindApi> | undefined;

export function loadPagefind(): Promise<PagefindApi> {
  loading ??= (async () => {
    const url = '/pagefind/pagefind.js';
    const api = (await import(/* @vite-ignore */ url)) as PagefindApi;
    await api.options(PAGEFIND_OPTIONS);
    await api.init();
    // Loading the filter index also compiles the WebAssembly, so the first real query is fast.
    await api.filters();
    return api;
  })();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

let data: Promise<SearchData> | undefined;

/** The vocabulary, typo targets and suggestions (/zoekdata.json, built from src/data/zoekwoorden.yaml). */
export function loadSearchData(): Promise<SearchData> {
  data ??= fetch('/zoekdata.json', { credentials: 'omit' }).then((res) =>
    res.ok ? (res.json() as Promise<SearchData>) : Promise.reject(new Error(String(res.status))),
  );
  data.catch(() => {
    data = undefined;
  });
  return data;
}

export async function warmSearch(): Promise<void> {
  try {
    await Promise.all([loadPagefind(), loadSearchData()]);
  } catch {
    // The search page shows a clear message if search really is unavailable.
  }
}
