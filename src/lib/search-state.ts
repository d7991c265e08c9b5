import { AUDIENCE_LABELS, AUDIENCES, AGE_BANDS, TOPICS, TOPIC_INFO, type Audience, type Topic } from '../../shared/taxonomy.ts';

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
    doelgroep: pick(params.get('doelgroep'), AUDIENCES),
    onderwerp: pick(params.get('onderwerp'), TOPICS),
    leeftijd: pick(
      params.get('leeftijd'),
      AGE_BANDS.map((g) => g.id),
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
  if (state.doelgroep) filters['doelgroep'] = AUDIENCE_LABELS[state.doelgroep as Audience];
  if (state.onderwerp) filters['onderwerp'] = TOPIC_INFO[state.onderwerp as Topic].label;
  if (state.leeftijd) filters['leeftijd'] = state.leeftijd;
  return filters;
}
