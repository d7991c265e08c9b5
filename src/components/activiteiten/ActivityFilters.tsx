import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { AUDIENCE_LABELS, AUDIENCES, TOPICS, TOPIC_INFO } from '../../../shared/taxonomy.ts';
import { activiteitenStrings } from '../../../shared/i18n/nl/activiteiten.ts';
import { translator } from '../../../shared/i18n/fill.ts';
import { Select } from '../form/Select.tsx';
import { useUrlFilters } from '../form/useUrlFilters.ts';
import { AgeField } from '../form/AgeField.tsx';
import {
  ACTIVITY_FILTER_FIELDS,
  EMPTY_ACTIVITY_FILTERS,
  feedUrl,
  filtersNotInFeed,
  passesActivityFilters,
  type ActivityFacts,
  type ActivityFilters as Filters,
} from '../../lib/activities.ts';

// Only this area's strings: the whole dictionary would triple the island's download.
const t = translator(activiteitenStrings);

/**
 * Instant filters for `/activiteiten/`. The list is static HTML (it works without JavaScript); this island
 * hides what does not fit, drops activities whose last session passed since the build, and keeps the
 * filters in the URL so a selection can be shared. The calendar feed link follows the audience and topic,
 * says so in its name, and says which other filters it leaves out.
 */
interface Props {
  listId: string;
  wijken: string[];
  /** The CJG's number (site config) and its `tel:` link, for "… of bel het CJG" when nothing fits. */
  phone: string;
  phoneHref: string;
}

interface Item {
  el: HTMLElement;
  facts: ActivityFacts;
  /** [end of session in ms, "Eerstvolgende: …" text, "3 bijeenkomsten" or '' with one left] per session, in order. */
  labels: [number, string, string][];
}

/** The feed link names what it holds: the list's audience and topic, the only filters a feed follows. */
function feedLabel(f: Filters): string {
  const doelgroep = (AUDIENCES as readonly string[]).includes(f.doelgroep) ? AUDIENCE_LABELS[f.doelgroep as (typeof AUDIENCES)[number]].toLowerCase() : '';
  const onderwerp = (TOPICS as readonly string[]).includes(f.onderwerp) ? TOPIC_INFO[f.onderwerp as (typeof TOPICS)[number]].label.toLowerCase() : '';
  if (doelgroep && onderwerp) return t('act.feedBoth', { doelgroep, onderwerp });
  if (doelgroep) return t('act.feedAudience', { doelgroep });
  if (onderwerp) return t('act.feedTopic', { onderwerp });
  return t('act.feedAll');
}

export default function ActivityFilters({ listId, wijken, phone, phoneHref }: Props) {
  // A shared link with an unknown value falls back to "Alle"; Back/Forward restore filters.
  const fields = useMemo(() => ({ ...ACTIVITY_FILTER_FIELDS, wijk: wijken }), [wijken]);
  const { filters, update, reset, ready } = useUrlFilters<Filters>(fields, EMPTY_ACTIVITY_FILTERS);
  const [count, setCount] = useState<number | null>(null);
  // Phones: the filters fold behind one button (filter-form.css); wide screens always show them.
  const [open, setOpen] = useState(false);
  const [onlyOngoing, setOnlyOngoing] = useState(false);
  const items = useRef<Item[]>([]);

  useEffect(() => {
    const list = document.getElementById(listId);
    items.current = [...(list?.querySelectorAll<HTMLElement>(':scope > li[data-activity]') ?? [])].map((el) => ({
      el,
      facts: JSON.parse(el.dataset['facts'] ?? '{}') as ActivityFacts,
      labels: JSON.parse(el.dataset['labels'] ?? '[]') as [number, string, string][],
    }));
  }, [listId]);

  useEffect(() => {
    if (!ready) return;
    const now = Date.now();
    let shown = 0;
    let dated = 0;
    for (const item of items.current) {
      const ok = passesActivityFilters(item.facts, filters, now);
      item.el.hidden = !ok;
      if (!ok) continue;
      shown++;
      if (!item.facts.ongoing) dated++;
      // The page may be older than a session that has ended since: move "Eerstvolgende" on.
      const [, label, countLabel] = item.labels.find(([end]) => end > now) ?? [];
      const target = item.el.querySelector('[data-next-label]');
      if (label && target && target.textContent !== label) target.textContent = label;
      const counter = item.el.querySelector<HTMLElement>('[data-count-label]');
      if (counter && countLabel !== undefined) {
        counter.textContent = countLabel;
        counter.hidden = countLabel === '';
      }
    }
    setCount(shown);
    setOnlyOngoing(shown > 0 && dated === 0);
  }, [filters, ready]);

  const datesInvalid = filters.van !== '' && filters.tot !== '' && filters.tot < filters.van;
  const countText = count === null ? '' : count === 0 ? t('act.countNone') : count === 1 ? t('act.countOne') : t('act.count', { n: count });
  // A reversed range matches no date, so only ongoing groups are left: say why, next to the count.
  const summary =
    datesInvalid && count !== null
      ? `${countText}${countText.endsWith('.') ? '' : '.'} ${t(onlyOngoing ? 'act.filter.datesReversed' : 'act.filter.datesReversedNone')}`
      : countText;
  const active = [filters.doelgroep, filters.onderwerp, filters.leeftijd.trim(), filters.wijk, filters.van, filters.tot, filters.vorm, filters.gratis].filter(
    Boolean,
  ).length;

  const countRef = useRef<HTMLParagraphElement>(null);
  const select = (id: string, label: string, value: string, options: [string, string][], onChange: (v: string) => void) => (
    <Select class="kaart-filters__field" allLabel={t('act.filter.all')} id={id} label={label} value={value} options={options} onChange={onChange} />
  );

  return (
    <div class="kaart-filters" hidden={!ready}>
      <form
        class="kaart-filters__form"
        onSubmit={(e) => {
          // The list already follows every change; submitting takes keyboard and screen reader users to the count.
          e.preventDefault();
          countRef.current?.focus();
        }}
        aria-label={t('act.filters')}
      >
        <button
          type="button"
          class="button button--secondary kaart-filters__toggle"
          aria-expanded={open ? 'true' : 'false'}
          aria-controls="act-meer-filters"
          onClick={() => setOpen((o) => !o)}
        >
          {active > 0 ? t('act.filter.toggleActive', { n: active }) : t('act.filter.toggle')}
        </button>
        <div id="act-meer-filters" class="kaart-filters__more" data-open={open ? 'true' : 'false'}>
          {select(
            'act-doelgroep',
            t('act.filter.doelgroep'),
            filters.doelgroep,
            AUDIENCES.map((d) => [d, AUDIENCE_LABELS[d]]),
            (doelgroep) => update({ doelgroep }),
          )}
          {select(
            'act-onderwerp',
            t('act.filter.onderwerp'),
            filters.onderwerp,
            TOPICS.map((o) => [o, TOPIC_INFO[o].label]),
            (onderwerp) => update({ onderwerp }),
          )}
          <AgeField
            id="act-leeftijd"
            label={t('act.filter.leeftijd')}
            hint={t('act.filter.leeftijdHint')}
            error={t('act.filter.leeftijdError')}
            value={filters.leeftijd}
            onInput={(leeftijd) => update({ leeftijd })}
          />
          {wijken.length > 0 &&
            select(
              'act-wijk',
              t('act.filter.wijk'),
              filters.wijk,
              wijken.map((w) => [w, w]),
              (wijk) => update({ wijk }),
            )}
          <div class="kaart-filters__field">
            <label for="act-van">{t('act.filter.van')}</label>
            <input id="act-van" type="date" value={filters.van} onInput={(e) => update({ van: e.currentTarget.value })} />
          </div>
          <div class="kaart-filters__field">
            <label for="act-tot">{t('act.filter.tot')}</label>
            <input
              id="act-tot"
              type="date"
              value={filters.tot}
              aria-invalid={datesInvalid ? 'true' : undefined}
              aria-describedby={datesInvalid ? 'act-tot-error' : undefined}
              onInput={(e) => update({ tot: e.currentTarget.value })}
            />
            {datesInvalid && (
              <span id="act-tot-error" class="kaart-filters__error">
                {t('act.filter.datesError')}
              </span>
            )}
          </div>
          {select(
            'act-vorm',
            t('act.filter.vorm'),
            filters.vorm,
            [
              ['online', t('act.filter.vormOnline')],
              ['locatie', t('act.filter.vormLocatie')],
            ],
            (vorm) => update({ vorm: vorm === 'online' || vorm === 'locatie' ? vorm : '' }),
          )}
          <div class="kaart-filters__checks">
            <label>
              <input type="checkbox" checked={filters.gratis} onChange={(e) => update({ gratis: e.currentTarget.checked })} />
              {t('act.filter.gratis')}
            </label>
          </div>
          <div class="kaart-filters__actions">
            <button type="submit" class="button">
              {t('act.filter.submit')}
            </button>
            <button type="button" class="button button--secondary" onClick={reset}>
              {t('act.filter.reset')}
            </button>
          </div>
        </div>
      </form>
      <p class="kaart-filters__count" role="status" aria-live="polite" tabIndex={-1} ref={countRef}>
        {summary}
        {count === 0 && (
          <>
            {' '}
            {t('act.callCjg')} <a href={phoneHref}>{phone}</a>.
          </>
        )}
      </p>
      <p class="act-feed">
        <a href={feedUrl(filters)}>{feedLabel(filters)}</a>
        <br />
        <span class="kaart-filters__hint">
          {filtersNotInFeed(filters) && `${t('act.feedPartial')} `}
          {t('act.feedHint')}
        </span>
      </p>
    </div>
  );
}
