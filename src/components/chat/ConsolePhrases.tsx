import { useState } from 'preact/hooks';
import type { ChatPhrase } from '../../../shared/config/site-schema.ts';
import { t } from './console-strings.ts';
import { ariaShortcut } from '../../lib/chat-shortcuts.ts';
import { useActiveOption } from './useActiveOption.ts';

interface Props {
  phrases: ChatPhrase[];
  onInsert: (text: string) => void;
}

const matches = (p: ChatPhrase, q: string) => !q || `${p.title} ${p.text}`.toLowerCase().includes(q);

/**
 * Standaardzinnen (from the CJG's configuration) as a combobox: type to filter on title and text,
 * arrows to choose, Enter to put the sentence into the message being written.
 */
export function ConsolePhrases({ phrases, onInsert }: Props) {
  const [query, setQuery] = useState('');
  const shown = phrases.filter((p) => matches(p, query.trim().toLowerCase()));
  const optionId = (i: number) => `standaardzin-${i}`;
  const choose = (p: ChatPhrase) => {
    onInsert(p.text);
    setQuery('');
    nav.reset();
  };
  const nav = useActiveOption(shown, optionId, choose);
  const current = nav.current;
  return (
    <section class="ws-phrases" aria-labelledby="zinnen-titel">
      <h3 id="zinnen-titel">{t('werkplek.phrases.title')}</h3>
      <label for="standaardzin-zoeken">{t('werkplek.phrases.search')}</label>
      <input
        id="standaardzin-zoeken"
        type="search"
        role="combobox"
        autocomplete="off"
        aria-expanded="true"
        aria-controls="standaardzinnen"
        aria-activedescendant={shown.length ? optionId(current) : undefined}
        aria-describedby="standaardzin-hint"
        aria-keyshortcuts={ariaShortcut('phrase')}
        value={query}
        onInput={(e) => {
          setQuery(e.currentTarget.value);
          nav.reset();
        }}
        onKeyDown={nav.onKeyDown}
        onFocus={nav.onFocus}
      />
      <p id="standaardzin-hint" class="ws-hint">
        {t('werkplek.phrases.hint')}
      </p>
      <ul id="standaardzinnen" role="listbox" aria-label={t('werkplek.phrases.title')} class="ws-options" onMouseDown={nav.onListPress}>
        {shown.map((p, i) => (
          // The input keeps focus (aria-activedescendant); a click chooses too (on the list).
          <li key={p.title} id={optionId(i)} role="option" aria-selected={i === current} class="ws-option" data-index={i}>
            <strong>{p.title}</strong>
            <span>{p.text}</span>
          </li>
        ))}
      </ul>
      {shown.length === 0 && <p>{t('werkplek.phrases.none')}</p>}
    </section>
  );
}
