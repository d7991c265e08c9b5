/**
 * Loads Pagefind's JS API on demand. It is never part of a page's initial scripts: the header
 * warms it on focus and the search page loads it on arrival.
 */
export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[]>;
}
export interface PagefindResult {
  id: string;
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

export async function warmSearch(): Promise<void> {
  try {
    await loadPagefind();
  } catch {
    // The search page shows a clear message if search really is unavailable.
  }
}
