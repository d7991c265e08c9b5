import type { Audience, Topic } from '../../shared/taxonomy.ts';

/** The parts of an article entry the routing needs; matches `CollectionEntry<'artikelen'>`. */
export interface ArticleLike {
  id: string;
  filePath?: string | undefined;
  data: { doelgroep: Audience; onderwerp: Topic; title: string; order: number };
}

/** `ouders/pesten` → `pesten`. The folder is the section; the file name is the URL slug. */
export function articleSlug(article: ArticleLike): string {
  const parts = article.id.split('/');
  return parts[parts.length - 1] ?? article.id;
}

export function articleUrl(article: ArticleLike): string {
  return `/${article.data.doelgroep}/${articleSlug(article)}/`;
}

export function topicUrl(doelgroep: Audience, onderwerp: Topic): string {
  return `/${doelgroep}/${onderwerp}/`;
}

/**
 * Fails loudly when a file sits in another section's folder than its `doelgroep`, or when an
 * article slug would collide with a topic page or another article: both would silently hide a page.
 */
export function assertArticleRoutes(articles: ArticleLike[], topicSlugs: readonly string[]): void {
  const seen = new Map<string, string>();
  for (const article of articles) {
    const where = article.filePath ?? article.id;
    const folder = article.id.split('/')[0];
    if (folder !== article.data.doelgroep) {
      throw new Error(`${where}: doelgroep is "${article.data.doelgroep}", maar het bestand staat in de map "${folder}".`);
    }
    const url = articleUrl(article);
    if (topicSlugs.includes(articleSlug(article))) {
      throw new Error(`${where}: de bestandsnaam "${articleSlug(article)}" is al de naam van een onderwerp-pagina. Kies een andere naam.`);
    }
    const other = seen.get(url);
    if (other) throw new Error(`${where}: ${url} bestaat al (${other}).`);
    seen.set(url, where);
  }
}

/** Stable reading order for lists: `order` first, then title in Dutch collation. */
export function sortArticles<T extends ArticleLike>(articles: T[]): T[] {
  return [...articles].sort((a, b) => a.data.order - b.data.order || a.data.title.localeCompare(b.data.title, 'nl'));
}
