import { useEffect, useState } from 'preact/hooks';
import { t } from './console-strings.ts';
import { ariaShortcut } from '../../lib/chat-shortcuts.ts';
import { kaartLookupText, lookupKaart, type KaartLookupCard } from '../../lib/kaart-lookup.ts';
import type { Vocabulary } from '../../lib/query.ts';
import { loadSearchData } from '../../lib/search-client.ts';
import { NO_VOCABULARY } from '../../lib/sociale-kaart.ts';
import { useActiveOption } from './useActiveOption.ts';

interface Props {
  kaart: KaartLookupCard[];
  onInsert: (text: string) => void;
}

/**
 * Sociale-kaart lookup as a combobox: the same matching as the public sociale kaart (people's words,
 * typos, topics; src/lib/kaart-lookup.ts). Arrows choose a card, Enter puts it into the message being
 * written; a click does the same.
 */
export function ConsoleKaart({ kaart, onInsert }: Props) {
  const [query, setQuery] = useState('');
  const [vocabulary, setVocabulary] = useState<Vocabulary>(NO_VOCABULARY);
  useEffect(() => {
    // The site search's vocabulary (/zoekdata.json): until it is there, plain words still match.
    loadSearchData()
      .then(setVocabulary)
      .catch(() => undefined);
  }, []);
  const found = query.trim() ? lookupKaart(kaart, query, vocabulary) : [];
  const choose = (card: KaartLookupCard) => {
    onInsert(kaartLookupText(card));
    setQuery('');
    nav.reset();
  };
  const optionId = (i: number) => `kaartkaart-${i}`;
  const nav = useActiveOption(found, optionId, choose, () => setQuery(''));
  const open = found.length > 0;
  return (
    <section class="ws-kaart" aria-labelledby="kaart-titel">
      <h3 id="kaart-titel">{t('werkplek.kaart.title')}</h3>
      <label for="kaart-zoeken">{t('werkplek.kaart.search')}</label>
      <input
        id="kaart-zoeken"
        type="search"
        role="combobox"
        autocomplete="off"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls="kaart-kaarten"
        aria-activedescendant={open ? optionId(nav.current) : undefined}
        aria-describedby="kaart-hint"
        aria-keyshortcuts={ariaShortcut('kaart')}
        value={query}
        onInput={(e) => {
          setQuery(e.currentTarget.value);
          nav.reset();
        }}
        onKeyDown={nav.onKeyDown}
        onFocus={nav.onFocus}
      />
      <p id="kaart-hint" class="ws-hint">
        {t('werkplek.kaart.hint')}
      </p>
      <ul
        id="kaart-kaarten"
        role="listbox"
        aria-label={t('werkplek.kaart.results')}
        class="ws-options ws-options--kaart"
        hidden={!open}
        onMouseDown={nav.onListPress}
      >
        {found.map((card, i) => (
          // The input keeps focus (aria-activedescendant); a click chooses too (on the list).
          <li key={card.id} id={optionId(i)} role="option" aria-selected={i === nav.current} class="ws-option" data-index={i}>
            <strong>{card.name}</strong>
            <span>
              {card.organisation}
              {card.phone ? ` · ${card.phone}` : ''}
            </span>
          </li>
        ))}
      </ul>
      <p role="status" class={query.trim() && !open ? '' : 'visually-hidden'}>
        {query.trim() ? (open ? t('werkplek.kaart.count', { n: found.length }) : t('console.tools.kaartNone')) : ''}
      </p>
    </section>
  );
}
