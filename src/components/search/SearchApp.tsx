import { useEffect, useRef, useState } from 'preact/hooks';
import { DOELGROEP_LABELS, DOELGROEPEN, LEEFTIJDSGROEPEN, ONDERWERPEN, ONDERWERP_INFO } from '../../../shared/taxonomy.ts';
import { t } from '../../../shared/i18n/nl.ts';
import { loadPagefind, type PagefindApi, type PagefindResultData } from '../../lib/search-client.ts';
import { readSearchState, writeSearchState, pagefindFilters, type SearchState } from '../../lib/search-state.ts';
import { Select } from '../form/Select.tsx';

const MAX_RESULTS = 30;
const FIRST_RESULTS = 5;

type Status = 'loading' | 'ready' | 'unavailable';

export default function SearchApp() {
  const [state, setState] = useState<SearchState>(() =>
    typeof location === 'undefined' ? { q: '', doelgroep: '', onderwerp: '', leeftijd: '' } : readSearchState(location.search),
  );
  const [status, setStatus] = useState<Status>('loading');
  const [results, setResults] = useState<PagefindResultData[]>([]);
  const [total, setTotal] = useState(0);
  const api = useRef<PagefindApi | null>(null);
  const run = useRef(0);
  const summaryRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    loadPagefind()
      .then((loaded) => {
        api.current = loaded;
        setStatus('ready');
      })
      .catch(() => setStatus('unavailable'));
  }, []);

  useEffect(() => {
    history.replaceState(null, '', `${location.pathname}${writeSearchState(state)}`);
    const pagefind = api.current;
    if (!pagefind || status !== 'ready') return;
    const filters = pagefindFilters(state);
    const hasQuery = state.q.trim().length > 0;
    if (!hasQuery && Object.keys(filters).length === 0) {
      setResults([]);
      setTotal(0);
      return;
    }
    const mine = ++run.current;
    void (async () => {
      const found = await pagefind.search(hasQuery ? state.q.trim() : null, { filters });
      if (!found || mine !== run.current) return;
      // Each result's data is a fetch of its own: show the first few at once, then the rest.
      const first = await Promise.all(found.results.slice(0, FIRST_RESULTS).map((r) => r.data()));
      if (mine !== run.current) return;
      setTotal(found.results.length);
      setResults(first);
      if (found.results.length <= FIRST_RESULTS) return;
      const rest = await Promise.all(found.results.slice(FIRST_RESULTS, MAX_RESULTS).map((r) => r.data()));
      if (mine !== run.current) return;
      setResults([...first, ...rest]);
    })();
  }, [state, status]);

  const update = (patch: Partial<SearchState>) => setState((s) => ({ ...s, ...patch }));
  const q = state.q.trim();
  const summary =
    status === 'unavailable'
      ? t('search.unavailable')
      : status === 'loading'
        ? t('search.loading')
        : !q && total === 0 && !results.length
          ? ''
          : !q
            ? t('search.results.browse', { n: total })
            : total === 0
              ? t('search.results.none', { q })
              : total === 1
                ? t('search.results.countOne', { q })
                : t('search.results.count', { n: total, q });

  return (
    <div class="search-app">
      <form
        class="search-app__form"
        role="search"
        onSubmit={(e) => {
          // Results already follow every keystroke; submitting takes keyboard and screen reader users to the summary.
          e.preventDefault();
          summaryRef.current?.focus();
        }}
      >
        <label for="zoekterm" class="search-app__label">
          {t('search.queryLabel')}
        </label>
        <input
          id="zoekterm"
          type="search"
          name="q"
          value={state.q}
          autocomplete="off"
          placeholder={t('search.placeholder')}
          onInput={(e) => update({ q: e.currentTarget.value })}
        />
        <fieldset class="search-app__filters">
          <legend>{t('search.filters')}</legend>
          <Select class="search-app__select" allLabel={t('search.filter.all')}
            id="filter-doelgroep"
            label={t('search.filter.doelgroep')}
            value={state.doelgroep}
            options={DOELGROEPEN.map((d) => [d, DOELGROEP_LABELS[d]])}
            onChange={(doelgroep) => update({ doelgroep })}
          />
          <Select class="search-app__select" allLabel={t('search.filter.all')}
            id="filter-onderwerp"
            label={t('search.filter.onderwerp')}
            value={state.onderwerp}
            options={ONDERWERPEN.map((o) => [o, ONDERWERP_INFO[o].label])}
            onChange={(onderwerp) => update({ onderwerp })}
          />
          <Select class="search-app__select" allLabel={t('search.filter.all')}
            id="filter-leeftijd"
            label={t('search.filter.leeftijd')}
            value={state.leeftijd}
            options={LEEFTIJDSGROEPEN.map((g) => [g.id, g.label])}
            onChange={(leeftijd) => update({ leeftijd })}
          />
        </fieldset>
        <button type="submit" class="button search-app__submit">
          {t('search.submit')}
        </button>
      </form>
      <p class="search-app__summary" role="status" aria-live="polite" tabIndex={-1} ref={summaryRef}>
        {summary}
      </p>
      <ol class="search-app__results">
        {results.map((r) => (
          <li key={r.url}>
            <span class="search-app__section">{r.meta['doelgroep'] ?? r.meta['soort'] ?? t('search.section.general')}</span>
            <h2 class="search-app__title">
              <a href={r.url}>{r.meta['title']}</a>
            </h2>
            {/* Pagefind escapes the excerpt and only adds <mark> around matches. */}
            <p dangerouslySetInnerHTML={{ __html: r.excerpt }} />
          </li>
        ))}
      </ol>
    </div>
  );
}
