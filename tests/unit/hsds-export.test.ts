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
