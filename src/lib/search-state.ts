import { DOELGROEP_LABELS, DOELGROEPEN, LEEFTIJDSGROEPEN, ONDERWERPEN, ONDERWERP_INFO, type Doelgroep, type Onderwerp } from '../../shared/taxonomy.ts';

/** What the search page shows, kept in the URL so a search can be bookmarked and shared. */
export interface SearchState {
  q: string;
  doelgroep: string;
  onderwerp: string;
  leeftijd: string;
}

const pick = (value: string | null, allowed: readonly string[]) => (value && allowed.includes(value) ? value : '');

export function readSearchState(search: string): SearchState {
  const params = new URLSearchParams(search);
  return {
    q: params.get('q') ?? '',
    doelgroep: pick(params.get('doelgroep'), DOELGROEPEN),
    onderwerp: pick(params.get('onderwerp'), ONDERWERPEN),
    leeftijd: pick(
      params.get('leeftijd'),
      LEEFTIJDSGROEPEN.map((g) => g.id),
    ),
  };
}

export function writeSearchState(state: SearchState): string {
  const params = new URLSearchParams();
  for (const key of ['q', 'doelgroep', 'onderwerp', 'leeftijd'] as const) {
    const value = state[key].trim();
    if (value) params.set(key, value);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Pagefind filters use the labels the pages are tagged with (see SectionTag.astro). */
export function pagefindFilters(state: SearchState): Record<string, string> {
  const filters: Record<string, string> = {};
  if (state.doelgroep) filters['doelgroep'] = DOELGROEP_LABELS[state.doelgroep as Doelgroep];
  if (state.onderwerp) filters['onderwerp'] = ONDERWERP_INFO[state.onderwerp as Onderwerp].label;
  if (state.leeftijd) filters['leeftijd'] = state.leeftijd;
  return filters;
}
