import { useState } from 'preact/hooks';
import { t } from '../../../shared/i18n/nl.ts';
import { ariaShortcut } from '../../lib/chat-shortcuts.ts';
import type { KaartEntry } from './console-types.ts';

interface Props {
  kaart: KaartEntry[];
  onInsert: (text: string) => void;
}

const MAX_RESULTS = 6;

/** A card the young person can act on: name, number to call, web address (which becomes a link). */
function kaartText(k: KaartEntry): string {
  return [k.name, k.phone ? t('console.tools.kaartCall', { phone: k.phone }) : '', k.url ?? ''].filter(Boolean).join(' · ');
}

/** Sociale-kaart lookup by name; "Zet in bericht" puts the card into the message being written. */
export function ConsoleKaart({ kaart, onInsert }: Props) {
  const [query, setQuery] = useState('');
  const q = query.trim().toLowerCase();
  const found = q ? kaart.filter((k) => k.name.toLowerCase().includes(q)).slice(0, MAX_RESULTS) : [];
  return (
    <section class="ws-kaart" aria-labelledby="kaart-titel">
      <h3 id="kaart-titel">{t('werkplek.kaart.title')}</h3>
      <label for="kaart-zoeken">{t('console.tools.kaartSearch')}</label>
      <input
        id="kaart-zoeken"
        type="search"
        value={query}
        autocomplete="off"
        aria-keyshortcuts={ariaShortcut('kaart')}
        onInput={(e) => setQuery(e.currentTarget.value)}
      />
      {q && (
        <ul class="ws-results" aria-label={t('console.tools.kaart')}>
          {found.length === 0 ? (
            <li>{t('console.tools.kaartNone')}</li>
          ) : (
            found.map((k) => (
              <li key={k.id}>
                <span>
                  <strong>{k.name}</strong>
                  {k.phone ? ` · ${k.phone}` : ''}
                </span>
                <button
                  type="button"
                  class="button button--secondary"
                  onClick={() => onInsert(kaartText(k))}
                  aria-label={`${t('console.tools.kaartSend')}: ${k.name}`}
                >
                  {t('console.tools.kaartSend')}
                </button>
              </li>
            ))
          )}
        </ul>
      )}
    </section>
  );
}
