import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { AUDIENCE_LABELS, AUDIENCES, TOPICS, TOPIC_INFO } from '../../../shared/taxonomy.ts';
import { translator } from '../../../shared/i18n/fill.ts';
import { socialeKaartStrings } from '../../../shared/i18n/nl/sociale-kaart.ts';
import { openingState } from '../../../shared/opening-hours.ts';
import { loadSearchData } from '../../lib/search-client.ts';
import type { Vocabulary } from '../../lib/query.ts';
import { EMPTY_FILTERS, KAART_FILTER_FIELDS, NO_VOCABULARY, kaartResults, type KaartFilters as Filters, type ServiceFacts } from '../../lib/sociale-kaart.ts';
import type { OpeningSchedule } from '../../../shared/schedule.ts';
import { Select } from '../form/Select.tsx';
import { useUrlFilters } from '../form/useUrlFilters.ts';
import { AgeField } from '../form/AgeField.tsx';

// Only the sociale kaart's strings ship to the browser, not the whole dictionary.
const t = translator(socialeKaartStrings);

/**
 * Instant filters for the sociale kaart. The full list is static HTML (it works without JavaScript);
 * this island hides the items that do not fit and keeps the filters in the URL so a list can be shared.
 */
interface Props {
  /** id of the <ol> with the services. */
  listId: string;
  wijken: string[];
}

interface Item {
  el: HTMLElement;
  facts: ServiceFacts;
  schedule: OpeningSchedule | undefined;
}

type ShareStatus = '' | 'done' | 'manual';

export default function KaartFilters({ listId, wijken }: Props) {
  // A shared link with an unknown value (an old topic, a typo) falls back to "Alle"; Back/Forward restore filters.
  const fields = useMemo(() => ({ ...KAART_FILTER_FIELDS, wijk: wijken }), [wijken]);
  const { filters, update, reset, ready } = useUrlFilters<Filters>(fields, EMPTY_FILTERS);
  const [count, setCount] = useState<number | null>(null);
  const [share, setShare] = useState<ShareStatus>('');
  const [vocabulary, setVocabulary] = useState<Vocabulary>(NO_VOCABULARY);
  const [partial, setPartial] = useState(false);
  const [open, setOpen] = useState(false);
  const items = useRef<Item[]>([]);
  const list = useRef<HTMLElement | null>(null);
  const countRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    // The same vocabulary as the site search: "blowt" finds the services about "blowen".
    loadSearchData()
      .then(setVocabulary)
      .catch(() => undefined);
  }, []);

  useEffect(() => {
    list.current = document.getElementById(listId);
    items.current = [...(list.current?.querySelectorAll<HTMLElement>(':scope > li[data-service]') ?? [])].map((el) => ({
      el,
      facts: JSON.parse(el.dataset['facts'] ?? '{}') as ServiceFacts,
      schedule: el.dataset['schedule'] ? (JSON.parse(el.dataset['schedule']) as OpeningSchedule) : undefined,
    }));
  }, [listId]);

  useEffect(() => {
    if (!ready) return;
    const now = new Date();
    const found = kaartResults(
      items.current,
      (i) => i.facts,
      filters,
      vocabulary,
      (i) => (i.schedule ? openingState(i.schedule, now).open : false),
    );
    const shown = new Set(found.items);
    // Best matches first: the list is re-ordered (the original order when there is no search text).
    for (const item of [...found.items, ...items.current.filter((i) => !shown.has(i))]) {
      item.el.hidden = !shown.has(item);
      list.current?.append(item.el);
    }
    setPartial(found.items.length > 0 && found.best < found.terms);
    setCount(found.items.length);
    setShare('');
  }, [filters, ready, vocabulary]);

  const copyLink = async () => {
    try {
      await navigator.clipboard.writeText(location.href);
      setShare('done');
    } catch {
      setShare('manual');
    }
  };

  // On a phone the filters fold away behind one button, so the first results show without scrolling.
  const active = [filters.doelgroep, filters.leeftijd.trim(), filters.onderwerp, filters.wijk, filters.zonderVerwijzing, filters.nuOpen].filter(Boolean).length;
  const summary = count === null ? '' : count === 0 ? t('kaart.countNone') : count === 1 ? t('kaart.countOne') : t('kaart.count', { n: count });

  return (
    <div class="kaart-filters" hidden={!ready}>
      <form
        class="kaart-filters__form"
        onSubmit={(e) => {
          // The list already follows every change; submitting takes keyboard and screen reader users to the count.
          e.preventDefault();
          countRef.current?.focus();
        }}
        aria-label={t('kaart.filters')}
      >
        <div class="kaart-filters__field kaart-filters__field--wide">
          <label for="kaart-q">{t('kaart.filter.q')}</label>
          <div class="kaart-filters__searchrow">
            <input
              id="kaart-q"
              type="search"
              value={filters.q}
              autocomplete="off"
              placeholder={t('kaart.filter.qPlaceholder')}
              onInput={(e) => update({ q: e.currentTarget.value })}
            />
            <button
              type="button"
              class="button button--secondary kaart-filters__toggle"
              aria-expanded={open ? 'true' : 'false'}
              aria-controls="kaart-meer-filters"
              onClick={() => setOpen((o) => !o)}
            >
              {active > 0 ? t('kaart.filtersActive', { n: active }) : t('kaart.filtersToggle')}
            </button>
          </div>
        </div>
        <div id="kaart-meer-filters" class="kaart-filters__more" data-open={open ? 'true' : 'false'}>
          <Select
            class="kaart-filters__field"
            allLabel={t('kaart.filter.all')}
            id="kaart-doelgroep"
            label={t('kaart.filter.doelgroep')}
            value={filters.doelgroep}
            onChange={(doelgroep) => update({ doelgroep })}
            options={AUDIENCES.map((d) => [d, AUDIENCE_LABELS[d]])}
          />
          <AgeField
            id="kaart-leeftijd"
            label={t('kaart.filter.leeftijd')}
            hint={t('kaart.filter.leeftijdHint')}
            error={t('kaart.filter.leeftijdError')}
            value={filters.leeftijd}
            onInput={(leeftijd) => update({ leeftijd })}
          />
          <Select
            class="kaart-filters__field"
            allLabel={t('kaart.filter.all')}
            id="kaart-onderwerp"
            label={t('kaart.filter.onderwerp')}
            value={filters.onderwerp}
            onChange={(onderwerp) => update({ onderwerp })}
            options={TOPICS.map((o) => [o, TOPIC_INFO[o].label])}
          />
          <Select
            class="kaart-filters__field"
            allLabel={t('kaart.filter.all')}
            id="kaart-wijk"
            label={t('kaart.filter.wijk')}
            value={filters.wijk}
            onChange={(wijk) => update({ wijk })}
            options={wijken.map((w) => [w, w])}
          />
          <div class="kaart-filters__checks">
            <label>
              <input type="checkbox" checked={filters.zonderVerwijzing} onChange={(e) => update({ zonderVerwijzing: e.currentTarget.checked })} />
              {t('kaart.filter.zonderVerwijzing')}
            </label>
            <label>
              <input type="checkbox" checked={filters.nuOpen} onChange={(e) => update({ nuOpen: e.currentTarget.checked })} />
              {t('kaart.filter.nuOpen')}
            </label>
          </div>
          <div class="kaart-filters__actions">
            <button type="submit" class="button">
              {t('kaart.filter.submit')}
            </button>
            <button type="button" class="button" onClick={() => void copyLink()}>
              {t('kaart.share')}
            </button>
            <button type="button" class="button button--secondary" onClick={reset}>
              {t('kaart.filter.reset')}
            </button>
          </div>
        </div>
      </form>
      <p class="kaart-filters__status" role="status">
        {share === 'done' ? t('kaart.share.done') : share === 'manual' ? t('kaart.share.manual') : ''}
      </p>
      {share === 'manual' && (
        <p>
          <label for="kaart-link">{t('kaart.share.linkLabel')}</label>
          <input id="kaart-link" class="kaart-filters__link" type="text" readOnly value={location.href} onFocus={(e) => e.currentTarget.select()} />
        </p>
      )}
      <p class="kaart-filters__count" role="status" aria-live="polite" tabIndex={-1} ref={countRef}>
        {summary}
        {partial && ` ${t('kaart.partial')}`}
      </p>
    </div>
  );
}
