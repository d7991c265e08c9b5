import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { site } from '../../shared/config/site.ts';
import { CSV_COLUMNS, toCsv, toHsdsList, toHsdsOrganization, uuidV5, type HsdsOrganization } from '../../src/lib/hsds-export.ts';
import { openingScheduleSchema, type OpeningScheduleInput } from '../../shared/schedule.ts';
import { organisationSchema, type Organisation } from '../../src/schemas/organisation.ts';
import { defined } from '../support/defined.ts';

// ../shared beside the repository; looked for further up too, because Stryker runs this file from a
// copy of the repository one folder deeper (.stryker-tmp/sandbox-*/).
const schemaPath = 'shared/hsds-3.0/compiled/organization.json';
const schemaFile =
  ['../../../', '../../../../../'].map((up) => fileURLToPath(new URL(up + schemaPath, import.meta.url))).find((file) => existsSync(file)) ??
  fileURLToPath(new URL('../../../' + schemaPath, import.meta.url));
if (!existsSync(schemaFile)) {
  throw new Error(`HSDS 3.0 schema not found at ${schemaFile}: the export cannot be validated. See ../shared/hsds-3.0/README.md.`);
}

const dir = new URL('../../src/content/sociale-kaart/', import.meta.url);
const entries = readdirSync(dir)
  .filter((f) => /^[^_].*\.ya?ml$/.test(f))
  .map((f) => ({ id: f.replace(/\.ya?ml$/, ''), data: organisationSchema.parse(parse(readFileSync(new URL(f, dir), 'utf8'))) }));
const options = { siteUrl: site.siteUrl, chat: site.chat };
const exported = toHsdsList(entries, options);

// ajv-formats is CommonJS; its default export arrives wrapped under ESM.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (ajv: Ajv) => Ajv;
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')) as object);

describe('HSDS 3.0 export', () => {
  test('exports every organisation', () => {
    expect(exported.map((o) => o.name).sort()).toEqual(entries.map((e) => e.data.name).sort());
  });

  test.each(exported.map((o) => [o.name, o] as const))('%s validates against compiled/organization.json', (_name, org) => {
    const ok = validate(org);
    expect(ok ? [] : validate.errors?.map((e) => `${e.instancePath} ${e.message}`)).toEqual([]);
  });

  test('the validator is not a rubber stamp: a broken organization fails', () => {
    const broken = { ...exported[0], id: 'cjg', services: [{ ...exported[0].services[0], status: 'open' }] };
    expect(validate(broken)).toBe(false);
    expect(validate.errors?.map((e) => e.instancePath)).toEqual(expect.arrayContaining(['/id', '/services/0/status']));
  });

  test('ids are deterministic UUID v5 values, unique across the file', () => {
    // RFC 9562 test vector: "www.example.com" in the DNS namespace.
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
    expect(toHsdsList(entries, options)).toEqual(exported);
    const ids = [...JSON.stringify(exported).matchAll(/"id":"([^"]*)"/g)].map((m) => m[1]);
    const objectIds = exported.flatMap((o) => [
      o.id,
      ...o.phones.map((p) => p.id),
      ...o.locations.map((l) => l.id),
      ...o.services.flatMap((s) => [s.id, ...s.phones.map((p) => p.id), ...s.schedules.map((sc) => sc.id)]),
    ]);
    expect(new Set(objectIds).size).toBe(objectIds.length);
    expect(ids.length).toBeGreaterThan(objectIds.length);
    expect(ids.filter((i) => !/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(i))).toEqual([]);
  });

  test('example data is marked on organizations and services', () => {
    for (const [i, org] of exported.entries()) {
      const source = defined(
        entries.find((e) => e.data.name === org.name),
        `the source entry of ${org.name}`,
      ).data;
      expect(org.example_data, `${i} ${org.name}`).toBe(source.example_data);
      for (const s of org.services) expect(s.example_data).toBe(source.example_data);
    }
    expect(exported.filter((o) => !o.example_data).map((o) => o.name)).toContain('Veilig Thuis');
  });

  test('opening hours become weekly HSDS schedules in local time, holidays said in words', () => {
    const cjg = defined(
      exported.find((o) => o.uri.endsWith('/sociale-kaart/cjg/')),
      'the CJG organization',
    );
    const chat = defined(
      cjg.services.find((s) => s.name === 'Anoniem chatten met het CJG'),
      'the chat service',
    );
    expect(chat.schedules.map((s) => [s.byday, s.opens_at, s.closes_at])).toEqual([
      ['MO,TU,WE,TH,FR', '14:00', '21:00'],
      ['SA', '12:00', '17:00'],
    ]);
    expect(chat.schedules[0]?.description).toBe('Tijden in Europe/Amsterdam. Gesloten op Nederlandse feestdagen.');
  });
});

/** Reads an exported organization back into our own terms, as another tool would. */
function readBack(org: HsdsOrganization) {
  return {
    name: org.name,
    phones: org.phones.map((p) => p.number),
    services: org.services.map((s) => ({
      name: s.name,
      minimum_age: s.minimum_age,
      maximum_age: s.maximum_age,
      phones: s.phones.map((p) => p.number),
      doelgroep: s.attributes.filter((a) => a.link_type === 'doelgroep').map((a) => a.value),
      onderwerpen: s.attributes.filter((a) => a.link_type === 'onderwerp').map((a) => a.value),
    })),
  };
}
function ours(org: Organisation) {
  return {
    name: org.name,
    phones: org.phones.map((p) => p.number),
    services: org.services.map((s) => ({
      name: s.name,
      minimum_age: s.minimum_age,
      maximum_age: s.maximum_age,
      phones: s.phones.map((p) => p.number),
      doelgroep: [...s.doelgroep],
      onderwerpen: [...s.onderwerpen],
    })),
  };
}

/** A small RFC 4180 reader, enough to read our own CSV back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

describe('round trip', () => {
  test('JSON: every organisation comes back with the same names, services, ages and phones', () => {
    const back = (JSON.parse(JSON.stringify(exported)) as HsdsOrganization[]).map(readBack);
    const expected = [...entries].sort((a, b) => a.id.localeCompare(b.id)).map((e) => ours(e.data));
    expect(back).toEqual(expected);
  });

  test('CSV: one row per service with the same names, ages, phones and example flag', () => {
    const [header, ...rows] = parseCsv(toCsv(exported));
    expect(header).toEqual([...CSV_COLUMNS]);
    const col = (name: (typeof CSV_COLUMNS)[number]) => header.indexOf(name);
    const expected = [...entries]
      .sort((a, b) => a.id.localeCompare(b.id))
      .flatMap((e) =>
        e.data.services.map((s) => [
          e.data.name,
          s.name,
          s.minimum_age === undefined ? '' : String(s.minimum_age),
          s.maximum_age === undefined ? '' : String(s.maximum_age),
          [...new Set([...s.phones, ...e.data.phones].map((p) => p.number))].join(' | '),
          e.data.example_data ? 'ja' : 'nee',
        ]),
      );
    expect(
      rows.map((r) => [
        r[col('organization_name')],
        r[col('service_name')],
        r[col('minimum_age')],
        r[col('maximum_age')],
        r[col('phones')],
        r[col('example_data')],
      ]),
    ).toEqual(expected);
  });
});

describe('HSDS schedules from opening hours', () => {
  const cjgEntry = defined(
    entries.find((e) => e.id === 'cjg'),
    'the cjg entry',
  );
  const withSchedule = (schedules: OpeningScheduleInput) => {
    const data = structuredClone(cjgEntry.data);
    data.services = [{ ...data.services[0], schedules: openingScheduleSchema.parse(schedules), schedules_from: undefined }];
    return toHsdsOrganization({ id: 'cjg', data }, options).services[0].schedules;
  };

  test('an exception is a schedule valid from and to its own date, closed or with other hours', () => {
    const schedules = withSchedule({
      hours: [{ days: [1, 2, 3, 4, 5], opens: '09:00', closes: '17:00' }],
      byAppointment: true,
      exceptions: [
        { date: '2026-12-24', closed: true, reason: 'Kerstavond' },
        {
          date: '2026-12-31',
          hours: [
            { opens: '09:00', closes: '12:00' },
            { opens: '13:00', closes: '15:00' },
          ],
          reason: 'Oudejaarsdag',
        },
        { date: '2027-01-02', closed: true },
      ],
    });
    expect(schedules.map(({ id: _id, service_id: _s, ...rest }) => rest)).toEqual([
      {
        freq: 'WEEKLY',
        byday: 'MO,TU,WE,TH,FR',
        opens_at: '09:00',
        closes_at: '17:00',
        attending_type: 'Ook op afspraak',
        description: 'Tijden in Europe/Amsterdam. Gesloten op Nederlandse feestdagen.',
      },
      { valid_from: '2026-12-24', valid_to: '2026-12-24', description: 'Gesloten. Tijden in Europe/Amsterdam.', notes: 'Kerstavond' },
      {
        valid_from: '2026-12-31',
        valid_to: '2026-12-31',
        opens_at: '09:00',
        closes_at: '12:00',
        description: 'Andere tijden op deze dag. Tijden in Europe/Amsterdam.',
        notes: 'Oudejaarsdag',
      },
      {
        valid_from: '2026-12-31',
        valid_to: '2026-12-31',
        opens_at: '13:00',
        closes_at: '15:00',
        description: 'Andere tijden op deze dag. Tijden in Europe/Amsterdam.',
        notes: 'Oudejaarsdag',
      },
      { valid_from: '2027-01-02', valid_to: '2027-01-02', description: 'Gesloten. Tijden in Europe/Amsterdam.' },
    ]);
    expect(new Set(schedules.map((s) => s.id)).size).toBe(5);
    expect(validate({ ...toHsdsOrganization(cjgEntry, options), services: [{ ...exported[0].services[0], schedules }] })).toBe(true);
  });

  test('open on holidays says so; appointment only is one schedule without times', () => {
    const open = withSchedule({ hours: [{ days: [6, 7], opens: '10:00', closes: '14:00' }], holidays: 'open' });
    expect(open.map((s) => [s.byday, s.description, s.attending_type])).toEqual([['SA,SU', 'Tijden in Europe/Amsterdam. Ook open op feestdagen.', undefined]]);
    const appointment = withSchedule({ hours: [], byAppointment: true });
    expect(appointment.map(({ id: _id, service_id: _s, ...rest }) => rest)).toEqual([{ attending_type: 'Op afspraak', description: 'Alleen op afspraak.' }]);
  });
});

describe('every field of a fully filled-in organisation', () => {
  // Fictional example data (012 numbers reach nobody), marked as such.
  const example = organisationSchema.parse({
    name: 'Voorbeeld Jongerenpunt',
    description: 'Een verzonnen organisatie, alleen om de export te testen.',
    url: 'https://jongerenpunt.voorbeeld.nl/',
    email: 'info@jongerenpunt.voorbeeld.nl',
    example_data: true,
    werkgebied: 'gemeente',
    phones: [{ number: '012-345 67 89', description: 'Algemeen nummer' }],
    locations: [
      {
        id: 'centrum',
        name: 'Jongerenpunt Centrum',
        address: { address_1: 'Stationsplein 1', postal_code: '1234 AB', city: 'Voorbeeldstad' },
        wijk: 'Centrum',
        gemeente: 'Voorbeeldstad',
        accessibility: 'Ingang zonder drempel, lift naar de eerste verdieping.',
        transportation: 'Bus 12 stopt voor de deur.',
      },
      {
        id: 'noord',
        name: 'Jongerenpunt Noord',
        address: { address_1: 'Dorpsstraat 7', postal_code: '1235CD', city: 'Voorbeeldstad' },
        gemeente: 'Voorbeeldstad',
      },
      { id: 'online', name: 'Online spreekuur' },
    ],
    services: [
      {
        id: 'spreekuur',
        name: 'Jongerenspreekuur',
        description: 'Praat met iemand over school, thuis of hoe je je voelt.',
        doelgroep: ['jongeren', 'ouders'],
        minimum_age: 12,
        maximum_age: 23,
        onderwerpen: ['school', 'problemen'],
        application_process: { routes: ['bellen', 'online'], text: 'Bel ons of maak online een afspraak.' },
        fees: 'eigen-bijdrage',
        fees_description: 'hangt af van je inkomen',
        languages: ['nl', 'en'],
        schedules: {
          hours: [{ days: [1, 3], opens: '13:00', closes: '17:00' }],
          exceptions: [{ date: '2026-12-24', closed: true, reason: 'Kerstavond' }],
        },
        phones: [
          { number: '012-345 67 80', type: 'sms', description: 'Sms ons' },
          { number: '012-345 67 89', description: 'Algemeen nummer' },
        ],
        email: 'spreekuur@jongerenpunt.voorbeeld.nl',
        url: 'https://jongerenpunt.voorbeeld.nl/spreekuur/',
        locations: ['centrum', 'online'],
        wait_time: 'Meestal binnen een week',
        assured_date: '2026-11-02',
      },
      {
        id: 'begeleiding',
        name: 'Gezinsbegeleiding',
        description: 'Begeleiding thuis voor gezinnen, na een verwijzing.',
        doelgroep: ['ouders'],
        onderwerpen: ['opvoeden'],
        application_process: { routes: ['verwijzing-huisarts', 'verwijzing-wijkteam'], text: 'Vraag je huisarts om een verwijzing.' },
        fees: 'gemeente',
        status: 'temporarily closed',
        schedules: { byAppointment: true },
        locations: ['noord'],
      },
    ],
  });
  const siteUrl = 'https://cjg.voorbeeld.nl';
  const org = toHsdsOrganization({ id: 'voorbeeld-jongerenpunt', data: example }, { siteUrl, chat: site.chat });

  // The documented id scheme, as another tool would recompute it: UUID v5 of a readable path, in a
  // namespace that is the UUID v5 of the site's /sociale-kaart/ URL in the RFC 9562 URL namespace.
  const namespace = uuidV5('https://cjg.voorbeeld.nl/sociale-kaart/', '6ba7b811-9dad-11d1-80b4-00c04fd430c8');
  const idOf = (path: string) => uuidV5(`organisatie/voorbeeld-jongerenpunt${path}`, namespace);
  const orgId = idOf('');
  const spreekuur = idOf('/dienst/spreekuur');
  const begeleiding = idOf('/dienst/begeleiding');
  const term = (serviceId: string, servicePath: string, kind: string, code: string, name: string) => ({
    id: idOf(`/dienst/${servicePath}/kenmerk/${kind}/${code}`),
    link_id: serviceId,
    link_type: kind,
    link_entity: 'service',
    value: code,
    taxonomy_term_id: uuidV5(`taxonomie/${kind}/${code}`, namespace),
    taxonomy_term: { id: uuidV5(`taxonomie/${kind}/${code}`, namespace), code, name, description: name, taxonomy: 'cjg-portaal' },
  });

  test('the organisation, its phone and locations, with addresses, region and accessibility', () => {
    const { services: _services, ...rest } = org;
    expect(rest).toEqual({
      id: orgId,
      name: 'Voorbeeld Jongerenpunt',
      description: 'Een verzonnen organisatie, alleen om de export te testen.',
      email: 'info@jongerenpunt.voorbeeld.nl',
      website: 'https://jongerenpunt.voorbeeld.nl/',
      uri: 'https://cjg.voorbeeld.nl/sociale-kaart/voorbeeld-jongerenpunt/',
      phones: [{ id: idOf('/telefoon/0'), organization_id: orgId, number: '012-345 67 89', type: 'voice', description: 'Algemeen nummer' }],
      locations: [
        {
          id: idOf('/locatie/centrum'),
          organization_id: orgId,
          location_type: 'physical',
          name: 'Jongerenpunt Centrum',
          transportation: 'Bus 12 stopt voor de deur.',
          addresses: [
            {
              id: idOf('/locatie/centrum/adres'),
              location_id: idOf('/locatie/centrum'),
              address_1: 'Stationsplein 1',
              city: 'Voorbeeldstad',
              region: 'Centrum, Voorbeeldstad',
              state_province: '',
              postal_code: '1234 AB',
              country: 'NL',
              address_type: 'physical',
            },
          ],
          accessibility: [
            {
              id: idOf('/locatie/centrum/toegankelijkheid'),
              location_id: idOf('/locatie/centrum'),
              description: 'Ingang zonder drempel, lift naar de eerste verdieping.',
            },
          ],
        },
        {
          id: idOf('/locatie/noord'),
          organization_id: orgId,
          location_type: 'physical',
          name: 'Jongerenpunt Noord',
          addresses: [
            {
              id: idOf('/locatie/noord/adres'),
              location_id: idOf('/locatie/noord'),
              address_1: 'Dorpsstraat 7',
              city: 'Voorbeeldstad',
              region: 'Voorbeeldstad',
              state_province: '',
              postal_code: '1235CD',
              country: 'NL',
              address_type: 'physical',
            },
          ],
          accessibility: [],
        },
        { id: idOf('/locatie/online'), organization_id: orgId, location_type: 'physical', name: 'Online spreekuur', addresses: [], accessibility: [] },
      ],
      example_data: true,
    });
    expect(validate(org)).toBe(true);
  });

  test('a service with every field: access routes in words, costs, who it is for, languages, phones, hours, places and taxonomy', () => {
    expect(org.services[0]).toEqual({
      id: spreekuur,
      organization_id: orgId,
      name: 'Jongerenspreekuur',
      description: 'Praat met iemand over school, thuis of hoe je je voelt.',
      url: 'https://jongerenpunt.voorbeeld.nl/spreekuur/',
      email: 'spreekuur@jongerenpunt.voorbeeld.nl',
      status: 'active',
      application_process: 'Bel ons of maak online een afspraak. (Bellen, via de website.)',
      fees_description: 'Eigen bijdrage. hangt af van je inkomen',
      eligibility_description: 'Voor jongeren, ouders. Zonder verwijzing.',
      minimum_age: 12,
      maximum_age: 23,
      wait_time: 'Meestal binnen een week',
      assured_date: '2026-11-02',
      languages: [
        { id: idOf('/dienst/spreekuur/taal/nl'), service_id: spreekuur, code: 'nl' },
        { id: idOf('/dienst/spreekuur/taal/en'), service_id: spreekuur, code: 'en' },
      ],
      phones: [
        { id: idOf('/dienst/spreekuur/telefoon/0'), service_id: spreekuur, number: '012-345 67 80', type: 'sms', description: 'Sms ons' },
        { id: idOf('/dienst/spreekuur/telefoon/1'), service_id: spreekuur, number: '012-345 67 89', type: 'voice', description: 'Algemeen nummer' },
      ],
      schedules: [
        {
          id: idOf('/dienst/spreekuur/rooster/0'),
          service_id: spreekuur,
          freq: 'WEEKLY',
          byday: 'MO,WE',
          opens_at: '13:00',
          closes_at: '17:00',
          description: 'Tijden in Europe/Amsterdam. Gesloten op Nederlandse feestdagen.',
        },
        {
          id: idOf('/dienst/spreekuur/uitzondering/0'),
          service_id: spreekuur,
          valid_from: '2026-12-24',
          valid_to: '2026-12-24',
          description: 'Gesloten. Tijden in Europe/Amsterdam.',
          notes: 'Kerstavond',
        },
      ],
      service_at_locations: [
        { id: idOf('/dienst/spreekuur/locatie/centrum'), service_id: spreekuur, location_id: idOf('/locatie/centrum') },
        { id: idOf('/dienst/spreekuur/locatie/online'), service_id: spreekuur, location_id: idOf('/locatie/online') },
      ],
      attributes: [
        term(spreekuur, 'spreekuur', 'doelgroep', 'jongeren', 'Jongeren'),
        term(spreekuur, 'spreekuur', 'doelgroep', 'ouders', 'Ouders'),
        term(spreekuur, 'spreekuur', 'onderwerp', 'school', 'School'),
        term(spreekuur, 'spreekuur', 'onderwerp', 'problemen', 'Problemen'),
        term(spreekuur, 'spreekuur', 'toegang', 'bellen', 'bellen'),
        term(spreekuur, 'spreekuur', 'toegang', 'online', 'via de website'),
        term(spreekuur, 'spreekuur', 'verwijzing', 'zonder-verwijzing', 'Zonder verwijzing'),
      ],
      example_data: true,
    });
  });

  test('a service only by referral and by appointment leaves out what it does not have', () => {
    const { attributes, ...rest } = org.services[1];
    expect(rest).toEqual({
      id: begeleiding,
      organization_id: orgId,
      name: 'Gezinsbegeleiding',
      description: 'Begeleiding thuis voor gezinnen, na een verwijzing.',
      status: 'temporarily closed',
      application_process: 'Vraag je huisarts om een verwijzing. (Verwijzing van de huisarts of jeugdarts, verwijzing van het wijkteam.)',
      fees_description: 'Betaald door de gemeente',
      eligibility_description: 'Voor ouders. Verwijzing nodig.',
      languages: [{ id: idOf('/dienst/begeleiding/taal/nl'), service_id: begeleiding, code: 'nl' }],
      phones: [],
      schedules: [
        { id: idOf('/dienst/begeleiding/rooster/afspraak'), service_id: begeleiding, attending_type: 'Op afspraak', description: 'Alleen op afspraak.' },
      ],
      service_at_locations: [{ id: idOf('/dienst/begeleiding/locatie/noord'), service_id: begeleiding, location_id: idOf('/locatie/noord') }],
      example_data: true,
    });
    // The terms have the shape the test above pins; here: which ones.
    expect(attributes.map((a) => `${a.link_type}: ${a.value} (${a.taxonomy_term.name})`)).toEqual([
      'doelgroep: ouders (Ouders)',
      'onderwerp: opvoeden (Opvoeden)',
      'toegang: verwijzing-huisarts (verwijzing van de huisarts of jeugdarts)',
      'toegang: verwijzing-wijkteam (verwijzing van het wijkteam)',
      'verwijzing: verwijzing-nodig (Verwijzing nodig)',
    ]);
  });

  test('another site gets other ids for the same organisation; the same site always the same', () => {
    const again = toHsdsOrganization({ id: 'voorbeeld-jongerenpunt', data: example }, { siteUrl: 'https://cjg.voorbeeld.nl/', chat: site.chat });
    expect(again).toEqual(org);
    const elsewhere = toHsdsOrganization({ id: 'voorbeeld-jongerenpunt', data: example }, { siteUrl: 'https://cjg.andere-gemeente.nl', chat: site.chat });
    expect(elsewhere.id).not.toBe(org.id);
    expect(elsewhere.uri).toBe('https://cjg.andere-gemeente.nl/sociale-kaart/voorbeeld-jongerenpunt/');
  });

  test('CSV: every column of both rows, with the organisation filling in contact details a service lacks', () => {
    const [header, ...rows] = parseCsv(toCsv([org]));
    const records = rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
    expect(records).toEqual([
      {
        organization_id: orgId,
        organization_name: 'Voorbeeld Jongerenpunt',
        service_id: spreekuur,
        service_name: 'Jongerenspreekuur',
        description: 'Praat met iemand over school, thuis of hoe je je voelt.',
        status: 'active',
        doelgroep: 'jongeren | ouders',
        minimum_age: '12',
        maximum_age: '23',
        onderwerpen: 'school | problemen',
        zonder_verwijzing: 'ja',
        application_process: 'Bel ons of maak online een afspraak. (Bellen, via de website.)',
        fees_description: 'Eigen bijdrage. hangt af van je inkomen',
        languages: 'nl | en',
        phones: '012-345 67 80 | 012-345 67 89',
        email: 'spreekuur@jongerenpunt.voorbeeld.nl',
        url: 'https://jongerenpunt.voorbeeld.nl/spreekuur/',
        locations: 'Jongerenpunt Centrum: Stationsplein 1, 1234 AB Voorbeeldstad | Online spreekuur',
        region: 'Centrum, Voorbeeldstad',
        opening_hours: 'MO,WE 13:00-17:00',
        assured_date: '2026-11-02',
        example_data: 'ja',
        uri: 'https://cjg.voorbeeld.nl/sociale-kaart/voorbeeld-jongerenpunt/',
      },
      {
        organization_id: orgId,
        organization_name: 'Voorbeeld Jongerenpunt',
        service_id: begeleiding,
        service_name: 'Gezinsbegeleiding',
        description: 'Begeleiding thuis voor gezinnen, na een verwijzing.',
        status: 'temporarily closed',
        doelgroep: 'ouders',
        minimum_age: '',
        maximum_age: '',
        onderwerpen: 'opvoeden',
        zonder_verwijzing: 'nee',
        application_process: 'Vraag je huisarts om een verwijzing. (Verwijzing van de huisarts of jeugdarts, verwijzing van het wijkteam.)',
        fees_description: 'Betaald door de gemeente',
        languages: 'nl',
        phones: '012-345 67 89',
        email: 'info@jongerenpunt.voorbeeld.nl',
        url: 'https://jongerenpunt.voorbeeld.nl/',
        locations: 'Jongerenpunt Noord: Dorpsstraat 7, 1235CD Voorbeeldstad',
        region: 'Voorbeeldstad',
        opening_hours: 'Op afspraak',
        assured_date: '',
        example_data: 'ja',
        uri: 'https://cjg.voorbeeld.nl/sociale-kaart/voorbeeld-jongerenpunt/',
      },
    ]);
  });

  test('CSV: without contact details anywhere, the cells are empty, not "undefined"', () => {
    const bare = structuredClone(example);
    delete bare.email;
    delete bare.url;
    const [header, , second] = parseCsv(toCsv([toHsdsOrganization({ id: 'kaal', data: bare }, { siteUrl, chat: site.chat })]));
    expect([second[header.indexOf('email')], second[header.indexOf('url')]]).toEqual(['', '']);
  });
});
