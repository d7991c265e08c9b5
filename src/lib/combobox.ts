/**
 * Suggestions while typing, as a WAI-ARIA APG combobox with list autocomplete: the input keeps focus,
 * arrow keys move through the list (aria-activedescendant), Enter picks, Escape closes and a second
 * Escape clears the field. One implementation for the header field and the search page.
 *
 * The input carries role="combobox", aria-autocomplete="list", aria-controls and aria-expanded in the
 * HTML already, so its role never changes while it has focus.
 */
import { translator } from '../../shared/i18n/fill.ts';
import { zoekenStrings } from '../../shared/i18n/nl/zoeken.ts';
import type { Suggestion } from './query.ts';

const t = translator(zoekenStrings);

export interface ComboboxOptions {
  /** Suggestions for the text typed so far. */
  suggestions(value: string): Suggestion[];
  /** A suggestion was picked (Enter or click). */
  choose(suggestion: Suggestion): void;
  /** A polite live region for the number of suggestions. */
  status?: HTMLElement | null | undefined;
}

export function attachCombobox(input: HTMLInputElement, listbox: HTMLElement, options: ComboboxOptions): () => void {
  let items: Suggestion[] = [];
  let active = -1;

  const optionId = (i: number) => `${listbox.id}-${i}`;
  const setActive = (i: number) => {
    active = i;
    listbox.querySelectorAll('[role="option"]').forEach((el, j) => el.setAttribute('aria-selected', String(j === i)));
    if (i >= 0) {
      input.setAttribute('aria-activedescendant', optionId(i));
      document.getElementById(optionId(i))?.scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  };
  const close = () => {
    listbox.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    setActive(-1);
  };
  const announce = (n: number) => {
    if (options.status) options.status.textContent = n === 0 ? '' : n === 1 ? t('zoeken.suggestions.countOne') : t('zoeken.suggestions.count', { n });
  };
  const render = () => {
    items = options.suggestions(input.value);
    listbox.replaceChildren(
      ...items.map((s, i) => {
        const li = document.createElement('li');
        li.id = optionId(i);
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', 'false');
        li.className = 'combobox__option';
        const kind = document.createElement('span');
        kind.className = 'combobox__kind';
        kind.textContent = `${s.url ? t('zoeken.suggestion.page') : t('zoeken.suggestion.question')}: `;
        li.append(kind, s.label);
        return li;
      }),
    );
    active = -1;
    input.removeAttribute('aria-activedescendant');
    const open = items.length > 0 && document.activeElement === input;
    listbox.hidden = !open;
    input.setAttribute('aria-expanded', String(open));
    announce(open ? items.length : 0);
  };
  const pick = (i: number) => {
    if (i < 0 || i >= items.length) return;
    const chosen = items[i];
    close();
    options.choose(chosen);
  };

  const onInput = () => render();
  const onKeyDown = (e: KeyboardEvent) => {
    const open = !listbox.hidden;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!open) {
        render();
        if (listbox.hidden) return;
      }
      e.preventDefault();
      const n = items.length;
      if (e.altKey) return;
      setActive(e.key === 'ArrowDown' ? (active + 1) % n : active <= 0 ? n - 1 : active - 1);
    } else if (e.key === 'Enter' && open && active >= 0) {
      e.preventDefault();
      pick(active);
    } else if (e.key === 'Escape') {
      if (open) {
        e.preventDefault();
        close();
      } else if (input.value) {
        e.preventDefault();
        input.value = '';
        input.dispatchEvent(new Event('input', { bubbles: true }));
        close();
      }
    } else if (e.key === 'Tab') {
      close();
    }
  };
  // mousedown keeps focus in the input, so the click below can still read the list.
  const onMouseDown = (e: MouseEvent) => e.preventDefault();
  const onClick = (e: MouseEvent) => {
    const option = (e.target as HTMLElement).closest('[role="option"]');
    if (option) pick([...listbox.children].indexOf(option));
  };
  const onBlur = () => close();

  listbox.hidden = true;
  input.addEventListener('input', onInput);
  input.addEventListener('keydown', onKeyDown);
  input.addEventListener('blur', onBlur);
  listbox.addEventListener('mousedown', onMouseDown);
  listbox.addEventListener('click', onClick);
  return () => {
    input.removeEventListener('input', onInput);
    input.removeEventListener('keydown', onKeyDown);
    input.removeEventListener('blur', onBlur);
    listbox.removeEventListener('mousedown', onMouseDown);
    listbox.removeEventListener('click', onClick);
  };
}
