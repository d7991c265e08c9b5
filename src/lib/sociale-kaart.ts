/**
 * Pure helpers for the sociale kaart: what a service's facts mean (zonder verwijzing, age, freshness),
 * the directory's filters and their URL form, and which services fit an article.
 * Used at build time (pages, HelpBlock) and in the browser (the filter island), so no Astro imports.
 */
import { AUDIENCE_LABELS, AUDIENCES, TOPIC_INFO, TOPICS, type Audience, type Topic } from '../../shared/taxonomy.ts';
import { parseQuery, peoplesWords, textMatch, type Vocabulary, type WeightedText } from './query.ts';
import type { Organisation, Service } from '../schemas/organisation.ts';
import { VERWIJSROUTES } from '../config/sociale-kaart.ts';
import { ageOverlaps, parseAge, type AgeRange } from './ages.ts';
import type { OpeningSchedule } from '../../shared/schedule.ts';
import type { FilterFields } from './url-filters.ts';

/** True when at least one way in needs no referral. */
export function zonderVerwijzing(service: Pick<Service, 'application_process'>): boolean {
  return service.application_process.routes.some((r) => !VERWIJSROUTES.includes(r));
}

/** The service's opening hours: its own, or the chat's from the site configuration; undefined = not known. */
export function serviceSchedule(service: Pick<Service, 'schedules' | 'schedules_from'>, chat: OpeningSchedule): OpeningSchedule | undefined {
  if (service.schedules) return service.schedules;
  if (service.schedules_from === 'chat') return chat;
  return undefined;
}

/**
 * The number to tap for a service: its own first voice line, else the organisation's. Without a
 * service: the organisation's line, else that of its first active service that has one.
 */
export function callNumber(org: Pick<Organisation, 'phones' | 'services'>, service?: Pick<Service, 'phones'>): string | undefined {
  const voice = (phones: readonly { number: string; type: string }[]) => phones.find((p) => p.type === 'voice')?.number;
  if (service) return voice(service.phones) ?? voice(org.phones);
  return (
    voice(org.phones) ??
    org.services
      .filter((s) => s.status === 'active')
      .map((s) => voice(s.phones))
      .find(Boolean)
  );
}

/** The organisation's locations where a service is offered, in the organisation's order. */
export function serviceLocations(org: Pick<Organisation, 'locations'>, service: Pick<Service, 'locations'>): Organisation['locations'] {
  return org.locations.filter((l) => service.locations.includes(l.id));
}

/**
 * The opening hours behind a phone number: those of the first active service one reaches on it
 * (its `callNumber`) that has hours. Numbers compare by their digits, so "012-345 67 89" is
 * "0123456789". Used for the CJG's own number (`site.contact.phone`), whose hours the sociale kaart
 * holds; undefined when no service with hours answers it.
 */
export function numberSchedule(orgs: readonly Pick<Organisation, 'phones' | 'services'>[], number: string, chat: OpeningSchedule): OpeningSchedule | undefined {
  const digits = (n: string) => n.replace(/\D/g, '');
  for (const org of orgs) {
    for (const service of org.services) {
      if (service.status !== 'active' || digits(callNumber(org, service) ?? '') !== digits(number)) continue;
      const schedule = serviceSchedule(service, chat);
      if (schedule) return schedule;
    }
  }
  return undefined;
}

/** Details older than this are flagged "mogelijk verouderd". */
export const STALE_AFTER_DAYS = 365;

export type Freshness = 'onbekend' | 'actueel' | 'mogelijk-verouderd';

/** How fresh an assured_date (YYYY-MM-DD) is at `now`. */
export function freshness(assuredDate: string | undefined, now: Date): Freshness {
  if (!assuredDate) return 'onbekend';
  const checked = Date.parse(`${assuredDate}T00:00:00Z`);
  return (+now - checked) / 86_400_000 > STALE_AFTER_DAYS ? 'mogelijk-verouderd' : 'actueel';
}

// ---------------------------------------------------------------------------------------------------
// Directory filters and their URL form

export interface KaartFilters {
  q: string;
  doelgroep: string;
  leeftijd: string;
  onderwerp: string;
  wijk: string;
  zonderVerwijzing: boolean;
  nuOpen: boolean;
}

export const EMPTY_FILTERS: KaartFilters = { q: '', doelgroep: '', leeftijd: '', onderwerp: '', wijk: '', zonderVerwijzing: false, nuOpen: false };

/** How the filters stand in the URL (`?doelgroep=jongeren&leeftijd=15&zonderVerwijzing=1`); the island adds the page's wijken. */
export const KAART_FILTER_FIELDS: FilterFields<KaartFilters> = {
  q: 'text',
  doelgroep: AUDIENCES,
  leeftijd: 'text',
  onderwerp: TOPICS,
  wijk: 'text',
  zonderVerwijzing: 'flag',
  nuOpen: 'flag',
};

/** What the filter needs to know about one listed service (also written into the page as data-*). */
export interface ServiceFacts {
  /** The service's name (a match here counts most). */
  name: string;
  /** What it does, in its own words: organisation, descriptions, how to apply. */
  text: string;
  /**
   * The audiences and topics it is tagged with, as labels. Broad: every service tagged "middelengebruik"
   * carries "Alcohol, roken, drugs en gamen", so a match here counts less than one in its own words.
   */
  tags: string;
  /** People's words for the problems it helps with (from the vocabulary). */
  words: string;
  doelgroep: readonly string[];
  minimum_age?: number | undefined;
  maximum_age?: number | undefined;
  onderwerpen: readonly string[];
  /** Wijken of its locations; empty with `overal` for services not tied to a wijk. */
  wijken: readonly string[];
  /** Serves every wijk (gemeente-wide, regional or national). */
  overal: boolean;
  zonderVerwijzing: boolean;
}

/** A vocabulary without groups: plain word matching, for callers that have none at hand. */
export const NO_VOCABULARY: Vocabulary = { groups: [], known: [] };

/**
 * The services that pass the filters, in the order to show them. With a search text, services match
 * when they have at least one of its meaningful words (or the site's words for them, from the
 * vocabulary); those that match more words come first. `isOpen` is asked only when "nu open" is on.
 * `terms` is the number of meaningful words searched for, `best` how many of them the first service has.
 */
export function kaartResults<T>(
  items: readonly T[],
  factsOf: (item: T) => ServiceFacts,
  f: KaartFilters,
  vocabulary: Vocabulary,
  isOpen: (item: T) => boolean,
): { items: T[]; terms: number; best: number } {
  const age = parseAge(f.leeftijd);
  const query = parseQuery(f.q, vocabulary);
  const scored: { item: T; matched: number; score: number; order: number }[] = [];
  items.forEach((item, order) => {
    const facts = factsOf(item);
    if (f.doelgroep && !facts.doelgroep.includes(f.doelgroep)) return;
    if (f.onderwerp && !facts.onderwerpen.includes(f.onderwerp)) return;
    if (age && !ageOverlaps(facts, age)) return;
    if (f.wijk && !facts.overal && !facts.wijken.includes(f.wijk)) return;
    if (f.zonderVerwijzing && !facts.zonderVerwijzing) return;
    const match = query.terms.length ? textMatch(searchParts(facts), query) : { matched: 0, score: 0 };
    if (query.terms.length && match.matched === 0) return;
    if (f.nuOpen && !isOpen(item)) return;
    // "mijn zoon blowt": among equal matches, services for parents first.
    const forAudience = query.audience && facts.doelgroep.includes(query.audience) ? AUDIENCE_BOOST : 0;
    scored.push({ item, matched: match.matched, score: match.score + forAudience, order });
  });
  scored.sort((a, b) => b.matched - a.matched || b.score - a.score || a.order - b.order);
  return { items: scored.map((s) => s.item), terms: query.terms.length, best: scored[0]?.matched ?? 0 };
}

const AUDIENCE_BOOST = 0.3;

const searchParts = (facts: ServiceFacts): WeightedText[] => [
  { text: facts.name, weight: 1.5 },
  { text: facts.text, weight: 1 },
  { text: facts.words, weight: 0.6 },
  { text: facts.tags, weight: 0.5 },
];

/** Whether one service passes the filters (see kaartResults). */
export function passesFilters(facts: ServiceFacts, f: KaartFilters, isOpen: () => boolean, vocabulary = NO_VOCABULARY): boolean {
  return kaartResults([facts], (x) => x, f, vocabulary, isOpen).items.length === 1;
}

/**
 * The facts of one service of an organisation. Its search text holds what it does, who it is for and,
 * with a vocabulary, the words people use for the problems it helps with.
 */
export function serviceFacts(org: Organisation, service: Service, vocabulary = NO_VOCABULARY): ServiceFacts {
  // A service without locations of its own (a chat, a phone line) is not tied to a wijk.
  const locations = org.locations.filter((l) => service.locations.includes(l.id));
  const wijken = [...new Set(locations.map((l) => l.wijk).filter((w): w is string => Boolean(w)))];
  const own = [org.name, org.description, service.description, service.application_process.text].join(' ');
  const tags = [...service.doelgroep.map((d) => AUDIENCE_LABELS[d]), ...service.onderwerpen.map((o) => TOPIC_INFO[o].label)].join(' ');
  return {
    name: service.name,
    text: own,
    tags,
    words: peoplesWords([], vocabulary, `${service.name} ${own} ${tags}`).join(' '),
    doelgroep: service.doelgroep,
    minimum_age: service.minimum_age,
    maximum_age: service.maximum_age,
    onderwerpen: service.onderwerpen,
    wijken,
    overal: org.werkgebied !== 'wijk' || wijken.length === 0,
    zonderVerwijzing: zonderVerwijzing(service),
  };
}

// ---------------------------------------------------------------------------------------------------
// "Hier kun je terecht": services that fit an article

export interface ArticleFit {
  doelgroep: Audience;
  onderwerp: Topic;
  leeftijd: AgeRange;
}

export interface MatchedService {
  orgId: string;
  org: Organisation;
  service: Service;
}

/**
 * Services that fit an article: same onderwerp and overlapping ages, active, not from an organisation
 * that is already hand-picked; at most one per organisation. Services for the article's own doelgroep
 * come first, then ones you can reach without referral, then local before national.
 */
export function matchingServices(
  orgs: readonly { id: string; data: Organisation }[],
  article: ArticleFit,
  options: { exclude: readonly string[]; limit: number },
): MatchedService[] {
  const scored: { m: MatchedService; score: number }[] = [];
  for (const { id, data: org } of orgs) {
    if (options.exclude.includes(id)) continue;
    let best: { m: MatchedService; score: number } | null = null;
    for (const service of org.services) {
      if (service.status !== 'active') continue;
      if (!service.onderwerpen.includes(article.onderwerp)) continue;
      if (!ageOverlaps(service, article.leeftijd)) continue;
      const score = (service.doelgroep.includes(article.doelgroep) ? 4 : 0) + (zonderVerwijzing(service) ? 2 : 0) + (org.werkgebied === 'landelijk' ? 0 : 1);
      if (!best || score > best.score) best = { m: { orgId: id, org, service }, score };
    }
    if (best) scored.push(best);
  }
  return scored
    .sort((a, b) => b.score - a.score || a.m.org.name.localeCompare(b.m.org.name, 'nl'))
    .slice(0, options.limit)
    .map((s) => s.m);
}
