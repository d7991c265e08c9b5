import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { AUDIENCES, type Audience, type Topic } from '../../shared/taxonomy.ts';
import { articleUrl, topicUrl } from '../../src/lib/articles.ts';
import { defined } from '../support/defined.ts';

/**
 * Every internal link in the content must lead to a page the build makes, and every id in
 * `organisaties` and `related` must exist. The build also rejects unknown ids, but only this
 * test names the page and the link together, so a web editor can fix a typo in one go.
 */

const ROOT = join(import.meta.dirname, '..', '..');
const ARTICLES_DIR = join(ROOT, 'src', 'content', 'artikelen');
const PAGES_DIR = join(ROOT, 'src', 'pages');
const SOCIALE_KAART_DIR = join(ROOT, 'src', 'content', 'sociale-kaart');

/** Files whose name starts with `_` are drafts: not published, so neither link targets nor checked. */
const isDraft = (file: string) => file.split(sep).pop()?.startsWith('_') ?? false;

function filesUnder(dir: string, extensions: string[]): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...filesUnder(path, extensions));
    else if (extensions.some((ext) => name.endsWith(ext)) && !isDraft(path)) found.push(path);
  }
  return found;
}

interface ContentFile {
  /** Path from the repository root, as the editor knows it. */
  file: string;
  frontmatter: Record<string, unknown>;
  body: string;
}

function readContent(path: string): ContentFile {
  const text = readFileSync(path, 'utf8');
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  const file = relative(ROOT, path).split(sep).join('/');
  if (!match) return { file, frontmatter: {}, body: text };
  const frontmatter: unknown = parseYaml(match[1]);
  return {
    file,
    frontmatter: frontmatter && typeof frontmatter === 'object' ? (frontmatter as Record<string, unknown>) : {},
    body: match[2],
  };
}

/** `src/content/artikelen/ouders/pesten.md` → `ouders/pesten`: the id Astro's glob loader gives it. */
function articleId(path: string): string {
  return relative(ARTICLES_DIR, path)
    .split(sep)
    .join('/')
    .replace(/\.(md|mdx)$/, '');
}

/** Internal link targets in markdown: inline `[text](/path "title")` and reference `[x]: /path`. Code is not content. */
function internalLinks(markdown: string): string[] {
  const prose = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  const inline = [...prose.matchAll(/\]\((\/[^)\s]*)/g)].map((m) => m[1]);
  const reference = [...prose.matchAll(/^\s*\[[^\]]+\]:\s*(\/\S*)/gm)].map((m) => m[1]);
  return [...inline, ...reference];
}

/** The page a link opens: without `#fragment` or `?query`. */
function pathOf(link: string): string {
  return link.replace(/[#?].*$/, '');
}

const articlePaths = filesUnder(ARTICLES_DIR, ['.md', '.mdx']);
const articles = articlePaths.map((path) => ({ id: articleId(path), ...readContent(path) }));
const standalonePages = readdirSync(PAGES_DIR)
  .filter((name) => name.endsWith('.md') && !name.startsWith('_'))
  .map((name) => readContent(join(PAGES_DIR, name)));
const organisationIds = new Set(
  readdirSync(SOCIALE_KAART_DIR)
    .filter((name) => /\.(ya?ml|json)$/.test(name) && !name.startsWith('_'))
    .map((name) => name.replace(/\.(ya?ml|json)$/, '')),
);
const articleIds = new Set(articles.map((a) => a.id));

function knownUrls(): Set<string> {
  const urls = new Set<string>(['/', '/zoeken/', '/sociale-kaart/', '/jongeren/chat/', '/privacy/', '/toegankelijkheid/', '/over-het-cjg/']);
  for (const doelgroep of AUDIENCES) urls.add(`/${doelgroep}/`);
  for (const id of organisationIds) urls.add(`/sociale-kaart/${id}/`);
  for (const page of standalonePages) urls.add(`/${page.file.split('/').pop()?.replace(/\.md$/, '')}/`);
  for (const article of articles) {
    const doelgroep = article.frontmatter['doelgroep'] as Audience;
    const onderwerp = article.frontmatter['onderwerp'] as Topic;
    const like = { id: article.id, data: { doelgroep, onderwerp, title: '', order: 0 } };
    urls.add(articleUrl(like));
    // A topic page exists exactly when at least one article in that section has the topic.
    urls.add(topicUrl(doelgroep, onderwerp));
  }
  return urls;
}

const urls = knownUrls();

describe('content links', () => {
  test('finds the content it is meant to check', () => {
    expect(articles.length).toBeGreaterThan(0);
    expect(standalonePages.map((p) => p.file)).toContain('src/pages/over-het-cjg.md');
    expect(organisationIds.size).toBeGreaterThan(0);
  });

  test('the link check is not blind: it sees the links in the real articles, and a broken one', () => {
    // Without this, an extraction that found nothing would let every article below pass.
    const found = articles.flatMap((a) => internalLinks(a.body));
    expect(found.filter((link) => pathOf(link) === '/jongeren/chat/').length).toBeGreaterThanOrEqual(10);
    expect(found.filter((link) => link.startsWith('/sociale-kaart/')).length).toBeGreaterThanOrEqual(10);
    const article = defined(
      articles.find((a) => internalLinks(a.body).some((link) => urls.has(pathOf(link)))),
      'an article with a working internal link',
    );
    const broken = `${article.body}\n\nZie ook [dit](/ouders/bestaat-niet/) en\n\n[ref]: /jongeren/ook-niet/\n`;
    expect(internalLinks(broken).filter((link) => !urls.has(pathOf(link)))).toEqual(['/ouders/bestaat-niet/', '/jongeren/ook-niet/']);
  });

  test.each([...articles, ...standalonePages].map((c) => [c.file, c] as const))('%s: every internal link leads to a page', (_file, content) => {
    const broken = internalLinks(content.body).filter((link) => !urls.has(pathOf(link)));
    const hint = broken.map((link) => {
      const path = pathOf(link);
      return urls.has(`${path}/`) ? `${link} (zet een / aan het eind: ${path}/)` : link;
    });
    expect(hint, `${content.file} linkt naar pagina's die niet bestaan`).toEqual([]);
  });

  test.each(articles.map((a) => [a.file, a] as const))('%s: organisaties and related ids exist', (_file, article) => {
    const organisaties = (article.frontmatter['organisaties'] ?? []) as string[];
    const related = (article.frontmatter['related'] ?? []) as string[];
    const missing = [
      ...organisaties.filter((id) => !organisationIds.has(id)).map((id) => `organisaties: ${id}`),
      ...related.filter((id) => !articleIds.has(id)).map((id) => `related: ${id}`),
    ];
    expect(missing, `${article.file} verwijst naar iets dat niet bestaat`).toEqual([]);
  });

  test.each(articles.map((a) => [a.file, a] as const))('%s: does not list itself as related', (_file, article) => {
    const related = (article.frontmatter['related'] ?? []) as string[];
    expect(related, `${article.file} noemt zichzelf bij related`).not.toContain(article.id);
  });
});
