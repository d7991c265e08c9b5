import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { CHAT_TOPICS } from '../../shared/protocol/limits.ts';
import type { ArticleLike } from '../../src/lib/articles.ts';
import { readingFor, waitingReading, WAITING_ARTICLES_MAX } from '../../src/lib/waiting-articles.ts';
import { YOUTH_TOPIC_OPTIONS } from '../../src/lib/youth-choices.ts';

/** The shipped articles for young people, read the way the build reads them (drafts start with `_`). */
const dir = join(import.meta.dirname, '..', '..', 'src', 'content', 'artikelen', 'jongeren');
const shipped: ArticleLike[] = readdirSync(dir)
  .filter((f) => f.endsWith('.md') && !f.startsWith('_'))
  .map((f) => {
    const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(join(dir, f), 'utf8'))?.[1] ?? '';
    const data = parseYaml(front) as Omit<ArticleLike['data'], 'order'> & { order?: number };
    return { id: `jongeren/${f.replace(/\.md$/, '')}`, data: { ...data, order: data.order ?? 100 } };
  });

const article = (id: string, onderwerp: ArticleLike['data']['onderwerp'], doelgroep: ArticleLike['data']['doelgroep'] = 'jongeren'): ArticleLike => ({
  id: `${doelgroep}/${id}`,
  data: { doelgroep, onderwerp, title: id, order: 100 },
});

describe('reading while waiting in the chat queue', () => {
  const reading = waitingReading(shipped);

  test.each(YOUTH_TOPIC_OPTIONS)('topic %s (%s) has articles of its own for young people', (topic) => {
    const shown = readingFor(reading, topic);
    expect(shown.topic).toBe(topic);
    expect(shown.articles.length).toBeGreaterThan(0);
    expect(shown.articles.length).toBeLessThanOrEqual(WAITING_ARTICLES_MAX);
    for (const a of shown.articles) expect(a.url).toMatch(/^\/jongeren\/[a-z0-9-]+\/$/);
  });

  test('"Problemen", the topic with the most articles, shows four (the review saw "geen artikelen")', () => {
    expect(readingFor(reading, 'problemen').articles).toHaveLength(WAITING_ARTICLES_MAX);
  });

  test('no topic chosen: a general list', () => {
    expect(readingFor(reading, null)).toMatchObject({ topic: null, articles: reading.general });
    expect(reading.general.length).toBeGreaterThan(0);
  });

  test('a topic without its own articles falls back to the general list under a general heading, never an empty promise', () => {
    const few = waitingReading([article('stress', 'problemen'), article('pesten-ouders', 'school', 'ouders')]);
    expect(few.byTopic.school).toEqual([]);
    expect(readingFor(few, 'school')).toEqual({ topic: null, articles: [{ url: '/jongeren/stress/', title: 'stress' }] });
    expect(readingFor(waitingReading([]), 'school').articles).toEqual([]);
  });

  test('articles for parents or professionals are never offered to a young person', () => {
    const mixed = waitingReading([article('a', 'school', 'ouders'), article('b', 'school', 'professionals'), article('c', 'school')]);
    expect(mixed.byTopic.school.map((a) => a.url)).toEqual(['/jongeren/c/']);
  });

  test('every chat topic is covered', () => {
    expect(Object.keys(reading.byTopic).sort()).toEqual([...CHAT_TOPICS].sort());
  });
});
