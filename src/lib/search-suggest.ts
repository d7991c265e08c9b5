/**
 * Wires the suggestion combobox to the search data. Loaded by the header field only when it gets focus,
 * so pages that are just read do not ship it.
 */
import { attachCombobox } from './combobox.ts';
import { suggest, type Suggestion } from './query.ts';
import { loadSearchData, type SearchData } from './search-client.ts';

export function enableSuggestions(input: HTMLInputElement, listbox: HTMLElement, status: HTMLElement | null, choose: (s: Suggestion) => void): () => void {
  let data: SearchData | null = null;
  loadSearchData()
    .then((loaded) => {
      data = loaded;
      // Text typed before the list arrived still gets suggestions.
      if (document.activeElement === input && input.value) input.dispatchEvent(new Event('input', { bubbles: true }));
    })
    .catch(() => undefined);
  return attachCombobox(input, listbox, {
    suggestions: (value) => (data ? suggest(value, data.suggestions) : []),
    choose,
    status,
  });
}
