/**
 * From content entries to what the pages, the calendar files and the open data need: the organiser and
 * the place looked up on the sociale kaart, sessions as instants, filter facts, iCalendar events,
 * schema.org JSON-LD and the `/activiteiten.json` record. Pure: the pages pass the entries in.
 */
import type { Organisation, OrgLocation } from '../schemas/organisation.ts';
import type { ActivityFormat, JoinMethod } from '../schemas/activity.ts';
import { isoWithOffset } from '../../shared/opening-hours.ts';
import { organiserContact, withoutExampleMark, type OrganiserFacts } from '../../shared/organiser-name.ts';
import { ACTIVITY_TIME_ZONE, timedSessions, upcomingSessions, type ActivityFacts, type TimedSession } from './activities.ts';
import type { IcsEvent } from './ics.ts';
import type { Kosten } from '../config/sociale-kaart.ts';
import { DEFAULT_MAX_PEOPLE_PER_SIGNUP, SERIES_KEY } from '../../shared/signup/limits.ts';
import type { SignupInfo } from '../../shared/signup/places.ts';
import { aanmeldenStrings } from '../../shared/i18n/nl/aanmelden.ts';
import { activiteitenStrings } from '../../shared/i18n/nl/activiteiten.ts';
import { fill } from '../../shared/i18n/fill.ts';
import { longDate, sessionText } from '../components/activiteiten/format.ts';

interface Ref {
  id: string;
}

/** The frontmatter as Astro hands it over (references resolved to `{ id }`). */
export interface ActivityEntryData {
  title: string;
  summary: string;
  doelgroep: readonly string[];
  onderwerpen: readonly string[];
  ages?: { min: number; max: number } | undefined;
  format: ActivityFormat;
  sessions: readonly { date: string; start: string; end: string; title?: string | undefined; places?: number | undefined }[];
  ongoing?:
    { text: string; weekly?: { days: readonly number[]; opens: string; closes: string } | undefined; except?: readonly string[] | undefined } | undefined;
  location: { organisation: Ref; location: string } | { online: true; text?: string | undefined };
  organiser: Ref;
  service?: string | undefined;
  cost: Kosten;
  cost_description?: string | undefined;
  languages: readonly string[];
  accessibility?: string | undefined;
  join: { method: JoinMethod; text: string; url?: string | undefined; max_people?: number | undefined };
  places?: number | undefined;
  referral_required: boolean;
  example_data: boolean;
  updated: Date;
}

export interface ActivityEntry {
  id: string;
  /** For error messages: the content file. */
  filePath?: string | undefined;
  /** The description (Markdown source); plain text is enough for the calendar file. */
  body?: string | undefined;
  data: ActivityEntryData;
}

export interface OrganisationEntry {
  id: string;
  data: Organisation;
}

export type Place = { online: false; name: string; location: OrgLocation; organisationId: string } | { online: true; text?: string | undefined };

export interface Activity {
  id: string;
  url: string;
  data: ActivityEntryData;
  description: string;
  organiser: OrganisationEntry;
  place: Place;
  sessions: TimedSession[];
  facts: ActivityFacts;
}

export function activityUrl(id: string): string {
  return `/activiteiten/${id}/`;
}

export function activityIcsUrl(id: string): string {
  return `/activiteiten/${id}.ics`;
}

/** Whether each date is a meeting of its own that one picks (`format: losse-bijeenkomsten`), not a course. */
export function isStandalone(a: { data: { format: ActivityFormat } }): boolean {
  return a.data.format === 'losse-bijeenkomsten';
}

/**
 * When a course closes to newcomers: the start of its first meeting (ms). Null when joining later is
 * possible: a meeting one picks per date, an ongoing group ("instromen kan altijd"), or no dates.
 */
export function courseStartMs(a: Pick<Activity, 'data' | 'sessions'>): number | null {
  if (isStandalone(a) || a.data.ongoing) return null;
  return a.sessions[0]?.startMs ?? null;
}

/** Whether a course has begun at `now` and cannot be joined any more (and is not over yet). */
export function courseHasStarted(a: Pick<Activity, 'data' | 'sessions'>, now: number): boolean {
  const start = courseStartMs(a);
  return start !== null && start <= now && a.sessions.some((s) => s.endMs > now);
}

/**
 * The next run of a course that has begun: another activity of the same organiser with the same title
 * (a gemeente adds a file per group) whose first meeting is still ahead; the soonest one.
 */
export function nextRun<A extends Pick<Activity, 'id' | 'data' | 'sessions' | 'organiser'>>(a: A, all: readonly A[], now: number): A | undefined {
  const title = a.data.title.trim().toLocaleLowerCase('nl');
  return all
    .filter((b) => b.id !== a.id && b.organiser.id === a.organiser.id && b.data.title.trim().toLocaleLowerCase('nl') === title)
    .filter((b) => (courseStartMs(b) ?? -Infinity) > now)
    .sort((x, y) => (courseStartMs(x) ?? 0) - (courseStartMs(y) ?? 0))[0];
}

/** Places at one meeting: its own with `format: losse-bijeenkomsten`, else the activity's; undefined for no limit. */
export function sessionPlaces(a: Pick<Activity, 'data'>, s: { places?: number | undefined }): number | undefined {
  return (isStandalone(a) ? s.places : undefined) ?? a.data.places;
}

/** Path segment of one meeting's calendar file: its local start, `YYYY-MM-DD-HHMM`. */
export function sessionFileKey(s: { date: string; start: string }): string {
  return `${s.date}-${s.start.replace(':', '')}`;
}

/** "Zet deze datum in je agenda" for a stand-alone meeting: a calendar file with only that date. */
export function sessionIcsUrl(id: string, s: { date: string; start: string }): string {
  return `/activiteiten/${id}/${sessionFileKey(s)}.ics`;
}

/** Plain text of a Markdown body, enough for a calendar entry or a JSON field. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/\[([^\]]+)\]\([^)]+\)/g, '$1')
    .replace(/[*_`#>]/g, '')
    .trim()
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s*\n\s*/g, ' ').trim())
    .join('\n\n');
}

/** Looks up organiser and place; an unknown id fails the build with the file and the field named. */
export function resolveActivities(entries: readonly ActivityEntry[], organisations: readonly OrganisationEntry[]): Activity[] {
  const byId = new Map(organisations.map((o) => [o.id, o]));
  return entries.map((entry) => {
    const file = entry.filePath ?? entry.id;
    const fail = (field: string, message: string): never => {
      throw new Error(`${file}: ${field}: ${message}`);
    };
    const { data } = entry;
    const organiser = byId.get(data.organiser.id) ?? fail('organiser', `organisatie "${data.organiser.id}" staat niet op de sociale kaart`);
    let place: Place;
    if ('online' in data.location) {
      place = { online: true, text: data.location.text };
    } else {
      const { organisation, location } = data.location;
      const org = byId.get(organisation.id) ?? fail('location.organisation', `organisatie "${organisation.id}" staat niet op de sociale kaart`);
      const loc = org.data.locations.find((l) => l.id === location) ?? fail('location.location', `"${organisation.id}" heeft geen locatie "${location}"`);
      place = { online: false, name: loc.name, location: loc, organisationId: org.id };
    }
    checkService(data, organiser, fail);
    const sessions = timedSessions(data.sessions);
    return {
      id: entry.id,
      url: activityUrl(entry.id),
      data,
      description: plainText(entry.body ?? ''),
      organiser,
      place,
      sessions,
      facts: {
        doelgroep: data.doelgroep,
        onderwerpen: data.onderwerpen,
        minimum_age: data.ages?.min,
        maximum_age: data.ages?.max,
        wijk: place.online ? undefined : place.location.wijk,
        online: place.online,
        gratis: data.cost === 'gratis',
        ongoing: Boolean(data.ongoing),
        sessions: sessions.map((s) => ({ startMs: s.startMs, endMs: s.endMs })),
      },
    };
  });
}

/**
 * An activity that names its sociale-kaart service (`service`) must agree with it, so the activity page and
 * the organisation page never tell a parent two different things: its ages inside the service's ages, its
 * audiences among the service's. A mismatch fails the build naming the file and the field.
 */
function checkService(data: ActivityEntryData, organiser: OrganisationEntry, fail: (field: string, message: string) => never): void {
  if (!data.service) return;
  const service =
    organiser.data.services.find((s) => s.id === data.service) ?? fail('service', `"${organiser.id}" heeft geen dienst "${data.service}" op de sociale kaart`);
  const min = service.minimum_age ?? 0;
  const max = service.maximum_age ?? Infinity;
  if (data.ages && (data.ages.min < min || data.ages.max > max)) {
    const range = `${String(min)}-${max === Infinity ? '…' : String(max)}`;
    fail('ages', `${String(data.ages.min)}-${String(data.ages.max)} jaar valt buiten de leeftijd van "${service.name}" op de sociale kaart (${range})`);
  }
  const extra = data.doelgroep.filter((d) => !(service.doelgroep as readonly string[]).includes(d));
  if (extra.length > 0)
    fail('doelgroep', `${extra.join(', ')} staat niet bij de doelgroep van "${service.name}" op de sociale kaart (${service.doelgroep.join(', ')})`);
}

/** One line with the place, as a calendar or a screen reader wants it. */
export function placeText(place: Place, onlineLabel: string): string {
  if (place.online) return onlineLabel;
  const a = place.location.address;
  return a ? `${place.name}, ${a.address_1}, ${a.postal_code} ${a.city}` : place.name;
}

/**
 * Calendar events: the sessions still ahead at `now`, and a weekly rule for an ongoing group, starting on
 * its first meeting day on or after the day the entry was last updated (stable between builds).
 */
export function activityEvents(a: Activity, siteUrl: string, now: number, onlineLabel: string): IcsEvent[] {
  return calendarEvents(a, siteUrl, upcomingSessions(a.sessions, now), onlineLabel, true);
}

/**
 * The calendar file of one date of a stand-alone meeting (`format: losse-bijeenkomsten`): only that
 * date, so a parent who picks 18 March does not get 28 January and 20 May in their calendar too.
 */
export function sessionEvents(a: Activity, fileKey: string, siteUrl: string, onlineLabel: string): IcsEvent[] {
  return calendarEvents(
    a,
    siteUrl,
    a.sessions.filter((s) => sessionFileKey(s) === fileKey),
    onlineLabel,
    false,
  );
}

function calendarEvents(a: Activity, siteUrl: string, sessions: readonly TimedSession[], onlineLabel: string, withWeekly: boolean): IcsEvent[] {
  const host = new URL(siteUrl).host;
  // Example activities say so in the calendar too: imported, an invented course must not look real.
  const example = (title: string) => (a.data.example_data ? `Voorbeeld: ${title}` : title);
  const base = {
    description: `${a.data.summary}\n\n${calendarJoinText(a, siteUrl)}`,
    location: placeText(a.place, onlineLabel),
    url: new URL(a.url, siteUrl).href,
    stamp: a.data.updated,
  };
  const events: IcsEvent[] = sessions.map((s) => ({
    ...base,
    uid: `${a.id}-${sessionFileKey(s)}@${host}`,
    summary: example(s.title ? `${a.data.title}: ${s.title}` : a.data.title),
    date: s.date,
    start: s.start,
    end: s.end,
  }));
  const weekly = a.data.ongoing?.weekly;
  if (weekly && withWeekly) {
    events.push({
      ...base,
      description: `${a.data.ongoing?.text ?? ''}\n\n${base.description}`,
      uid: `${a.id}-wekelijks@${host}`,
      summary: example(a.data.title),
      date: firstWeekdayOnOrAfter(a.data.updated, weekly.days),
      start: weekly.opens,
      end: weekly.closes,
      weeklyOn: weekly.days,
      except: a.data.ongoing?.except ?? [],
    });
  }
  return events;
}

/**
 * How to join, as a calendar entry says it. A calendar has no "hieronder": when the sign-up form is on
 * the page (`aanmelden-hier`), the entry says "Aanmelden: <page>"; otherwise the content's own sentence
 * (call, walk in, via the organiser) and the page's address.
 */
export function calendarJoinText(a: Pick<Activity, 'data' | 'url'>, siteUrl: string): string {
  const page = new URL(a.url, siteUrl).href;
  return a.data.join.method === 'aanmelden-hier' ? fill(activiteitenStrings['act.ics.signup'], { url: page }) : `${a.data.join.text}\n\n${page}`;
}

/** YYYY-MM-DD of the first of `isoDays` (1 = Monday) on or after `from` (a UTC date). */
export function firstWeekdayOnOrAfter(from: Date, isoDays: readonly number[]): string {
  const d = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()));
  for (let i = 0; i < 7; i++) {
    const iso = ((d.getUTCDay() + 6) % 7) + 1;
    if (isoDays.includes(iso)) break;
    d.setUTCDate(d.getUTCDate() + 1);
  }
  return d.toISOString().slice(0, 10);
}

function postalAddress(loc: OrgLocation) {
  return loc.address
    ? {
        '@type': 'PostalAddress',
        streetAddress: loc.address.address_1,
        postalCode: loc.address.postal_code,
        addressLocality: loc.address.city,
        addressCountry: 'NL',
      }
    : undefined;
}

/** schema.org `Event`s for the sessions ahead (one per session), for the activity page's JSON-LD. */
export function activityJsonLd(a: Activity, siteUrl: string, now: number): object[] {
  const url = new URL(a.url, siteUrl).href;
  const location = a.place.online ? { '@type': 'VirtualLocation', url } : { '@type': 'Place', name: a.place.name, address: postalAddress(a.place.location) };
  return upcomingSessions(a.sessions, now).map((s) => ({
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: s.title ? `${a.data.title}: ${s.title}` : a.data.title,
    description: a.data.summary,
    url,
    startDate: isoWithOffset(s.startMs, ACTIVITY_TIME_ZONE),
    endDate: isoWithOffset(s.endMs, ACTIVITY_TIME_ZONE),
    eventStatus: 'https://schema.org/EventScheduled',
    eventAttendanceMode: a.place.online ? 'https://schema.org/OnlineEventAttendanceMode' : 'https://schema.org/OfflineEventAttendanceMode',
    location,
    organizer: { '@type': 'Organization', name: a.organiser.data.name, ...(a.organiser.data.url ? { url: a.organiser.data.url } : {}) },
    isAccessibleForFree: a.data.cost === 'gratis',
    inLanguage: a.data.languages,
    ...(sessionPlaces(a, s) ? { maximumAttendeeCapacity: sessionPlaces(a, s) } : {}),
  }));
}

/** The key of one meeting in sign-ups: its local start, `YYYY-MM-DDTHH:MM`. */
export function sessionKey(s: { date: string; start: string }): string {
  return `${s.date}T${s.start}`;
}

/**
 * What one can sign up for on the site (`join.method: aanmelden-hier`), from every meeting, past ones
 * included, so a rebuild halfway through a course does not reopen it: one option per meeting with
 * `format: losse-bijeenkomsten`, otherwise one option for the whole course that closes when the first meeting starts.
 */
export function signupInfo(a: Activity): SignupInfo | null {
  const last = a.sessions.at(-1);
  const first = a.sessions.at(0);
  if (a.data.join.method !== 'aanmelden-hier' || !first || !last) return null;
  const iso = (ms: number) => isoWithOffset(ms, ACTIVITY_TIME_ZONE);
  const options = isStandalone(a)
    ? a.sessions.map((s, i) => ({
        key: sessionKey(s),
        label: s.title ? `${sessionText(s)} (${s.title})` : sessionText(s),
        places: sessionPlaces(a, s) ?? null,
        start: iso(a.sessions[i].startMs),
        end: iso(a.sessions[i].endMs),
      }))
    : [
        {
          key: SERIES_KEY,
          label:
            a.sessions.length === 1
              ? fill(aanmeldenStrings['act.signup.seriesOne'], { date: sessionText(first) })
              : fill(aanmeldenStrings['act.signup.series'], { n: a.sessions.length, date: longDate(first.date) }),
          places: a.data.places ?? null,
          start: iso(first.startMs),
          end: iso(Math.max(...a.sessions.map((s) => s.endMs))),
        },
      ];
  return {
    options,
    maxPeople: a.data.join.max_people ?? DEFAULT_MAX_PEOPLE_PER_SIGNUP,
    ends: iso(Math.max(...a.sessions.map((s) => s.endMs))),
    contact: organiserContact(organiserFacts(a), a.data.example_data),
  };
}

/**
 * The organiser as running text names it ("Bel Opvoedcursussen:"): on the page of an example activity
 * the example notice at the top already says it is an example, so the sentence drops that bracket
 * (shared/organiser-name.ts). The facts list, the sociale kaart, the calendar and the open data keep the full name.
 */
export function organiserName(a: { data: Pick<ActivityEntryData, 'example_data'>; organiser: { data: Pick<Organisation, 'name' | 'example_data'> } }): string {
  const { name, example_data: example } = a.organiser.data;
  return a.data.example_data && example ? withoutExampleMark(name) : name;
}

/** The organiser as the sociale kaart has it, with its full name (the open data's `organiser`). */
function organiserFacts(a: Activity): OrganiserFacts {
  const org = a.organiser.data;
  return { id: a.organiser.id, name: org.name, phone: org.phones[0]?.number ?? null, email: org.email ?? null, url: org.url ?? null };
}

/** The `signup` block of the open data: without the contact, which is under `organiser` there. */
function openDataSignup(a: Activity): SignupInfo | null {
  const info = signupInfo(a);
  if (!info) return null;
  const { options, maxPeople, ends } = info;
  return { options, maxPeople, ends };
}

/** One record of `/activiteiten.json` (fields documented in the README). */
export function activityRecord(a: Activity, siteUrl: string, now: number) {
  return {
    id: a.id,
    url: new URL(a.url, siteUrl).href,
    ics: new URL(activityIcsUrl(a.id), siteUrl).href,
    title: a.data.title,
    summary: a.data.summary,
    description: a.description,
    doelgroep: a.data.doelgroep,
    onderwerpen: a.data.onderwerpen,
    ages: a.data.ages ?? null,
    sessions: upcomingSessions(a.sessions, now).map((s) => ({
      start: isoWithOffset(s.startMs, ACTIVITY_TIME_ZONE),
      end: isoWithOffset(s.endMs, ACTIVITY_TIME_ZONE),
      title: s.title ?? null,
    })),
    ongoing: a.data.ongoing ?? null,
    location: a.place.online
      ? { online: true, text: a.place.text ?? null }
      : {
          online: false,
          name: a.place.name,
          address: a.place.location.address ?? null,
          wijk: a.place.location.wijk ?? null,
          organisation: a.place.organisationId,
        },
    organiser: organiserFacts(a),
    cost: a.data.cost,
    cost_description: a.data.cost_description ?? null,
    languages: a.data.languages,
    accessibility: a.data.accessibility ?? null,
    join: { method: a.data.join.method, text: a.data.join.text, url: a.data.join.url ?? null },
    places: a.data.places ?? null,
    signup: openDataSignup(a),
    referral_required: a.data.referral_required,
    example_data: a.data.example_data,
    updated: a.data.updated.toISOString().slice(0, 10),
  };
}
