import { describe, expect, test } from 'vitest';
import { articleSlug, articleUrl, assertArticleRoutes, sortArticles, type ArticleLike } from '../../src/lib/articles.ts';
import { TOPICS } from '../../shared/taxonomy.ts';

const article = (id: string, data: Partial<ArticleLike['data']> = {}): ArticleLike => ({
  id,
  filePath: `src/content/artikelen/${id}.md`,
  data: { doelgroep: 'ouders', onderwerp: 'opvoeden', title: id, order: 100, ...data },
});

describe('article routes', () => {
  test('the folder is the section and the file name the slug', () => {
    const a = article('ouders/pesten');
    expect(articleSlug(a)).toBe('pesten');
    expect(articleUrl(a)).toBe('/ouders/pesten/');
  });

  test('a file in the wrong section folder is refused, naming the file', () => {
    expect(() => assertArticleRoutes([article('jongeren/pesten')], TOPICS)).toThrow(
      'src/content/artikelen/jongeren/pesten.md: doelgroep is "ouders", maar het bestand staat in de map "jongeren".',
    );
  });

  test('an article may not take the URL of a topic page', () => {
    expect(() => assertArticleRoutes([article('ouders/middelengebruik')], TOPICS)).toThrow(/onderwerp-pagina/);
  });

  test('valid articles pass', () => {
    expect(() => assertArticleRoutes([article('ouders/a'), article('ouders/b')], TOPICS)).not.toThrow();
  });
});

describe('article order', () => {
  test('sorts by order, then by Dutch title', () => {
    const sorted = sortArticles([
      article('ouders/z', { title: 'Zindelijk', order: 1 }),
      article('ouders/e', { title: 'Eten', order: 100 }),
      article('ouders/b', { title: 'Baby', order: 100 }),
    ]);
    expect(sorted.map((a) => a.data.title)).toEqual(['Zindelijk', 'Baby', 'Eten']);
  });
});
