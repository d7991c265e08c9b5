import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { organisationSchema, type OrganisationInput } from '../../src/schemas/organisation.ts';

const dir = new URL('../../src/content/sociale-kaart/', import.meta.url);

const service: OrganisationInput['services'][number] = {
  id: 'spreekuur',
  name: 'Jongerenspreekuur',
  description: 'Een gesprek zonder afspraak, voor jongeren.',
  doelgroep: ['jongeren'],
  minimum_age: 12,
  maximum_age: 23,
  onderwerpen: ['middelengebruik'],
  application_process: { routes: ['langskomen'], text: 'Loop binnen op woensdagmiddag.' },
  fees: 'gratis',
};
const valid: OrganisationInput = {
  name: 'Voorbeeldorganisatie',
  description: 'Een organisatie om het schema mee te testen.',
  example_data: true,
  werkgebied: 'gemeente',
  phones: [{ number: '012-345 67 89' }],
  services: [service],
};

/** Each problem as "path: message", as Astro prints them under the file name. */
function problems(input: unknown): string[] {
  const result = organisationSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}
const withService = (patch: Record<string, unknown>) => ({ ...valid, services: [{ ...service, ...patch }] });

describe('organisation schema', () => {
  test('a complete entry is accepted, with defaults filled in', () => {
    const parsed = organisationSchema.parse(valid);
    expect(parsed.services[0]).toMatchObject({ status: 'active', languages: ['nl'], phones: [], locations: [] });
  });

  test('maximum_age below minimum_age names the field', () => {
    expect(problems(withService({ minimum_age: 18, maximum_age: 12 }))).toEqual(['services.0.maximum_age: maximum_age (12) is lager dan minimum_age (18)']);
  });

  test('an unknown onderwerp names the field and the choices', () => {
    const [problem] = problems(withService({ onderwerpen: ['middelengebruik', 'drugs'] }));
    expect(problem).toMatch(/^services\.0\.onderwerpen\.1: onbekend onderwerp; kies uit: problemen, middelengebruik/);
  });

  test('a malformed schedule names the field', () => {
    expect(problems(withService({ schedules: { hours: [{ days: [1], opens: '9.00', closes: '17:00' }] } }))).toEqual([
      'services.0.schedules.hours.0.opens: tijd als HH:MM, bijvoorbeeld 09:00',
    ]);
    expect(problems(withService({ schedules: { hours: [{ days: ['maandag'], opens: '09:00', closes: '17:00' }] } }))).toEqual([
      'services.0.schedules.hours.0.days.0: dag als getal: 1 = maandag … 7 = zondag',
    ]);
  });

  test('an unknown field is refused, so a typo is not silently lost', () => {
    expect(problems(withService({ minimum_leeftijd: 12 }))[0]).toMatch(/^services\.0: .*minimum_leeftijd/);
  });

  test('an unknown status or access route is refused', () => {
    expect(problems(withService({ status: 'open' }))).toEqual([
      'services.0.status: status moet een van deze zijn: active, inactive, defunct, temporarily closed',
    ]);
    expect(problems(withService({ application_process: { routes: ['fax'], text: 'Stuur een fax naar ons.' } }))[0]).toMatch(
      /^services\.0\.application_process\.routes\.0: onbekende route/,
    );
  });

  test('example data may only carry 012 example numbers; real data needs a source', () => {
    expect(problems({ ...valid, phones: [{ number: '020-123 45 67' }] })).toEqual([
      'phones.0.number: voorbeeldnummers beginnen met 012, zodat ze nooit bij een echt persoon uitkomen',
    ]);
    expect(problems({ ...valid, example_data: false })).toEqual(['sources: echte gegevens hebben een bron nodig: noem minstens één bron']);
  });

  test('a service at an unknown location, and a duplicate service id, are named', () => {
    expect(problems(withService({ locations: ['noord'] }))).toEqual(['services.0.locations.0: locatie "noord" staat niet bij locations']);
    expect(problems({ ...valid, services: [service, service] })).toEqual(['services.1.id: dienst-id "spreekuur" komt twee keer voor']);
  });

  test('assured_date accepts a YAML date and refuses an impossible one', () => {
    expect(organisationSchema.parse(withService({ assured_date: new Date('2026-11-01') })).services[0]?.assured_date).toBe('2026-11-01');
    expect(problems(withService({ assured_date: '2026-13-01' }))).toEqual(['services.0.assured_date: deze datum bestaat niet']);
  });
});

describe('the shipped sociale kaart', () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
  const entries = files.map((f) => [f, parse(readFileSync(new URL(f, dir), 'utf8')) as unknown] as const);

  test.each(entries)('%s is valid', (_file, data) => {
    expect(problems(data)).toEqual([]);
  });

  test('at least 30 organisations and 30 services', () => {
    const parsed = entries.map(([, d]) => organisationSchema.parse(d));
    expect(parsed.length).toBeGreaterThanOrEqual(30);
    expect(parsed.flatMap((o) => o.services).length).toBeGreaterThanOrEqual(30);
  });

  // 0800-0188: Centrum Seksueel Geweld, free and 24/7 (centrumseksueelgeweld.nl; rijksoverheid.nl, Wet seksuele misdrijven).
  test('national numbers are only the verified ones', () => {
    const realNumbers = entries
      .map(([, d]) => organisationSchema.parse(d))
      .filter((o) => !o.example_data)
      .flatMap((o) => [...o.phones, ...o.services.flatMap((s) => s.phones)].map((p) => p.number));
    for (const n of realNumbers) expect(['113', '0800-0113', '0800-0432', '0800-2000', '0800-0188']).toContain(n);
  });
});
