/**
 * The sociale kaart as open data: one pure mapper from our content entries to Open Referral HSDS 3.0
 * organizations (JSON, `/sociale-kaart.json`) and to a flat CSV with one row per service
 * (`/sociale-kaart.csv`). Both come from the same mapping, so they cannot drift apart.
 *
 * - Ids are UUID v5 (SHA-1, RFC 9562) of readable paths such as `organisatie/cjg/dienst/jongerenchat`,
 *   in a namespace derived from the site URL: stable across builds, distinct per gemeente.
 * - `example_data` (on organizations and services) is an extension field: true marks fictional example
 *   entries a gemeente must replace. HSDS allows extra fields; validators ignore them.
 * - HSDS schedules carry no named time zone (only a fixed UTC offset, which would be wrong half the
 *   year), so opening times are local Europe/Amsterdam wall-clock times and each schedule says so in
 *   its `description`. Exceptions become schedules valid on one date.
 */
import { createHash } from 'node:crypto';
import { AUDIENCE_LABELS, TOPIC_INFO } from '../../shared/taxonomy.ts';
import type { Organisation, Phone, Service } from '../schemas/organisation.ts';
import type { OpeningSchedule } from '../../shared/schedule.ts';
import { serviceSchedule, zonderVerwijzing } from './sociale-kaart.ts';
import { csvDocument } from '../../shared/csv.ts';

/** RFC 9562 URL namespace, to derive our own namespace from the site URL. */
const URL_NAMESPACE = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

/** Deterministic UUID v5 of `name` in `namespace`. */
export function uuidV5(name: string, namespace: string): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export interface ExportOptions {
  /** Absolute site URL: the id namespace and the base of each organization's `uri`. */
  siteUrl: string;
  /** The chat's schedule, for services whose hours come from the site configuration. */
  chat: OpeningSchedule;
}

export interface OrganisationEntry {
  id: string;
  data: Organisation;
}

const BYDAY = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

// HSDS object shapes we emit (a subset of the standard's fields).
export interface HsdsPhone {
  id: string;
  organization_id?: string;
  service_id?: string;
  number: string;
  type: string;
  description?: string;
}
export interface HsdsSchedule {
  id: string;
  service_id: string;
  freq?: 'WEEKLY';
  byday?: string;
  opens_at?: string;
  closes_at?: string;
  valid_from?: string;
  valid_to?: string;
  attending_type?: string;
  description: string;
  notes?: string;
}
export interface HsdsService {
  id: string;
  organization_id: string;
  name: string;
  description: string;
  url?: string;
  email?: string;
  status: Service['status'];
  application_process: string;
  fees_description: string;
  eligibility_description: string;
  minimum_age?: number;
  maximum_age?: number;
  wait_time?: string;
  assured_date?: string;
  languages: { id: string; service_id: string; code: string }[];
  phones: HsdsPhone[];
  schedules: HsdsSchedule[];
  service_at_locations: { id: string; service_id: string; location_id: string }[];
  attributes: {
    id: string;
    link_id: string;
    link_type: string;
    link_entity: 'service';
    value: string;
    taxonomy_term_id: string;
    taxonomy_term: { id: string; code: string; name: string; description: string; taxonomy: string };
  }[];
  example_data: boolean;
}
export interface HsdsLocation {
  id: string;
  organization_id: string;
  location_type: 'physical';
  name: string;
  transportation?: string;
  addresses: {
    id: string;
    location_id: string;
    address_1: string;
    city: string;
    region: string;
    state_province: string;
    postal_code: string;
    country: string;
    address_type: 'physical';
  }[];
  accessibility: { id: string; location_id: string; description: string }[];
}
export interface HsdsOrganization {
  id: string;
  name: string;
  description: string;
  email?: string;
  website?: string;
  uri: string;
  phones: HsdsPhone[];
  locations: HsdsLocation[];
  services: HsdsService[];
  example_data: boolean;
}

/** Our own taxonomy, published as HSDS attributes, so doelgroep/onderwerp/toegang survive the export. */
const TAXONOMY = 'cjg-portaal';

function withoutUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

function toSchedules(schedule: OpeningSchedule | undefined, serviceId: string, id: (path: string) => string): HsdsSchedule[] {
  if (!schedule) return [];
  const zone = `Tijden in ${schedule.timeZone}.`;
  const holidays = schedule.holidays === 'open' ? 'Ook open op feestdagen.' : 'Gesloten op Nederlandse feestdagen.';
  const weekly: HsdsSchedule[] = schedule.hours.map((h, i) =>
    withoutUndefined({
      id: id(`rooster/${i}`),
      service_id: serviceId,
      freq: 'WEEKLY' as const,
      byday: h.days.map((d) => BYDAY[d - 1]).join(','),
      opens_at: h.opens,
      closes_at: h.closes,
      attending_type: schedule.byAppointment ? 'Ook op afspraak' : undefined,
      description: `${zone} ${holidays}`,
    }),
  );
  const appointmentOnly: HsdsSchedule[] =
    schedule.hours.length === 0 && schedule.byAppointment
      ? [{ id: id('rooster/afspraak'), service_id: serviceId, attending_type: 'Op afspraak', description: 'Alleen op afspraak.' }]
      : [];
  const exceptions: HsdsSchedule[] = schedule.exceptions.flatMap((e, i) =>
    e.closed
      ? [
          withoutUndefined({
            id: id(`uitzondering/${i}`),
            service_id: serviceId,
            valid_from: e.date,
            valid_to: e.date,
            description: `Gesloten. ${zone}`,
            notes: e.reason,
          }),
        ]
      : (e.hours ?? []).map((h, j) =>
          withoutUndefined({
            id: id(`uitzondering/${i}/${j}`),
            service_id: serviceId,
            valid_from: e.date,
            valid_to: e.date,
            opens_at: h.opens,
            closes_at: h.closes,
            description: `Andere tijden op deze dag. ${zone}`,
            notes: e.reason,
          }),
        ),
  );
  return [...weekly, ...appointmentOnly, ...exceptions];
}

function toPhone(p: Phone, id: string, owner: { organization_id?: string; service_id?: string }): HsdsPhone {
  return withoutUndefined({ id, ...owner, number: p.number, type: p.type, description: p.description });
}

const ROUTE_TEXT: Record<Service['application_process']['routes'][number], string> = {
  bellen: 'bellen',
  langskomen: 'langskomen',
  mailen: 'mailen',
  chatten: 'chatten',
  online: 'via de website',
  'via-school': 'via school',
  uitnodiging: 'op uitnodiging',
  'verwijzing-huisarts': 'verwijzing van de huisarts of jeugdarts',
  'verwijzing-wijkteam': 'verwijzing van het wijkteam',
  'verwijzing-professional': 'via politie of een andere professional',
  'verwijzing-rechter': 'via de kinderrechter',
};

const FEES_TEXT: Record<Service['fees'], string> = {
  gratis: 'Gratis',
  'eigen-bijdrage': 'Eigen bijdrage',
  zorgverzekering: 'Via de zorgverzekering',
  gemeente: 'Betaald door de gemeente',
  onbekend: 'Niet bekend',
};

/** One organization with its services, locations, phones and schedules nested. */
export function toHsdsOrganization(entry: OrganisationEntry, options: ExportOptions): HsdsOrganization {
  const namespace = uuidV5(new URL('/sociale-kaart/', options.siteUrl).href, URL_NAMESPACE);
  const orgPath = `organisatie/${entry.id}`;
  const id = (path: string) => uuidV5(`${orgPath}/${path}`, namespace);
  const orgId = uuidV5(orgPath, namespace);
  const org = entry.data;
  // The schema checks that a service names only the organisation's own locations.
  const locationIdOf = (locationSlug: string) => id(`locatie/${locationSlug}`);

  const locations: HsdsLocation[] = org.locations.map((l) => {
    const locationId = locationIdOf(l.id);
    return withoutUndefined({
      id: locationId,
      organization_id: orgId,
      location_type: 'physical' as const,
      name: l.name,
      transportation: l.transportation,
      addresses: l.address
        ? [
            {
              id: id(`locatie/${l.id}/adres`),
              location_id: locationId,
              address_1: l.address.address_1,
              city: l.address.city,
              // Dutch addresses have no state; the province is not in our data, so it stays empty.
              region: [l.wijk, l.gemeente].filter(Boolean).join(', '),
              state_province: '',
              postal_code: l.address.postal_code,
              country: 'NL',
              address_type: 'physical' as const,
            },
          ]
        : [],
      accessibility: l.accessibility ? [{ id: id(`locatie/${l.id}/toegankelijkheid`), location_id: locationId, description: l.accessibility }] : [],
    });
  });

  const services: HsdsService[] = org.services.map((s) => {
    const serviceId = id(`dienst/${s.id}`);
    const sid = (path: string) => id(`dienst/${s.id}/${path}`);
    const term = (kind: string, code: string, name: string) => {
      const termId = uuidV5(`taxonomie/${kind}/${code}`, namespace);
      return {
        id: sid(`kenmerk/${kind}/${code}`),
        link_id: serviceId,
        link_type: kind,
        link_entity: 'service' as const,
        value: code,
        taxonomy_term_id: termId,
        taxonomy_term: { id: termId, code, name, description: name, taxonomy: TAXONOMY },
      };
    };
    const routes = s.application_process.routes.map((r) => ROUTE_TEXT[r]).join(', ');
    return withoutUndefined({
      id: serviceId,
      organization_id: orgId,
      name: s.name,
      description: s.description,
      url: s.url,
      email: s.email,
      status: s.status,
      application_process: `${s.application_process.text} (${routes.charAt(0).toUpperCase()}${routes.slice(1)}.)`,
      fees_description: [FEES_TEXT[s.fees], s.fees_description].filter(Boolean).join('. '),
      eligibility_description: `Voor ${s.doelgroep.map((d) => AUDIENCE_LABELS[d].toLowerCase()).join(', ')}. ${zonderVerwijzing(s) ? 'Zonder verwijzing.' : 'Verwijzing nodig.'}`,
      minimum_age: s.minimum_age,
      maximum_age: s.maximum_age,
      wait_time: s.wait_time,
      assured_date: s.assured_date,
      languages: s.languages.map((code) => ({ id: sid(`taal/${code}`), service_id: serviceId, code })),
      phones: s.phones.map((p, i) => toPhone(p, sid(`telefoon/${i}`), { service_id: serviceId })),
      schedules: toSchedules(serviceSchedule(s, options.chat), serviceId, sid),
      service_at_locations: s.locations.map((l) => ({ id: sid(`locatie/${l}`), service_id: serviceId, location_id: locationIdOf(l) })),
      attributes: [
        ...s.doelgroep.map((d) => term('doelgroep', d, AUDIENCE_LABELS[d])),
        ...s.onderwerpen.map((o) => term('onderwerp', o, TOPIC_INFO[o].label)),
        ...s.application_process.routes.map((r) => term('toegang', r, ROUTE_TEXT[r])),
        term('verwijzing', zonderVerwijzing(s) ? 'zonder-verwijzing' : 'verwijzing-nodig', zonderVerwijzing(s) ? 'Zonder verwijzing' : 'Verwijzing nodig'),
      ],
      example_data: org.example_data,
    });
  });

  return withoutUndefined({
    id: orgId,
    name: org.name,
    description: org.description,
    email: org.email,
    website: org.url,
    uri: new URL(`/sociale-kaart/${entry.id}/`, options.siteUrl).href,
    phones: org.phones.map((p, i) => toPhone(p, id(`telefoon/${i}`), { organization_id: orgId })),
    locations,
    services,
    example_data: org.example_data,
  });
}

/** All organizations, sorted by our id so the file is stable between builds. */
export function toHsdsList(entries: readonly OrganisationEntry[], options: ExportOptions): HsdsOrganization[] {
  return [...entries].sort((a, b) => a.id.localeCompare(b.id)).map((e) => toHsdsOrganization(e, options));
}

// ---------------------------------------------------------------------------------------------------
// CSV: one row per service, columns named after the HSDS fields where HSDS has them.

export const CSV_COLUMNS = [
  'organization_id',
  'organization_name',
  'service_id',
  'service_name',
  'description',
  'status',
  'doelgroep',
  'minimum_age',
  'maximum_age',
  'onderwerpen',
  'zonder_verwijzing',
  'application_process',
  'fees_description',
  'languages',
  'phones',
  'email',
  'url',
  'locations',
  'region',
  'opening_hours',
  'assured_date',
  'example_data',
  'uri',
] as const;

/**
 * RFC 4180 CSV (comma, double quotes, CRLF), UTF-8, guarded against formula injection (shared/csv.ts).
 * Several values in one cell are joined by " | ".
 */
export function toCsv(organizations: readonly HsdsOrganization[]): string {
  const rows: string[][] = [[...CSV_COLUMNS]];
  for (const org of organizations) {
    for (const s of org.services) {
      const attr = (kind: string) => s.attributes.filter((a) => a.link_type === kind).map((a) => a.value);
      const locs = org.locations.filter((l) => s.service_at_locations.some((sl) => sl.location_id === l.id));
      const phones = [...s.phones, ...org.phones].map((p) => p.number);
      const row: Record<(typeof CSV_COLUMNS)[number], string> = {
        organization_id: org.id,
        organization_name: org.name,
        service_id: s.id,
        service_name: s.name,
        description: s.description,
        status: s.status,
        doelgroep: attr('doelgroep').join(' | '),
        minimum_age: s.minimum_age === undefined ? '' : String(s.minimum_age),
        maximum_age: s.maximum_age === undefined ? '' : String(s.maximum_age),
        onderwerpen: attr('onderwerp').join(' | '),
        zonder_verwijzing: attr('verwijzing')[0] === 'zonder-verwijzing' ? 'ja' : 'nee',
        application_process: s.application_process,
        fees_description: s.fees_description,
        languages: s.languages.map((l) => l.code).join(' | '),
        phones: [...new Set(phones)].join(' | '),
        email: s.email ?? org.email ?? '',
        url: s.url ?? org.website ?? '',
        locations: locs.map((l) => [l.name, ...l.addresses.map((a) => `${a.address_1}, ${a.postal_code} ${a.city}`)].join(': ')).join(' | '),
        region: locs.flatMap((l) => l.addresses.map((a) => a.region)).join(' | '),
        opening_hours: s.schedules
          .filter((sc) => sc.freq === 'WEEKLY' || sc.attending_type === 'Op afspraak')
          .map((sc) => (sc.byday ? `${sc.byday} ${sc.opens_at}-${sc.closes_at}` : (sc.attending_type ?? '')))
          .join(' | '),
        assured_date: s.assured_date ?? '',
        example_data: s.example_data ? 'ja' : 'nee',
        uri: org.uri,
      };
      rows.push(CSV_COLUMNS.map((c) => row[c]));
    }
  }
  return csvDocument(rows, ',');
}
