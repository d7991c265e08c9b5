/**
 * What the browser needs to understand queries and suggest while typing, built once per build from the
 * content collections and served as /zoekdata.json (fetched on focus or idle, cached by the browser).
 */
import { getCollection } from 'astro:content';
import { articleUrl } from './articles.ts';
import type { Suggestion, Vocabulary, VocabularyGroup } from './query.ts';
import type { SearchData } from './search-client.ts';

export async function vocabulary(): Promise<Vocabulary & { groups: VocabularyGroup[]; questions: string[] }> {
  const entries = await getCollection('zoekwoorden');
  return {
    groups: entries.map(({ id, data }) => ({ id, woorden: data.woorden, zoek: data.zoek, gevaar: data.gevaar })),
    questions: entries.flatMap((e) => e.data.vragen),
    known: [],
  };
}

export async function searchData(): Promise<SearchData> {
  const [vocab, articles, organisaties] = await Promise.all([vocabulary(), getCollection('artikelen'), getCollection('organisaties')]);
  const suggestions: Suggestion[] = [
    ...articles.map((a) => ({ label: a.data.title, url: articleUrl(a), words: a.data.keywords })),
    ...organisaties.map((o) => ({ label: o.data.name, url: `/sociale-kaart/${o.id}/` })),
    ...vocab.questions.map((label) => ({ label })),
  ];
  const known = [...new Set([...articles.flatMap((a) => [a.data.title, ...a.data.keywords]), ...organisaties.map((o) => o.data.name)])];
  return { groups: vocab.groups, known, suggestions };
}
