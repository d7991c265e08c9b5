import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { AUDIENCE_LABELS, AUDIENCES, AGE_BANDS, TOPICS, TOPIC_INFO } from '../../../shared/taxonomy.ts';
import { translator } from '../../../shared/i18n/fill.ts';
import { zoekenStrings } from '../../../shared/i18n/nl/zoeken.ts';
import { loadPagefind, loadSearchData, type PagefindApi, type PagefindResultData, type SearchData } from '../../lib/search-client.ts';
import { readSearchState, writeSearchState, pagefindFilters, type SearchState } from '../../lib/search-state.ts';
import { MAX_QUERY_LENGTH, parseQuery, type ParsedQuery } from '../../lib/query.ts';
import { resultQuality, searchPages, type ResultQuality } from '../../lib/ranked-search.ts';
import { enableSuggestions } from '../../lib/search-suggest.ts';
import { Select } from '../form/Select.tsx';
import { nextDate } from '../../lib/search-dates.ts';

// Only the search's strings ship to the browser, not the whole dictionary.
const t = translator(zoekenStrings);

const MAX_RESULTS = 30;
const FIRST_RESULTS = 5;
const EMPTY_DATA: SearchData = { groups: [], known: [], suggestions: [] };

type Status = 'loading' | 'ready' | 'unavailable';

interface Props {
  /** Crisis lines, shown above the results when a query suggests danger (static HTML from Astro). */
  crisis?: ComponentChildren;
  /** Topics, chat and the CJG's number: shown when there is nothing (good) to show. */
  help?: ComponentChildren;
}

/** "Eerstvolgende: …" (or an ongoing group's text) under an activity's result; nothing for other pages. */
function ActivityDate({ meta }: { meta: Record<string, string | undefined> }) {
  const date = nextDate(meta['datums'], Date.now(), meta['doorlopend']);
  return date ? <p class="search-app__date">{date}</p> : null;
}

export default function SearchApp({ crisis, help }: Props) {
  const [state, setState] = useState<SearchState>(() =>
    typeof location === 'undefined' ? { q: '', doelgroep: '', onderwerp: '', leeftijd: '' } : readSearchState(location.search),
  );
  const [status, setStatus] = useState<Status>('loading');
  const [data, setData] = useState<SearchData>(EMPTY_DATA);
  const [results, setResults] = useState<PagefindResultData[]>([]);
  const [total, setTotal] = useState(0);
  const [quality, setQuality] = useState<ResultQuality>('none');
  const api = useRef<PagefindApi | null>(null);
  const run = useRef(0);
  const input = useRef<HTMLInputElement>(null);
  const listbox = useRef<HTMLUListElement>(null);
  const suggestStatus = useRef<HTMLParagraphElement>(null);
  const summaryRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    // Search works without the vocabulary (plain words); it only gets better when it arrives.
    loadSearchData()
      .then(setData)
      .catch(() => undefined);
    loadPagefind()
      .then((loaded) => {
        api.current = loaded;
        setStatus('ready');
      })
      .catch(() => setStatus('unavailable'));
  }, []);

  useEffect(() => {
    // Once idle, fetch the index parts of the site's own words, so a first query is as fast as a later one.
    const pagefind = api.current;
    if (!pagefind || status !== 'ready' || !data.groups.length) return;
    let stopped = false;
    const words = [...new Set(data.groups.map((g) => g.zoek[0] ?? ''))].filter(Boolean);
    const warm = async () => {
      for (const word of words) {
        if (stopped) return;
        await pagefind.preload(word).catch(() => undefined);
      }
    };
    const idle = typeof requestIdleCallback === 'function' ? requestIdleCallback(() => void warm()) : undefined;
    const timer = idle === undefined ? setTimeout(() => void warm(), 200) : undefined;
    return () => {
      stopped = true;
      if (idle !== undefined) cancelIdleCallback(idle);
      clearTimeout(timer);
    };
  }, [status, data]);

  useEffect(() => {
    if (!input.current || !listbox.current) return;
    return enableSuggestions(input.current, listbox.current, suggestStatus.current, (s) => {
      if (s.url) location.assign(s.url);
      else setState((old) => ({ ...old, q: s.label }));
    });
  }, []);

  const parsed: ParsedQuery = useMemo(() => parseQuery(state.q, data), [state.q, data]);

  useEffect(() => {
    history.replaceState(null, '', `${location.pathname}${writeSearchState(state)}`);
    const pagefind = api.current;
    if (!pagefind || status !== 'ready') return;
    const filters = pagefindFilters(state);
    if (!parsed.terms.length && (parsed.issue !== 'empty' || Object.keys(filters).length === 0)) {
      run.current++;
      setResults([]);
      setTotal(0);
      setQuality('none');
      return;
    }
    const mine = ++run.current;
    void (async () => {
      // Each result's data is a fetch of its own: show the first few at once, then the rest.
      const { top, rest } = await searchPages(pagefind, parsed, filters, FIRST_RESULTS);
      if (mine !== run.current) return;
      const first = top.map((h) => h.data as PagefindResultData);
      setTotal(top.length + rest.length);
      setQuality(resultQuality(top, parsed));
      setResults(first);
      if (!rest.length) return;
      const more = await Promise.all(rest.slice(0, MAX_RESULTS - FIRST_RESULTS).map((h) => h.result.data()));
      if (mine !== run.current) return;
      setResults([...first, ...more]);
    })();
  }, [state, status, parsed]);

  const update = (patch: Partial<SearchState>) => setState((s) => ({ ...s, ...patch }));
  const q = parsed.text;
  const hasFilters = Object.keys(pagefindFilters(state)).length > 0;
  const issue = parsed.issue === 'empty' ? null : parsed.issue;
  const summary =
    status === 'unavailable'
      ? t('search.unavailable')
      : status === 'loading'
        ? t('search.loading')
        : issue
          ? t(`zoeken.issue.${issue}`)
          : !q && !hasFilters
            ? ''
            : !q
              ? t('search.results.browse', { n: total })
              : total === 0
                ? t('search.results.none', { q })
                : total === 1
                  ? t('search.results.countOne', { q })
                  : t('search.results.count', { n: total, q });
  const corrected = Object.values(parsed.corrections);
  const showHelp = status !== 'ready' || !q || issue !== null || total === 0 || quality === 'partial';

  return (
    <div class="search-app">
      <form
        class="search-app__form"
        role="search"
        action="/zoeken/"
        method="get"
        onSubmit={(e) => {
          // Results already follow every keystroke; submitting takes keyboard and screen reader users to the summary.
          e.preventDefault();
          summaryRef.current?.focus();
        }}
      >
        <label for="zoekterm" class="search-app__label">
          {t('search.queryLabel')}
        </label>
        <div class="search-app__query combobox-row">
          <div class="combobox">
            <input
              ref={input}
              id="zoekterm"
              type="text"
              enterKeyHint="search"
              name="q"
              value={state.q}
              maxLength={MAX_QUERY_LENGTH * 3}
              autocomplete="off"
              role="combobox"
              aria-autocomplete="list"
              aria-expanded="false"
              aria-controls="zoekterm-suggesties"
              placeholder={t('search.placeholder')}
              onInput={(e) => update({ q: e.currentTarget.value })}
            />
            <ul ref={listbox} id="zoekterm-suggesties" class="combobox__list" role="listbox" aria-label={t('zoeken.suggestions')} />
          </div>
          <button type="submit" class="button">
            {t('search.submit')}
          </button>
        </div>
        <p ref={suggestStatus} class="visually-hidden" role="status" aria-live="polite" />
        {/* Right under the query, above the filters: on a phone the lines must be on the first screen. */}
        {parsed.danger && <div class="search-app__crisis">{crisis}</div>}
        <fieldset class="search-app__filters">
          <legend>{t('search.filters')}</legend>
          <Select
            class="search-app__select"
            allLabel={t('search.filter.all')}
            id="filter-doelgroep"
            name="doelgroep"
            label={t('search.filter.doelgroep')}
            value={state.doelgroep}
            options={AUDIENCES.map((d) => [d, AUDIENCE_LABELS[d]])}
            onChange={(doelgroep) => update({ doelgroep })}
          />
          <Select
            class="search-app__select"
            allLabel={t('search.filter.all')}
            id="filter-onderwerp"
            name="onderwerp"
            label={t('search.filter.onderwerp')}
            value={state.onderwerp}
            options={TOPICS.map((o) => [o, TOPIC_INFO[o].label])}
            onChange={(onderwerp) => update({ onderwerp })}
          />
          <Select
            class="search-app__select"
            allLabel={t('search.filter.all')}
            id="filter-leeftijd"
            name="leeftijd"
            label={t('search.filter.leeftijd')}
            value={state.leeftijd}
            options={AGE_BANDS.map((g) => [g.id, g.label])}
            onChange={(leeftijd) => update({ leeftijd })}
          />
        </fieldset>
      </form>
      <p class="search-app__summary" role="status" aria-live="polite" tabIndex={-1} ref={summaryRef}>
        {summary}
      </p>
      {parsed.truncated && <p class="search-app__note">{t('zoeken.truncated', { n: MAX_QUERY_LENGTH })}</p>}
      {corrected.length > 0 && total > 0 && <p class="search-app__note">{t('zoeken.corrected', { words: corrected.join(', ') })}</p>}
      {quality === 'partial' && total > 0 && <p class="search-app__note">{t('zoeken.partial')}</p>}
      <ol class="search-app__results">
        {results.map((r) => (
          <li key={r.url}>
            <span class="search-app__section">{r.meta['doelgroep'] ?? r.meta['soort'] ?? t('search.section.general')}</span>
            <h2 class="search-app__title">
              <a href={r.url}>{r.meta['title']}</a>
            </h2>
            {/* The page's own summary reads better than an excerpt, which can land in the hidden search words.
                Pagefind escapes the excerpt and only adds <mark> around matches. */}
            {r.meta['samenvatting'] ? <p>{r.meta['samenvatting']}</p> : <p dangerouslySetInnerHTML={{ __html: r.excerpt }} />}
            {/* An activity's next date, chosen now so a date that passed since the build is skipped. */}
            <ActivityDate meta={r.meta} />
          </li>
        ))}
      </ol>
      <div class="search-app__help" hidden={!showHelp}>
        {help}
      </div>
    </div>
  );
}
