import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import {
  EMPTY_FILTERS,
  KAART_FILTER_FIELDS,
  callNumber,
  freshness,
  kaartResults,
  matchingServices,
  numberSchedule,
  passesFilters,
  serviceFacts,
  zonderVerwijzing,
} from '../../src/lib/sociale-kaart.ts';
import { parseAge } from '../../src/lib/ages.ts';
import { readFilters, writeFilters } from '../../src/lib/url-filters.ts';
import { organisationSchema } from '../../src/schemas/organisation.ts';
import { realVocabulary } from '../support/vocabulary.ts';
import { site } from '../../shared/config/site.ts';
import { describeOpening } from '../../shared/opening-hours.ts';

const dir = new URL('../../src/content/sociale-kaart/', import.meta.url);
const orgs = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => ({ id: f.replace(/\.yaml$/, ''), data: organisationSchema.parse(parse(readFileSync(new URL(f, dir), 'utf8'))) }));
const all = orgs.flatMap((o) => o.data.services.map((s) => ({ org: o, service: s, facts: serviceFacts(o.data, s) })));
const names = (f: typeof EMPTY_FILTERS) => all.filter((x) => passesFilters(x.facts, f, () => false)).map((x) => x.service.name);

describe('ages', () => {
  test('one age or a band, in the ways people type it', () => {
    expect(parseAge('15')).toEqual({ min: 15, max: 15 });
    expect(parseAge(' 12-18 ')).toEqual({ min: 12, max: 18 });
    expect(parseAge('12–18')).toEqual({ min: 12, max: 18 });
    expect(parseAge('12 tot 18')).toEqual({ min: 12, max: 18 });
  });

  test('how parents type an age (review 17): with "jaar" or "jr", spaces, a half year, a band the wrong way round, months', () => {
    for (const typed of ['4', '4 jaar', '4jr', '4 jr.', ' 4 ', '4J', '4 jaar oud', '4,5', '4.5 jaar'])
      expect(parseAge(typed), typed).toEqual({ min: 4, max: 4 });
    expect(parseAge('12 - 16')).toEqual({ min: 12, max: 16 });
    expect(parseAge('16-12')).toEqual({ min: 12, max: 16 });
    expect(parseAge('12 t/m 16 jaar')).toEqual({ min: 12, max: 16 });
    expect(parseAge('12 jaar tot en met 16 jaar')).toEqual({ min: 12, max: 16 });
    expect(parseAge('8 maanden')).toEqual({ min: 0, max: 0 });
    expect(parseAge('18 mnd')).toEqual({ min: 1, max: 1 });
    for (const bad of ['vijftien', '-3', '1000', '15 jaren oud en wijs', '4 of 5', '4j8', 'jaar', '12-', '<b>4</b>']) expect(parseAge(bad), bad).toBeNull();
    expect(parseAge('')).toBeNull();
  });
});

describe('filters in the URL', () => {
  test('round trip, with empty filters left out', () => {
    const f = { ...EMPTY_FILTERS, doelgroep: 'jongeren', leeftijd: '15', onderwerp: 'middelengebruik', zonderVerwijzing: true };
    const query = writeFilters(KAART_FILTER_FIELDS, f);
    expect(query).toBe('?doelgroep=jongeren&leeftijd=15&onderwerp=middelengebruik&zonderVerwijzing=1');
    expect(readFilters(KAART_FILTER_FIELDS, query)).toEqual(f);
    expect(writeFilters(KAART_FILTER_FIELDS, EMPTY_FILTERS)).toBe('');
  });
});

describe('filtering the shipped sociale kaart', () => {
  test('a 15-year-old who drinks, without referral', () => {
    const found = names({ ...EMPTY_FILTERS, doelgroep: 'jongeren', leeftijd: '15', onderwerp: 'middelengebruik', zonderVerwijzing: true });
    expect(found).toEqual(expect.arrayContaining(['Vroeghulp bij alcohol, drugs en gamen', 'KVO-groep', 'Alcohol en Drugs Infolijn']));
    expect(found).not.toContain('Behandeling bij verslaving');
    expect(found).not.toContain('Cursus opvoeden in de puberteit');
  });

  test('a wijk keeps services in that wijk and those for everyone, not other wijken', () => {
    const west = names({ ...EMPTY_FILTERS, wijk: 'West' });
    expect(west).toContain('Inloopspreekuur'); // consultatiebureau West
    expect(west).toContain('Advies of melden bij huiselijk geweld en kindermishandeling'); // national
    expect(names({ ...EMPTY_FILTERS, wijk: 'Zuid' })).not.toContain('Inloopspreekuur');
  });

  test('"nu open" asks the opening hours; words search names and descriptions', () => {
    const first = all[0];
    expect(passesFilters(first.facts, { ...EMPTY_FILTERS, nuOpen: true }, () => false)).toBe(false);
    expect(passesFilters(first.facts, { ...EMPTY_FILTERS, nuOpen: true }, () => true)).toBe(true);
    expect(names({ ...EMPTY_FILTERS, q: 'schulden geld' })).toContain('Hulp bij geldzorgen en schulden');
  });

  test('zonder verwijzing follows the ways in', () => {
    const route = (routes: string[]) => zonderVerwijzing({ application_process: { routes, text: 'x' } } as never);
    expect(route(['verwijzing-huisarts'])).toBe(false);
    expect(route(['verwijzing-huisarts', 'bellen'])).toBe(true);
  });
});

describe('freshness', () => {
  const now = new Date('2026-11-22T12:00:00Z');
  test('unknown, current, or possibly out of date after a year', () => {
    expect(freshness(undefined, now)).toBe('onbekend');
    expect(freshness('2026-01-01', now)).toBe('actueel');
    expect(freshness('2025-11-01', now)).toBe('mogelijk-verouderd');
  });
});

describe('services for an article', () => {
  test('match onderwerp and age, skip hand-picked organisations, one per organisation, own doelgroep first', () => {
    const found = matchingServices(
      orgs,
      { doelgroep: 'jongeren', onderwerp: 'middelengebruik', leeftijd: { min: 12, max: 18 } },
      { exclude: ['verslavingszorg'], limit: 3 },
    );
    expect(found).toHaveLength(3);
    expect(found.map((m) => m.orgId)).not.toContain('verslavingszorg');
    expect(new Set(found.map((m) => m.orgId)).size).toBe(3);
    for (const m of found) {
      expect(m.service.onderwerpen).toContain('middelengebruik');
      expect(m.service.doelgroep).toContain('jongeren');
    }
  });

  test('a toddler article gets no teenage services', () => {
    const found = matchingServices(orgs, { doelgroep: 'ouders', onderwerp: 'opvoeden', leeftijd: { min: 0, max: 3 } }, { exclude: [], limit: 5 });
    for (const m of found) expect(m.service.minimum_age ?? 0).toBeLessThanOrEqual(3);
    expect(found.map((m) => m.service.name)).not.toContain('Cursus opvoeden in de puberteit');
  });
});

describe('searching the kaart with the vocabulary', () => {
  const vocabulary = realVocabulary();
  const withWords = orgs.flatMap((o) => o.data.services.map((s) => ({ name: s.name, facts: serviceFacts(o.data, s, vocabulary) })));
  const search = (q: string) =>
    kaartResults(
      withWords,
      (x) => x.facts,
      { ...EMPTY_FILTERS, q },
      vocabulary,
      () => false,
    );

  test("people's words find services that never use them", () => {
    expect(search('blowt').items.map((x) => x.name)).toContain('Vroeghulp bij alcohol, drugs en gamen');
    expect(search('opvoedondersteuning').items.length).toBeGreaterThan(0);
  });

  test('best match first, and never empty while one meaningful word matches', () => {
    const found = search('schulden xqzvyw');
    expect(found.items[0]?.name).toBe('Hulp bij geldzorgen en schulden');
    expect(found).toMatchObject({ terms: 2, best: 1 });
    expect(search('xqzvyw').items).toEqual([]);
  });

  test('only stop words filter nothing out', () => {
    expect(search('hoe kan ik').items).toHaveLength(withWords.length);
  });
});

describe('the number to tap', () => {
  test("the service's own line, else the organisation's", () => {
    const org = { phones: [{ number: '012-1', type: 'voice' as const }], services: [] };
    expect(callNumber(org, { phones: [{ number: '012-2', type: 'voice' }] })).toBe('012-2');
    expect(callNumber(org, { phones: [{ number: '012-3', type: 'sms' }] })).toBe('012-1');
    expect(callNumber({ phones: [], services: [] })).toBeUndefined();
  });
});

describe('the hours behind a number', () => {
  const shipped = orgs.map((o) => o.data);

  test("the CJG's own number has the hours of the service that answers it, so the page can say when it is closed", () => {
    const schedule = numberSchedule(shipped, site.contact.phone, site.chat);
    if (!schedule) throw new Error('no hours for the CJG number');
    expect(schedule.hours).toEqual([{ days: [1, 2, 3, 4, 5], opens: '09:00', closes: '17:00' }]);
    // Sunday 3 January 2027, 22:00 in Amsterdam: closed, opens Monday.
    expect(describeOpening(schedule, new Date('2027-01-03T21:00:00Z'))).toBe('Opent morgen om 9:00');
    expect(describeOpening(schedule, new Date('2027-01-04T10:00:00Z'))).toBe('Nu open tot 17:00');
  });

  test('numbers compare by their digits, and a number nobody answers has no hours', () => {
    expect(numberSchedule(shipped, '0123456789', site.chat)).toBe(numberSchedule(shipped, site.contact.phone, site.chat));
    expect(numberSchedule(shipped, '012-000 00 00', site.chat)).toBeUndefined();
    expect(numberSchedule(shipped, '', site.chat)).toBeUndefined();
  });

  test('an inactive service does not lend its hours, and a service without hours is skipped', () => {
    const cjg = shipped.find((o) => o.services.some((s) => s.id === 'opvoedadvies'));
    const advies = cjg?.services.find((s) => s.id === 'opvoedadvies');
    if (!cjg || !advies) throw new Error('the shipped CJG entry is missing');
    const withServices = (services: (typeof advies)[]) => [{ ...cjg, services }];
    expect(numberSchedule(withServices([{ ...advies, status: 'inactive' }]), site.contact.phone, site.chat)).toBeUndefined();
    expect(numberSchedule(withServices([{ ...advies, schedules: undefined }, advies]), site.contact.phone, site.chat)).toBe(advies.schedules);
  });
});
