import { useEffect, useState } from 'preact/hooks';
import { followUrlFilters, writeUrlFilters, type FilterFields } from '../../lib/url-filters.ts';

export interface UrlFilters<F> {
  filters: F;
  /** Changes some filters; the URL follows. */
  update: (patch: Partial<F>) => void;
  /** Back to no filters (`empty`). */
  reset: () => void;
  /** False until the URL has been read: the island stays hidden and the list untouched until then. */
  ready: boolean;
}

/**
 * A list's filters, kept in the query string (src/lib/url-filters.ts): read when the island starts and
 * on Back/Forward, written back in place on every change. `fields` must keep its identity between
 * renders (a module constant, or `useMemo` when it depends on props).
 */
export function useUrlFilters<F>(fields: FilterFields<F>, empty: F): UrlFilters<F> {
  const [filters, setFilters] = useState<F>(empty);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    const stop = followUrlFilters(window, fields, setFilters);
    setReady(true);
    return stop;
  }, [fields]);

  useEffect(() => {
    if (ready) writeUrlFilters(window, fields, filters);
  }, [fields, filters, ready]);

  return {
    filters,
    update: (patch) => setFilters((f) => ({ ...f, ...patch })),
    reset: () => setFilters(empty),
    ready,
  };
}
