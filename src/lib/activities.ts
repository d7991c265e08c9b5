/**
 * Courses, groups and meetings: which sessions are still ahead, the filters of `/activiteiten/` and their
 * URL form. Which activities fit an article: `activity-match.ts`. Pure, so the build, the filter island
 * and the tests share it; nothing here imports zod.
 */
import { instantOfLocal } from '../../shared/opening-hours.ts';
import { AUDIENCES, TOPICS } from '../../shared/taxonomy.ts';
import { parseAge, ageOverlaps } from './ages.ts';
import type { FilterFields } from './url-filters.ts';

/** Every date and time of an activity is a wall-clock time here. */
export const ACTIVITY_TIME_ZONE = 'Europe/Amsterdam';

export interface SessionLike {
  date: string;
  start: string;
  end: string;
  title?: string | undefined;
  /** Places at this meeting (`format: losse-bijeenkomsten`); else the activity's `places`. */
  places?: number | undefined;
}

export interface TimedSession extends SessionLike {
  /** Milliseconds since the epoch. */
  startMs: number;
  endMs: number;
}

export function timedSessions(sessions: readonly SessionLike[]): TimedSession[] {
  return sessions
    .map((s) => ({
      ...s,
      startMs: +instantOfLocal(s.date, s.start, ACTIVITY_TIME_ZONE),
      endMs: +instantOfLocal(s.date, s.end, ACTIVITY_TIME_ZONE),
    }))
    .sort((a, b) => a.startMs - b.startMs);
}

/** Sessions that have not ended yet. A session under way still counts: people may want to find the room. */
export function upcomingSessions<S extends { endMs: number }>(sessions: readonly S[], now: number): S[] {
  return sessions.filter((s) => s.endMs > now);
}

/** Whether an activity still has something ahead: an ongoing group always does. */
export function isUpcoming(activity: { sessions: readonly { endMs: number }[]; ongoing: boolean }, now: number): boolean {
  return activity.ongoing || upcomingSessions(activity.sessions, now).length > 0;
}

/** Sort key: the next start, or the end of time for ongoing groups, so dated ones come first. */
export function nextStartMs(activity: { sessions: readonly { startMs: number; endMs: number }[] }, now: number): number {
  return upcomingSessions(activity.sessions, now)[0]?.startMs ?? Number.MAX_SAFE_INTEGER;
}

// ---------------------------------------------------------------------------------------------------
// Filters of /activiteiten/ and their URL form

export interface ActivityFilters {
  doelgroep: string;
  onderwerp: string;
  /** Age of the child or young person, as typed ("4", "12-16"). */
  leeftijd: string;
  wijk: string;
  /** Local dates YYYY-MM-DD, inclusive. */
  van: string;
  tot: string;
  /** '' = both, 'online' or 'locatie'. */
  vorm: '' | 'online' | 'locatie';
  gratis: boolean;
}

export const EMPTY_ACTIVITY_FILTERS: ActivityFilters = { doelgroep: '', onderwerp: '', leeftijd: '', wijk: '', van: '', tot: '', vorm: '', gratis: false };

/** How the filters stand in the URL (`?doelgroep=ouders&van=2027-02-01&gratis=1`); the island adds the page's wijken. */
export const ACTIVITY_FILTER_FIELDS: FilterFields<ActivityFilters> = {
  doelgroep: AUDIENCES,
  onderwerp: TOPICS,
  leeftijd: 'text',
  wijk: 'text',
  van: 'date',
  tot: 'date',
  vorm: ['online', 'locatie'],
  gratis: 'flag',
};

/** The calendar feed of a selection: one per audience × topic ("alle" for none), built as static files. */
export function feedUrl(f: Pick<ActivityFilters, 'doelgroep' | 'onderwerp'>): string {
  return `/activiteiten/agenda/${f.doelgroep || 'alle'}-${f.onderwerp || 'alle'}.ics`;
}

/** Filters of the list that a calendar feed does not follow (feeds exist per audience × topic only). */
export function filtersNotInFeed(f: ActivityFilters): boolean {
  return Boolean(f.leeftijd.trim() || f.wijk || f.van || f.tot || f.vorm || f.gratis);
}

/** What the filter needs to know about one listed activity (written into the page as data-*). */
export interface ActivityFacts {
  doelgroep: readonly string[];
  onderwerpen: readonly string[];
  minimum_age?: number | undefined;
  maximum_age?: number | undefined;
  /** Wijk of its place; absent for online activities or places without a wijk. */
  wijk?: string | undefined;
  online: boolean;
  gratis: boolean;
  ongoing: boolean;
  sessions: { startMs: number; endMs: number }[];
}

/** Whether an activity passes the filters at `now` (past sessions never count). */
export function passesActivityFilters(facts: ActivityFacts, f: ActivityFilters, now: number): boolean {
  if (!isUpcoming(facts, now)) return false;
  if (f.doelgroep && !facts.doelgroep.includes(f.doelgroep)) return false;
  if (f.onderwerp && !facts.onderwerpen.includes(f.onderwerp)) return false;
  const age = parseAge(f.leeftijd);
  if (age && !ageOverlaps(facts, age)) return false;
  if (f.wijk && facts.wijk !== f.wijk) return false;
  if (f.vorm === 'online' && !facts.online) return false;
  if (f.vorm === 'locatie' && facts.online) return false;
  if (f.gratis && !facts.gratis) return false;
  if ((f.van || f.tot) && !facts.ongoing) {
    const from = f.van ? +instantOfLocal(f.van, '00:00', ACTIVITY_TIME_ZONE) : -Infinity;
    const to = f.tot ? +instantOfLocal(f.tot, '24:00', ACTIVITY_TIME_ZONE) : Infinity;
    if (!upcomingSessions(facts.sessions, now).some((s) => s.startMs < to && s.endMs > from)) return false;
  }
  return true;
}
