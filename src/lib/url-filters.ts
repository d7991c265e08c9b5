/**
 * Filters kept in the query string, so a filtered list can be shared and Back/Forward restore it. One
 * implementation for every list with filters (sociale kaart, activiteiten): a page describes its
 * filters once as `FilterFields`, and reading, writing and following the URL come from here. The
 * Preact side is `useUrlFilters` (src/components/form/useUrlFilters.ts).
 */

/**
 * How one filter is kept in the URL: `'text'` as typed (trimmed), `'flag'` as `1` when on, `'date'` as
 * YYYY-MM-DD, or a list of the values allowed (anything else in a shared link reads as "Alle").
 */
export type FilterField = 'text' | 'flag' | 'date' | readonly string[];
export type FilterFields<F> = {
  readonly [K in keyof F]: F[K] extends boolean ? 'flag' : string extends F[K] ? 'text' | 'date' | readonly string[] : readonly F[K][];
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Filters from a query string. A value that is not allowed (an old topic, a typo, markup) is left empty. */
export function readFilters<F>(fields: FilterFields<F>, search: string): F {
  const params = new URLSearchParams(search);
  const filters: Record<string, string | boolean> = {};
  for (const [name, field] of Object.entries(fields as Readonly<Record<string, FilterField>>)) {
    const value = params.get(name);
    if (field === 'flag') filters[name] = value === '1';
    else if (value === null) filters[name] = '';
    else if (field === 'text') filters[name] = value;
    else if (field === 'date') filters[name] = DATE.test(value) ? value : '';
    else filters[name] = field.includes(value) ? value : '';
  }
  return filters as F;
}

/** The query string for filters, in the order of `fields`; empty ones are left out, so a clean list has a clean URL. */
export function writeFilters<F>(fields: FilterFields<F>, filters: F): string {
  const params = new URLSearchParams();
  for (const name of Object.keys(fields)) {
    const value: unknown = filters[name as keyof F];
    if (value === true) params.set(name, '1');
    else if (typeof value === 'string' && value.trim() !== '') params.set(name, value.trim());
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** What the filters need of the browser: `window` in a page, a stand-in in the unit test. */
export interface UrlHost {
  readonly location: { readonly pathname: string; readonly search: string; readonly hash: string };
  readonly history: { replaceState(data: null, unused: string, url: string): void };
  addEventListener(type: 'popstate', listener: () => void): void;
  removeEventListener(type: 'popstate', listener: () => void): void;
}

/** Calls `onChange` with the URL's filters now and after every Back/Forward; returns the function that stops it. */
export function followUrlFilters<F>(host: UrlHost, fields: FilterFields<F>, onChange: (filters: F) => void): () => void {
  const read = () => onChange(readFilters(fields, host.location.search));
  read();
  host.addEventListener('popstate', read);
  return () => host.removeEventListener('popstate', read);
}

/**
 * Puts the filters in the URL, keeping path and #fragment. It replaces the history entry rather than
 * adding one: every keystroke in a filter would otherwise be a step for the Back button.
 */
export function writeUrlFilters<F>(host: UrlHost, fields: FilterFields<F>, filters: F): void {
  const query = writeFilters(fields, filters);
  if (query !== host.location.search) host.history.replaceState(null, '', `${host.location.pathname}${query}${host.location.hash}`);
}
