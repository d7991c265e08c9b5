/**
 * Which upcoming activities an article shows next to "Hier kun je terecht", most fitting first. An
 * activity qualifies when its ages overlap the article's and either it has the article's audience and
 * topic, or its own words share the article's subject (a parent reading about addiction in the family
 * sees the group for their teenager; a young person reading about gaming sees the parents' evening on
 * gaming). Ranking: shared words first, then the same audience and topic, then the more specific
 * activity (fewer topics, narrower ages), then the sooner one. Only the best kind of fit present is shown
 * (see `tier`): no KVO group on a gaming page, no puberty course next to toddler tantrums. Pure; build-time only.
 */
import { ageOverlaps } from './ages.ts';
import { isUpcoming, nextStartMs, type ActivityFacts } from './activities.ts';

export interface ArticleFit {
  doelgroep: string;
  onderwerp: string;
  leeftijd: { min: number; max: number };
  keywords?: readonly string[] | undefined;
}

export interface MatchableActivity {
  facts: ActivityFacts;
  data: { title: string; summary: string };
}

/** Audiences whose activities a reader of the other may be pointed to, when the subject is the same. */
const RELATED_AUDIENCES: Record<string, readonly string[]> = { ouders: ['jongeren'], jongeren: ['ouders'] };

/** Single words that say nothing about the subject on their own. */
const STOP = new Set(['ouder', 'ouders', 'kind', 'kinderen', 'jongeren', 'jongere', 'gezin', 'wanneer', 'waarom', 'hulp']);

function normalise(text: string): string {
  return text
    .toLocaleLowerCase('nl')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A crude Dutch stem: drop a plural or verb ending, so "driftbuien" meets "driftbui" and "games" meets "gamen". */
function stem(word: string): string {
  for (const ending of ['en', 'n', 's', 'e']) {
    if (word.endsWith(ending) && word.length - ending.length >= 4) return word.slice(0, -ending.length);
  }
  return word;
}

/**
 * The article's subject as stems of words and phrases: its search keywords, which an editor chose to say
 * what the page is about (the title's words are not used: "grenzen stellen" would match every course).
 */
export function subjectTerms(fit: Pick<ArticleFit, 'keywords'>): string[][] {
  const phrases = fit.keywords ?? [];
  const terms = phrases.map((p) => normalise(p).split(' ').filter(Boolean).map(stem)).filter((t) => t.length > 0 && !(t.length === 1 && STOP.has(t[0])));
  return [...new Map(terms.map((t) => [t.join(' '), t])).values()];
}

function countIn(text: string, terms: readonly string[][]): number {
  const words = normalise(text).split(' ');
  const at = (i: number, part: string) => words[i]?.startsWith(part) ?? false;
  return terms.filter((term) => words.some((_, i) => term.every((part, j) => at(i + j, part)))).length;
}

/**
 * How many of the article's terms the activity's title and summary contain (a phrase counts when its
 * words follow each other); a term in the title counts twice, since the title says what the activity is
 * mainly about. The description is left out: its everyday words ("regels", "stellen") match too much.
 */
export function relevance(activity: MatchableActivity, terms: readonly string[][]): number {
  return countIn(activity.data.title, terms) + countIn(`${activity.data.title} ${activity.data.summary}`, terms);
}

/**
 * How an activity's ages meet an article's: `shared` when they share years, `edge` when they only touch
 * at one end (an article on toddler tantrums, 1 to 12, and a course on puberty, 12 to 18, share "12" on
 * paper, not their readers), `none` when they are apart. An activity without ages is for every age.
 */
export function ageFit(facts: Pick<ActivityFacts, 'minimum_age' | 'maximum_age'>, ages: { min: number; max: number }): 'shared' | 'edge' | 'none' {
  if (!ageOverlaps(facts, ages)) return 'none';
  const min = facts.minimum_age ?? 0;
  const max = facts.maximum_age ?? Number.POSITIVE_INFINITY;
  return Math.min(max, ages.max) > Math.max(min, ages.min) || min === max || ages.min === ages.max ? 'shared' : 'edge';
}

/**
 * How well an activity fits, best first: 0 shares the article's words and its ages, 1 only its audience,
 * topic and ages (audience and topic are broad: "middelengebruik" holds gaming and a parent's addiction),
 * 2 ages that only touch. Only the best group present is shown, so a weaker fit never fills the box next
 * to a better one, yet a page with nothing better still gets the nearest.
 */
function tier(score: number, ages: 'shared' | 'edge'): number {
  if (ages === 'edge') return 2;
  return score > 0 ? 0 : 1;
}

export function activitiesForArticle<A extends MatchableActivity>(activities: readonly A[], fit: ArticleFit, now: number, limit = 3): A[] {
  const terms = subjectTerms(fit);
  const related = RELATED_AUDIENCES[fit.doelgroep] ?? [];
  const candidates = activities
    .filter((a) => isUpcoming(a.facts, now))
    .flatMap((a) => {
      const ages = ageFit(a.facts, fit.leeftijd);
      if (ages === 'none') return [];
      const sameKind = a.facts.doelgroep.includes(fit.doelgroep) && a.facts.onderwerpen.includes(fit.onderwerp);
      const score = relevance(a, terms);
      const span = (a.facts.maximum_age ?? 23) - (a.facts.minimum_age ?? 0);
      return [{ a, sameKind, score, ages: span, tier: tier(score, ages) }];
    })
    .filter(({ a, sameKind, score }) => sameKind || (score > 0 && a.facts.doelgroep.some((d) => d === fit.doelgroep || related.includes(d))));
  const best = Math.min(...candidates.map((c) => c.tier));
  return candidates
    .filter((c) => c.tier === best)
    .sort(
      (x, y) =>
        y.score - x.score ||
        Number(y.sameKind) - Number(x.sameKind) ||
        x.a.facts.onderwerpen.length - y.a.facts.onderwerpen.length ||
        x.ages - y.ages ||
        nextStartMs(x.a.facts, now) - nextStartMs(y.a.facts, now),
    )
    .slice(0, limit)
    .map(({ a }) => a);
}
