import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { kaartLookupCards, kaartLookupText, kaartPageUrl, lookupKaart } from '../../src/lib/kaart-lookup.ts';
import { site } from '../../shared/config/site.ts';
import { organisationSchema } from '../../src/schemas/organisation.ts';
import { realVocabulary } from '../support/vocabulary.ts';

const dir = new URL('../../src/content/sociale-kaart/', import.meta.url);
const orgs = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => ({ id: f.replace(/\.yaml$/, ''), data: organisationSchema.parse(parse(readFileSync(new URL(f, dir), 'utf8'))) }));
// The typo targets are what the site's search knows (titles, keywords, names); the service names stand in for them here.
const vocabulary = realVocabulary(orgs.flatMap((o) => [o.data.name, ...o.data.services.map((s) => s.name)]));
const cards = kaartLookupCards(orgs, vocabulary, site.siteUrl);
const names = (q: string) => lookupKaart(cards, q, vocabulary).map((c) => c.name);

describe('the console finds sociale-kaart cards the way the public sociale kaart does', () => {
  test('by organisation name, as before', () => {
    expect(lookupKaart(cards, 'veilig thuis', vocabulary)[0]?.organisation).toMatch(/Veilig Thuis/i);
  });

  test("by people's words for a topic, not only organisation names", () => {
    // Typed by a counsellor who quotes the young person: none of these words is in the name.
    expect(names('hij blowt elke dag')).toContain('Vroeghulp bij alcohol, drugs en gamen');
    expect(names('ze heeft schulden')[0]).toBe('Hulp bij geldzorgen en schulden');
    expect(names('geldzorgen')).toContain('Hulp bij geldzorgen en schulden');
  });

  test('with typos', () => {
    expect(names('schuldn')).toContain('Hulp bij geldzorgen en schulden');
  });

  test('nothing for nonsense or only small words, at most six cards', () => {
    expect(names('xqzvyw')).toEqual([]);
    expect(names('hoe kan ik')).toEqual([]);
    expect(names('')).toEqual([]);
    expect(lookupKaart(cards, 'jongeren', vocabulary).length).toBeLessThanOrEqual(6);
  });

  test('a card is inserted as service, organisation, number and address', () => {
    const card = lookupKaart(cards, 'geldzorgen', vocabulary).at(0);
    if (!card) throw new Error('no card for geldzorgen');
    expect(kaartLookupText(card)).toMatch(/^Hulp bij geldzorgen en schulden \(.+\)( · bel [0-9 -]+)? · https?:\/\/\S+$/);
    expect(cards.every((c) => c.id.includes('/'))).toBe(true);
  });

  test('every inserted card carries a link: the website from the content, else the organisation page on this site', () => {
    for (const card of cards) expect(kaartLookupText(card), card.id).toMatch(/ · https:\/\/\S+$/);
    const smw = cards.find((c) => c.id.startsWith('schoolmaatschappelijk-werk/'));
    if (!smw) throw new Error('no schoolmaatschappelijk werk in the sociale kaart');
    // The reviewer's card had only a phone number; it now ends with the page a young person can open.
    expect(kaartLookupText({ ...smw, url: undefined })).toBe(
      `${smw.name} (${smw.organisation})${smw.phone ? ` · bel ${smw.phone}` : ''} · ${site.siteUrl}/sociale-kaart/schoolmaatschappelijk-werk/`,
    );
    expect(kaartLookupText({ name: 'Infolijn', organisation: 'Infolijn', url: 'https://www.drugsinfo.nl', page: kaartPageUrl('x', site.siteUrl) })).toBe(
      'Infolijn · https://www.drugsinfo.nl',
    );
    expect(kaartPageUrl('halt', 'https://cjg.example.nl')).toBe('https://cjg.example.nl/sociale-kaart/halt/');
  });
});

describe('ranking: the service that helps with the problem comes before a general one that only carries the topic', () => {
  const ids = (q: string) => lookupKaart(cards, q, vocabulary).map((c) => c.id);
  const rank = (q: string, id: string) => ids(q).indexOf(id);

  test.each(['gamen', 'hij gamet de hele nacht', 'gameverslaving'])('"%s": addiction care and youth work before the CJG chat itself', (q) => {
    const found = ids(q);
    expect(found[0]).toBe('verslavingszorg/vroeghulp-jongeren');
    const chat = found.indexOf('cjg/jongerenchat');
    const youthWork = rank(q, 'jongerenwerk/inloop');
    expect(youthWork).toBeGreaterThanOrEqual(0);
    if (chat >= 0) expect(youthWork).toBeLessThan(chat);
  });

  test('a word in the own words of several services keeps the content order: "verkracht" gives the centre for sexual violence first', () => {
    expect(names('verkracht')[0]).toBe('Hulp na seksueel geweld');
  });
});
