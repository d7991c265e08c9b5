import ICAL from 'ical.js';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import {
  ACTIVITY_FILTER_FIELDS,
  EMPTY_ACTIVITY_FILTERS,
  feedUrl,
  filtersNotInFeed,
  passesActivityFilters,
  timedSessions,
  upcomingSessions,
  type ActivityFacts,
} from '../../src/lib/activities.ts';
import { readFilters, writeFilters } from '../../src/lib/url-filters.ts';
import { activitiesForArticle } from '../../src/lib/activity-match.ts';
import { makeActivitySchema } from '../../src/schemas/activity.ts';
import {
  activityEvents,
  organiserName,
  activityJsonLd,
  activityRecord,
  firstWeekdayOnOrAfter,
  courseHasStarted,
  isStandalone,
  nextRun,
  sessionEvents,
  sessionIcsUrl,
  plainText,
  resolveActivities,
  type ActivityEntry,
  type OrganisationEntry,
} from '../../src/lib/activity-catalogue.ts';
import { organisationSchema } from '../../src/schemas/organisation.ts';
import { buildCalendar } from '../../src/lib/ics.ts';

const at = (iso: string) => Date.parse(iso);

const facts = (over: Partial<ActivityFacts> = {}): ActivityFacts => ({
  doelgroep: ['ouders'],
  onderwerpen: ['opvoeden'],
  minimum_age: 2,
  maximum_age: 12,
  wijk: 'Centrum',
  online: false,
  gratis: true,
  ongoing: false,
  sessions: timedSessions([
    { date: '2027-02-09', start: '19:30', end: '21:30' },
    { date: '2027-03-30', start: '19:30', end: '21:30' },
  ]),
  ...over,
});

describe('sessions in Dutch local time', () => {
  test('a session keeps its wall-clock time on both sides of the clock change', () => {
    const [winter, summer] = timedSessions([
      { date: '2027-03-30', start: '19:30', end: '21:30' },
      { date: '2027-02-09', start: '19:30', end: '21:30' },
    ]);
    expect(new Date(winter.startMs).toISOString()).toBe('2027-02-09T18:30:00.000Z');
    expect(new Date(summer.startMs).toISOString()).toBe('2027-03-30T17:30:00.000Z');
  });

  test('a session disappears when it has ended, not when it has started', () => {
    const sessions = timedSessions([{ date: '2027-02-09', start: '19:30', end: '21:30' }]);
    expect(upcomingSessions(sessions, at('2027-02-09T20:00:00Z'))).toHaveLength(1);
    expect(upcomingSessions(sessions, at('2027-02-09T20:30:00Z'))).toHaveLength(0);
  });
});

describe('the filters of /activiteiten/', () => {
  const now = at('2027-01-15T12:00:00Z');

  test('a shared link restores the same filters; a clean list has a clean URL', () => {
    const f = { ...EMPTY_ACTIVITY_FILTERS, doelgroep: 'ouders', leeftijd: '4', van: '2027-02-01', tot: '2027-02-28', vorm: 'locatie' as const, gratis: true };
    expect(readFilters(ACTIVITY_FILTER_FIELDS, writeFilters(ACTIVITY_FILTER_FIELDS, f))).toEqual(f);
    expect(writeFilters(ACTIVITY_FILTER_FIELDS, EMPTY_ACTIVITY_FILTERS)).toBe('');
  });

  test('a hand-edited link with nonsense falls back to no filter instead of an error', () => {
    expect(readFilters(ACTIVITY_FILTER_FIELDS, '?van=gisteren&tot=2027-13&vorm=<script>&gratis=ja')).toEqual(EMPTY_ACTIVITY_FILTERS);
    expect(readFilters(ACTIVITY_FILTER_FIELDS, '?van=%E0%A4%A')).toEqual(EMPTY_ACTIVITY_FILTERS);
  });

  test('the age of the child must fit the activity', () => {
    expect(passesActivityFilters(facts(), { ...EMPTY_ACTIVITY_FILTERS, leeftijd: '4' }, now)).toBe(true);
    expect(passesActivityFilters(facts(), { ...EMPTY_ACTIVITY_FILTERS, leeftijd: '15' }, now)).toBe(false);
    expect(passesActivityFilters(facts(), { ...EMPTY_ACTIVITY_FILTERS, leeftijd: '10-16' }, now)).toBe(true);
  });

  test('a date range keeps activities with a session in it (the end date counts as a whole day)', () => {
    const inFebruary = { ...EMPTY_ACTIVITY_FILTERS, van: '2027-02-01', tot: '2027-02-09' };
    expect(passesActivityFilters(facts(), inFebruary, now)).toBe(true);
    expect(passesActivityFilters(facts(), { ...inFebruary, tot: '2027-02-08' }, now)).toBe(false);
    expect(passesActivityFilters(facts(), { ...EMPTY_ACTIVITY_FILTERS, van: '2027-04-01' }, now)).toBe(false);
    // Ongoing groups meet every week, so every range has one.
    expect(passesActivityFilters(facts({ ongoing: true, sessions: [] }), { ...EMPTY_ACTIVITY_FILTERS, van: '2027-04-01' }, now)).toBe(true);
  });

  test('a session that is already over does not make a date range match', () => {
    const later = at('2027-03-01T00:00:00Z');
    expect(passesActivityFilters(facts(), { ...EMPTY_ACTIVITY_FILTERS, van: '2027-02-01', tot: '2027-02-28' }, later)).toBe(false);
  });

  test('online, on location, free and wijk', () => {
    expect(passesActivityFilters(facts(), { ...EMPTY_ACTIVITY_FILTERS, vorm: 'online' }, now)).toBe(false);
    expect(passesActivityFilters(facts({ online: true, wijk: undefined }), { ...EMPTY_ACTIVITY_FILTERS, vorm: 'online' }, now)).toBe(true);
    expect(passesActivityFilters(facts({ gratis: false }), { ...EMPTY_ACTIVITY_FILTERS, gratis: true }, now)).toBe(false);
    expect(passesActivityFilters(facts(), { ...EMPTY_ACTIVITY_FILTERS, wijk: 'Oost' }, now)).toBe(false);
  });

  test('an activity whose last session has passed is never shown', () => {
    expect(passesActivityFilters(facts(), EMPTY_ACTIVITY_FILTERS, at('2027-04-01T00:00:00Z'))).toBe(false);
  });

  test('each audience × topic selection has its own calendar feed', () => {
    expect(feedUrl({ doelgroep: '', onderwerp: '' })).toBe('/activiteiten/agenda/alle-alle.ics');
    expect(feedUrl({ doelgroep: 'ouders', onderwerp: 'middelengebruik' })).toBe('/activiteiten/agenda/ouders-middelengebruik.ics');
    // The list says when its feed leaves filters out (review 17: a 1-activity list linked an 11-event feed).
    expect(filtersNotInFeed({ ...EMPTY_ACTIVITY_FILTERS, doelgroep: 'ouders', onderwerp: 'opvoeden' })).toBe(false);
    expect(filtersNotInFeed({ ...EMPTY_ACTIVITY_FILTERS, leeftijd: ' ' })).toBe(false);
    for (const extra of [{ leeftijd: '4' }, { wijk: 'Oost' }, { van: '2027-02-01' }, { tot: '2027-02-01' }, { vorm: 'online' as const }, { gratis: true }]) {
      expect(filtersNotInFeed({ ...EMPTY_ACTIVITY_FILTERS, ...extra }), JSON.stringify(extra)).toBe(true);
    }
  });
});

describe('courses next to an article', () => {
  const now = at('2027-01-15T12:00:00Z');
  const data = { title: 'Cursus', summary: 'Avonden voor ouders.' };
  const list = [
    { id: 'later', data, facts: facts({ sessions: timedSessions([{ date: '2027-05-01', start: '10:00', end: '12:00' }]) }) },
    { id: 'soon', data, facts: facts() },
    { id: 'teens', data, facts: facts({ minimum_age: 12, maximum_age: 18 }) },
    { id: 'other-topic', data, facts: facts({ onderwerpen: ['middelengebruik'] }) },
    { id: 'past', data, facts: facts({ sessions: timedSessions([{ date: '2027-01-01', start: '10:00', end: '12:00' }]) }) },
  ];

  test('same audience, topic and ages; soonest first; nothing that is over', () => {
    const fit = { doelgroep: 'ouders', onderwerp: 'opvoeden', leeftijd: { min: 0, max: 4 } };
    expect(activitiesForArticle(list, fit, now).map((a) => a.id)).toEqual(['soon', 'later']);
  });
});

// ---------------------------------------------------------------------------------------------------

const schema = makeActivitySchema({ organisatie: z.string() });
const valid = {
  title: 'Triple P-cursus',
  summary: 'Vier avonden met andere ouders over opvoeden.',
  doelgroep: ['ouders'],
  onderwerpen: ['opvoeden'],
  sessions: [{ date: '2027-02-09', start: '19:30', end: '21:30' }],
  location: { organisation: 'cjg', location: 'centrum' },
  organiser: 'cjg',
  cost: 'gratis',
  join: { method: 'bellen', text: 'Bel het CJG om je aan te melden.' },
  example_data: true,
  updated: '2026-12-01',
};
const issues = (input: unknown) => {
  const r = schema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('the activity schema, as an editor meets it', () => {
  test('a complete file passes', () => {
    expect(issues(valid)).toEqual([]);
  });

  test('each mistake names its field in Dutch', () => {
    expect(issues({ ...valid, sessions: [], ongoing: undefined })).toContain('sessions: geef sessions (datums) of ongoing (doorlopend)');
    expect(issues({ ...valid, sessions: [{ date: '2027-02-09', start: '21:30', end: '19:30' }] })).toContain(
      'sessions.0.end: eindtijd moet na de begintijd liggen',
    );
    expect(issues({ ...valid, sessions: [{ date: '2027-02-09', start: '7.30', end: '21:30' }] })).toContain(
      'sessions.0.start: tijd als HH:MM, bijvoorbeeld 09:00',
    );
    expect(issues({ ...valid, join: { method: 'via-organisator', text: 'Meld je aan bij de organisator.' } })).toContain(
      'join.url: join.url ontbreekt: de link naar de aanmeldpagina van de organisator',
    );
    expect(issues({ ...valid, cost: 'duur' })[0]).toMatch(/^cost: cost moet een van deze zijn/);
    const { title: _title, ...untitled } = valid;
    expect(issues(untitled)).toContain('title: titel ontbreekt');
  });

  test('a group for children of 8 to 12 is not for "jongeren" (12 to 23): the build says to use ouders', () => {
    expect(issues({ ...valid, doelgroep: ['ouders', 'jongeren'], ages: { min: 8, max: 12 } })).toContain(
      'doelgroep: doelgroep jongeren is voor 12 tot 23 jaar, maar ages is 8-12; is het voor kinderen, gebruik dan doelgroep [ouders]',
    );
    expect(issues({ ...valid, doelgroep: ['ouders'], ages: { min: 8, max: 12 } })).toEqual([]);
    expect(issues({ ...valid, doelgroep: ['jongeren'], ages: { min: 12, max: 16 } })).toEqual([]);
  });

  test('a sign-up link cannot run script', () => {
    expect(issues({ ...valid, join: { method: 'via-organisator', text: 'Meld je aan bij de organisator.', url: 'javascript:alert(1)' } })).toContain(
      'join.url: join.url is geen geldige http(s)-link',
    );
  });

  test('the same session twice is refused', () => {
    expect(issues({ ...valid, sessions: [valid.sessions[0], valid.sessions[0]] })).toContain('sessions.1: sessie 2027-02-09 19:30 staat er twee keer in');
  });
});

describe('from content entries to pages and open data', () => {
  const cjg: OrganisationEntry = {
    id: 'cjg',
    data: organisationSchema.parse({
      name: 'CJG Voorbeeldstad',
      description: 'Het Centrum voor Jeugd en Gezin.',
      example_data: true,
      werkgebied: 'gemeente',
      locations: [
        { id: 'centrum', name: 'CJG Centrum', address: { address_1: 'Voorbeeldplein 1', postal_code: '1234 AB', city: 'Voorbeeldstad' }, wijk: 'Centrum' },
      ],
      services: [
        {
          id: 'advies',
          name: 'Advies',
          description: 'Advies over opvoeden.',
          doelgroep: ['ouders'],
          onderwerpen: ['opvoeden'],
          application_process: { routes: ['bellen'], text: 'Bel ons gewoon op.' },
          fees: 'gratis',
        },
      ],
    }),
  };
  const entry = (location: unknown): ActivityEntry => {
    const data = schema.parse({ ...valid, location });
    return {
      id: 'triple-p',
      filePath: 'src/content/activiteiten/triple-p.md',
      body: 'Eerste alinea\nloopt door.\n\nTweede [alinea](https://x.example).',
      data: {
        ...data,
        organiser: { id: data.organiser },
        location: 'online' in data.location ? data.location : { organisation: { id: data.location.organisation }, location: data.location.location },
      },
    };
  };

  test('an unknown place fails the build naming the file and the field', () => {
    expect(() => resolveActivities([entry({ organisation: 'cjg', location: 'noord' })], [cjg])).toThrow(
      'src/content/activiteiten/triple-p.md: location.location: "cjg" heeft geen locatie "noord"',
    );
    expect(() => resolveActivities([entry({ organisation: 'ggd', location: 'x' })], [cjg])).toThrow('location.organisation');
  });

  test('an activity and its sociale-kaart service must agree on ages and audience (review 17: 11-18 against 12-18)', () => {
    const run = (over: object) => {
      const data = schema.parse({ ...valid, ...over });
      const e: ActivityEntry = {
        id: 'puberteit',
        filePath: 'src/content/activiteiten/puberteit.md',
        data: { ...data, organiser: { id: 'cjg' }, location: { organisation: { id: 'cjg' }, location: 'centrum' } },
      };
      return () => resolveActivities([e], [cjg]);
    };
    // The test's service "advies" is for ouders, with no age limit given (every age).
    expect(run({ service: 'advies', ages: { min: 11, max: 18 } })).not.toThrow();
    expect(run({ service: 'opvoedcursus' })).toThrow(
      'src/content/activiteiten/puberteit.md: service: "cjg" heeft geen dienst "opvoedcursus" op de sociale kaart',
    );
    expect(run({ service: 'advies', doelgroep: ['ouders', 'jongeren'], ages: { min: 12, max: 16 } })).toThrow(
      'src/content/activiteiten/puberteit.md: doelgroep: jongeren staat niet bij de doelgroep van "Advies" op de sociale kaart (ouders)',
    );
    const narrow = { ...cjg, data: { ...cjg.data, services: cjg.data.services.map((s) => ({ ...s, minimum_age: 12, maximum_age: 18 })) } };
    const data = schema.parse({ ...valid, service: 'advies', ages: { min: 11, max: 18 } });
    const e: ActivityEntry = {
      id: 'p',
      filePath: 'p.md',
      data: { ...data, organiser: { id: 'cjg' }, location: { organisation: { id: 'cjg' }, location: 'centrum' } },
    };
    expect(() => resolveActivities([e], [narrow])).toThrow('p.md: ages: 11-18 jaar valt buiten de leeftijd van "Advies" op de sociale kaart (12-18)');
  });

  test('JSON-LD dates carry the Dutch offset of that day', () => {
    const [a] = resolveActivities([entry({ organisation: 'cjg', location: 'centrum' })], [cjg]);
    const [ld] = activityJsonLd(a, 'https://cjg.example', at('2027-01-01T00:00:00Z')) as {
      startDate: string;
      location: { address: { postalCode: string } };
    }[];
    expect(ld.startDate).toBe('2027-02-09T19:30:00+01:00');
    expect(ld.location.address.postalCode).toBe('1234 AB');
  });

  test('the open-data record lists only sessions ahead and says it is example data', () => {
    const [a] = resolveActivities([entry({ online: true })], [cjg]);
    const record = activityRecord(a, 'https://cjg.example', at('2027-03-01T00:00:00Z'));
    expect(record.sessions).toEqual([]);
    expect(record.location).toEqual({ online: true, text: null });
    expect(record.example_data).toBe(true);
    expect(record.description).toBe('Eerste alinea loopt door.\n\nTweede alinea.');
  });

  test('an example activity says so in the calendar entry', () => {
    const [a] = resolveActivities([entry({ organisation: 'cjg', location: 'centrum' })], [cjg]);
    const [event] = activityEvents(a, 'https://cjg.example', at('2027-01-01T00:00:00Z'), 'Online');
    expect(event.summary).toBe('Voorbeeld: Triple P-cursus');
    const real = { ...a, data: { ...a.data, example_data: false } };
    expect(activityEvents(real, 'https://cjg.example', at('2027-01-01T00:00:00Z'), 'Online')[0].summary).toBe('Triple P-cursus');
  });

  test('a calendar entry has no "hieronder": it says where to sign up (review 17 newcomer 2, minor 12)', () => {
    const data = schema.parse({ ...valid, join: { method: 'aanmelden-hier', text: 'Meld je hieronder aan voor alle vier de avonden.' } });
    const e: ActivityEntry = { id: 'triple-p', data: { ...data, organiser: { id: 'cjg' }, location: { organisation: { id: 'cjg' }, location: 'centrum' } } };
    const [signup] = resolveActivities([e], [cjg]);
    const [event] = activityEvents(signup, 'https://cjg.example', at('2027-01-01T00:00:00Z'), 'Online');
    expect(event.description).not.toContain('hieronder');
    expect(event.description.split('\n\n').at(-1)).toBe('Aanmelden: https://cjg.example/activiteiten/triple-p/');
    // Other ways to join keep their own sentence, with the page's address.
    const [call] = resolveActivities([entry({ organisation: 'cjg', location: 'centrum' })], [cjg]);
    const [callEvent] = activityEvents(call, 'https://cjg.example', at('2027-01-01T00:00:00Z'), 'Online');
    expect(callEvent.description).toContain('Bel het CJG om je aan te melden.\n\nhttps://cjg.example/activiteiten/triple-p/');
  });

  test('running text names an example organiser without its "(…, voorbeeld)" bracket; real data keeps its name (minor 12)', () => {
    const named = (name: string, example = true, orgExample = true) =>
      organiserName({ data: { example_data: example }, organiser: { data: { name, example_data: orgExample } } });
    expect(named('Opvoedcursussen (Triple P en andere, voorbeeld)')).toBe('Opvoedcursussen');
    expect(named('Home-Start (voorbeeld)')).toBe('Home-Start');
    expect(named('GGD (regio, voorbeeld)')).toBe('GGD');
    expect(named('CJG Voorbeeldstad')).toBe('CJG Voorbeeldstad');
    // A real activity, or a real organisation, is named in full: nothing else on its page marks it.
    expect(named('Opvoedcursussen (Triple P en andere, voorbeeld)', false)).toBe('Opvoedcursussen (Triple P en andere, voorbeeld)');
    expect(named('Jeugd-GGZ (voorbeeld)', true, false)).toBe('Jeugd-GGZ (voorbeeld)');
  });

  test('an evening given on three dates: each date its own calendar file, summer time included; a course keeps one file', () => {
    const dates = [
      { date: '2027-01-28', start: '19:30', end: '21:00' },
      { date: '2027-03-18', start: '19:30', end: '21:00' },
      { date: '2027-05-20', start: '19:30', end: '21:00' },
    ];
    const make = (format: string) => {
      const data = schema.parse({ ...valid, format, sessions: dates });
      const e: ActivityEntry = {
        id: 'ouderavond',
        data: { ...data, organiser: { id: 'cjg' }, location: { organisation: { id: 'cjg' }, location: 'centrum' } },
      };
      return resolveActivities([e], [cjg])[0];
    };
    const evening = make('losse-bijeenkomsten');
    expect(isStandalone(evening)).toBe(true);
    expect(sessionIcsUrl('ouderavond', dates[2])).toBe('/activiteiten/ouderavond/2027-05-20-1930.ics');
    const parsed = (text: string) => {
      const calendar = ICAL.Component.fromString(text);
      for (const tz of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
      return calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    };
    const may = parsed(buildCalendar('x', sessionEvents(evening, '2027-05-20-1930', 'https://cjg.example', 'Online')));
    expect(may.map((e) => e.startDate.toJSDate().toISOString())).toEqual(['2027-05-20T17:30:00.000Z']);
    const january = parsed(buildCalendar('x', sessionEvents(evening, '2027-01-28-1930', 'https://cjg.example', 'Online')));
    expect(january.map((e) => e.startDate.toJSDate().toISOString())).toEqual(['2027-01-28T18:30:00.000Z']);
    expect(sessionEvents(evening, '2027-05-21-1930', 'https://cjg.example', 'Online')).toEqual([]);
    const course = make('reeks');
    expect(isStandalone(course)).toBe(false);
    expect(parsed(buildCalendar('x', activityEvents(course, 'https://cjg.example', at('2027-01-01T00:00:00Z'), 'Online')))).toHaveLength(3);
  });

  test('a course closes to newcomers when its first meeting starts; a later group of the same course is its next run', () => {
    const course = (id: string, date: string, over: object = {}) => {
      const data = schema.parse({
        ...valid,
        sessions: [
          { date, start: '19:30', end: '21:30' },
          { date: '2027-06-01', start: '19:30', end: '21:30' },
        ],
        ...over,
      });
      const e: ActivityEntry = { id, data: { ...data, organiser: { id: 'cjg' }, location: { organisation: { id: 'cjg' }, location: 'centrum' } } };
      return resolveActivities([e], [cjg])[0];
    };
    const spring = course('triple-p-voorjaar', '2027-02-09');
    const autumn = course('triple-p-najaar', '2027-09-07');
    expect(courseHasStarted(spring, at('2027-02-09T18:29:59Z'))).toBe(false);
    expect(courseHasStarted(spring, at('2027-02-09T18:30:00Z'))).toBe(true);
    // Over: the page says so; no "begun" notice.
    expect(courseHasStarted(spring, at('2027-07-01T00:00:00Z'))).toBe(false);
    // Stand-alone dates and walk-in groups can always be joined.
    expect(courseHasStarted(course('avond', '2027-02-09', { format: 'losse-bijeenkomsten' }), at('2027-03-01T00:00:00Z'))).toBe(false);
    expect(nextRun(spring, [spring, autumn], at('2027-02-10T00:00:00Z'))?.id).toBe('triple-p-najaar');
    const other = course('puberteit', '2027-09-07', { title: 'Opvoeden in de puberteit' });
    expect(nextRun(spring, [spring, other], at('2027-02-10T00:00:00Z'))).toBeUndefined();
  });

  test('a weekly group starts on its first meeting day on or after the last update', () => {
    expect(firstWeekdayOnOrAfter(new Date('2026-12-01T00:00:00Z'), [2])).toBe('2026-12-01');
    expect(firstWeekdayOnOrAfter(new Date('2026-12-02T00:00:00Z'), [2])).toBe('2026-12-08');
    expect(plainText('**Vet** en _schuin_')).toBe('Vet en schuin');
  });
});
