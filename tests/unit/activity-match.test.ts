/**
 * Courses next to an article, with the real articles and the real (example) activities: what a parent or
 * a young person reading that page should see first (review 17 newcomer major 7).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { timedSessions, type ActivityFacts } from '../../src/lib/activities.ts';
import { activitiesForArticle, ageFit, relevance, subjectTerms, type ArticleFit } from '../../src/lib/activity-match.ts';

const root = new URL('../../src/content/', import.meta.url);
const frontMatter = (file: URL) => {
  const text = readFileSync(file, 'utf8');
  const [, yaml = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text) ?? [];
  return { data: parse(yaml) as Record<string, unknown>, body };
};

interface ActivityFile {
  title: string;
  summary: string;
  doelgroep: string[];
  onderwerpen: string[];
  ages?: { min: number; max: number };
  sessions?: { date: string; start: string; end: string }[];
  ongoing?: unknown;
}

const activities = readdirSync(new URL('activiteiten/', root)).map((name) => {
  const { data, body } = frontMatter(new URL(`activiteiten/${name}`, root));
  const d = data as unknown as ActivityFile;
  const sessions = timedSessions(d.sessions ?? []);
  const facts: ActivityFacts = {
    doelgroep: d.doelgroep,
    onderwerpen: d.onderwerpen,
    minimum_age: d.ages?.min,
    maximum_age: d.ages?.max,
    online: false,
    gratis: true,
    ongoing: Boolean(d.ongoing),
    sessions,
  };
  return { id: name.replace(/\.md$/, ''), facts, data: { title: d.title, summary: d.summary }, description: body };
});

const article = (path: string): ArticleFit => {
  const { data } = frontMatter(new URL(`artikelen/${path}.md`, root));
  return data as unknown as ArticleFit;
};

// Before every example date, so all of them are still ahead.
const now = Date.parse('2026-12-02T12:00:00Z');
const shown = (path: string) => activitiesForArticle(activities, article(path), now).map((a) => a.id);

describe('courses next to an article, most fitting first', () => {
  test('"Als jij of je partner verslaafd is" (ouders/verslaving-in-het-gezin): the KVO group for their child, first', () => {
    expect(shown('ouders/verslaving-in-het-gezin')[0]).toBe('kvo-groep-jongeren');
  });

  test('"Gamen en social media" (ouders/gamen-en-social-media): the evening on gaming first', () => {
    expect(shown('ouders/gamen-en-social-media')[0]).toBe('ouderavond-gamen-social-media');
  });

  test('"Gamen" for young people (jongeren/gamen): the evening on gaming first, not only the KVO group', () => {
    const ids = shown('jongeren/gamen');
    expect(ids[0]).toBe('ouderavond-gamen-social-media');
    expect(ids).not.toEqual(['kvo-groep-jongeren']);
  });

  test('"Driftbuien, niet luisteren en grenzen stellen" (ouders/driftbuien-en-grenzen): Triple P before a gaming evening', () => {
    const ids = shown('ouders/driftbuien-en-grenzen');
    expect(ids[0]).toBe('triple-p-groep');
    const gaming = ids.indexOf('ouderavond-gamen-social-media');
    if (gaming !== -1) expect(gaming).toBeGreaterThan(ids.indexOf('triple-p-groep'));
  });

  test('"Gamen" for young people (jongeren/gamen): no KVO group, a group for children of a parent with an addiction (review 17 newcomer 2, minor 8)', () => {
    expect(shown('jongeren/gamen')).not.toContain('kvo-groep-jongeren');
  });

  test('"Driftbuien, niet luisteren en grenzen stellen" (ouders/driftbuien-en-grenzen, 1 to 12): no "Opvoeden in de puberteit" (12 to 18)', () => {
    expect(shown('ouders/driftbuien-en-grenzen')).not.toContain('puberteit-cursus');
  });

  test('"Opvoeden van je basisschoolkind (4 tot 12 jaar)" (ouders/basisschoolkind): neither the puberty course nor the toddler morning, whose ages only touch its own', () => {
    const ids = shown('ouders/basisschoolkind');
    expect(ids).not.toContain('puberteit-cursus');
    expect(ids).not.toContain('peuter-ouder-ochtend');
  });

  test('"Mijn baby huilt veel" (ouders/huilen-bij-baby): with nothing closer, the toddler morning is still offered', () => {
    expect(shown('ouders/huilen-bij-baby')).toEqual(['peuter-ouder-ochtend']);
  });

  test('"Als jij of je partner verslaafd is" (ouders/verslaving-in-het-gezin): no divorce group just for sharing the topic', () => {
    expect(shown('ouders/verslaving-in-het-gezin')).not.toContain('kinderen-en-scheiding');
  });

  test('"Kinderen en scheiding" (ouders/scheiding): the group on divorce first', () => {
    expect(shown('ouders/scheiding')[0]).toBe('kinderen-en-scheiding');
  });
});

describe('words of the subject', () => {
  test('plurals, capitals and accents meet; phrases need their words in order', () => {
    const terms = subjectTerms({ keywords: ['driftbuien', 'KVO', 'niet luisteren', 'gameverslaving'] });
    const a = (summary: string) => ({ facts: activities[0].facts, data: { title: 'X', summary } });
    expect(relevance(a('Over driftbui en boosheid'), terms)).toBe(1);
    expect(relevance({ ...a('Over boosheid'), data: { title: 'Driftbuien', summary: '' } }, terms)).toBe(2);
    expect(relevance(a('De kvo-groep'), terms)).toBe(1);
    expect(relevance(a('Als je kind niet luistert'), terms)).toBe(1);
    expect(relevance(a('Luisteren doet je kind niet'), terms)).toBe(0);
    expect(relevance(a('Over opvoeden'), terms)).toBe(0);
  });

  test('an article without shared words keeps the old rule: same audience and topic only', () => {
    const fit = { doelgroep: 'professionals', onderwerp: 'opvoeden', leeftijd: { min: 0, max: 23 }, keywords: ['gamen'] };
    expect(activitiesForArticle(activities, fit, now)).toEqual([]);
  });
});

describe('ages of an activity against an article', () => {
  test('ranges that share years fit; ranges that only touch at 12 are an edge; apart is none', () => {
    expect(ageFit({ minimum_age: 2, maximum_age: 12 }, { min: 1, max: 12 })).toBe('shared');
    expect(ageFit({ minimum_age: 12, maximum_age: 18 }, { min: 1, max: 12 })).toBe('edge');
    expect(ageFit({ minimum_age: 8, maximum_age: 12 }, { min: 12, max: 23 })).toBe('edge');
    expect(ageFit({ minimum_age: 12, maximum_age: 16 }, { min: 0, max: 4 })).toBe('none');
    // An activity without ages is for every age; one age on either side fits where it lies.
    expect(ageFit({}, { min: 0, max: 1 })).toBe('shared');
    expect(ageFit({ minimum_age: 12, maximum_age: 12 }, { min: 4, max: 12 })).toBe('shared');
    expect(ageFit({ minimum_age: 4, maximum_age: 12 }, { min: 12, max: 12 })).toBe('shared');
  });
});
