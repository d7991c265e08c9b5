import { z } from 'zod';
import { AUDIENCES, TOPICS } from '../../shared/taxonomy.ts';
import { EXAMPLE_PHONE_PREFIX, KOSTEN, SERVICE_STATUS, TOEGANGSROUTES, WERKGEBIEDEN } from '../config/sociale-kaart.ts';
import { isoDateSchema, openingScheduleSchema } from '../../shared/schedule.ts';
import { webUrl } from '../../shared/web-url.ts';

/**
 * One organisation on the sociale kaart (`src/content/sociale-kaart/<id>.yaml`), with its services and
 * locations. Field names follow Open Referral HSDS 3.0 where HSDS has the field (name, description, url,
 * email, services, minimum_age, maximum_age, application_process, status, assured_date, phones, locations,
 * accessibility, languages, schedules), so `src/lib/hsds-export.ts` maps it one to one. Dutch fields
 * (doelgroep, onderwerpen, wijk, gemeente) carry what HSDS leaves to a taxonomy.
 *
 * Every message is Dutch and names what is wrong: the reader is the gemeente's editor, and Astro adds the
 * file name and the field path. What is unknown stays out of the file and is shown as unknown.
 */

const slug = z
  .string({ error: 'id ontbreekt' })
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'id met kleine letters, cijfers en streepjes, bijvoorbeeld jongerenspreekuur' });

const phoneSchema = z
  .object({
    /** As dialled, e.g. "0800-0432". */
    number: z
      .string({ error: 'telefoonnummer ontbreekt' })
      .regex(/^[0-9][0-9 -]{1,18}$/, { error: 'telefoonnummer met alleen cijfers, spaties en streepjes, bijvoorbeeld 012-345 67 89' }),
    /** What the line is for, e.g. "Informatie en advies". */
    description: z.string().min(2).optional(),
    /** HSDS phone type. */
    type: z.enum(['voice', 'text', 'sms'], { error: 'type: voice, text of sms' }).default('voice'),
  })
  .strict();

const addressSchema = z
  .object({
    address_1: z.string({ error: 'straat en huisnummer ontbreken' }).min(3),
    postal_code: z.string({ error: 'postcode ontbreekt' }).regex(/^\d{4} ?[A-Z]{2}$/, { error: 'postcode als 1234 AB' }),
    city: z.string({ error: 'plaats ontbreekt' }).min(2),
  })
  .strict();

const locationSchema = z
  .object({
    id: slug,
    name: z.string({ error: 'naam van de locatie ontbreekt' }).min(2),
    address: addressSchema.optional(),
    /** Neighbourhood, for the wijk filter. */
    wijk: z.string().min(2).optional(),
    gemeente: z.string().min(2).optional(),
    /** Wheelchair access, lift, quiet room, … in plain Dutch. Absent = not known. */
    accessibility: z.string().min(3).optional(),
    /** How to get there: bus, parking, bike. */
    transportation: z.string().min(3).optional(),
  })
  .strict();

const serviceSchema = z
  .object({
    /** Stable within the organisation: used in links and in the export's ids. */
    id: slug,
    name: z.string({ error: 'naam van de dienst ontbreekt' }).min(2, { error: 'naam is te kort' }),
    description: z.string({ error: 'beschrijving ontbreekt' }).min(10, { error: 'beschrijving is te kort (minstens 10 tekens)' }),
    doelgroep: z
      .array(z.enum(AUDIENCES, { error: `doelgroep moet een van deze zijn: ${AUDIENCES.join(', ')}` }), {
        error: 'doelgroep: een lijst, bijvoorbeeld [ouders, jongeren]',
      })
      .min(1, { error: 'noem minstens één doelgroep' }),
    /** Ages in years, inclusive. Leave both out when the service has no age limit. */
    minimum_age: z.number({ error: 'minimum_age moet een getal zijn (jaren)' }).int().min(0, { error: 'minimum_age kan niet onder 0' }).max(120).optional(),
    maximum_age: z.number({ error: 'maximum_age moet een getal zijn (jaren)' }).int().min(0, { error: 'maximum_age kan niet onder 0' }).max(120).optional(),
    onderwerpen: z
      .array(z.enum(TOPICS, { error: `onbekend onderwerp; kies uit: ${TOPICS.join(', ')}` }), {
        error: 'onderwerpen: een lijst, bijvoorbeeld [middelengebruik, problemen]',
      })
      .min(1, { error: 'noem minstens één onderwerp' }),
    /** "Zo kom je binnen": the routes, and one or two sentences in plain Dutch. */
    application_process: z
      .object(
        {
          routes: z
            .array(z.enum(TOEGANGSROUTES, { error: `onbekende route; kies uit: ${TOEGANGSROUTES.join(', ')}` }))
            .min(1, { error: 'noem minstens één route (bijvoorbeeld bellen of langskomen)' }),
          text: z.string({ error: 'zo-kom-je-binnen-tekst ontbreekt' }).min(10, { error: 'zo-kom-je-binnen-tekst is te kort' }),
        },
        { error: 'application_process ontbreekt: geef routes en text' },
      )
      .strict(),
    fees: z.enum(KOSTEN, { error: `fees moet een van deze zijn: ${KOSTEN.join(', ')}` }),
    /** Extra words about costs, e.g. "eigen bijdrage afhankelijk van inkomen". */
    fees_description: z.string().min(3).optional(),
    /** ISO 639-1 codes of languages the service is given in. */
    languages: z
      .array(z.string().regex(/^[a-z]{2}$/, { error: 'taalcode van twee letters, bijvoorbeeld nl of en' }))
      .min(1)
      .default(['nl']),
    status: z.enum(SERVICE_STATUS, { error: `status moet een van deze zijn: ${SERVICE_STATUS.join(', ')}` }).default('active'),
    /** Can someone use it without giving a name? Absent = not known. */
    anonymous: z.boolean().optional(),
    /** Opening hours. Absent = not known (shown as such). */
    schedules: openingScheduleSchema.optional(),
    /** Take the opening hours from the site configuration instead ("chat": the CJG chat's hours). */
    schedules_from: z.enum(['chat'], { error: 'schedules_from kan alleen chat zijn' }).optional(),
    phones: z.array(phoneSchema).default([]),
    email: z.email({ error: 'e-mailadres is niet geldig' }).optional(),
    url: webUrl('url is geen geldige link').optional(),
    /** Which of the organisation's locations offer it (ids). */
    locations: z.array(slug).default([]),
    /** Typical waiting time, in plain Dutch. Absent = not known. */
    wait_time: z.string().min(3).optional(),
    /** Date someone last checked this service's details. Absent = never checked. */
    assured_date: isoDateSchema.optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    if (s.schedules && s.schedules_from) {
      ctx.addIssue({ code: 'custom', path: ['schedules_from'], message: 'geef schedules óf schedules_from, niet allebei' });
    }
    if (s.minimum_age !== undefined && s.maximum_age !== undefined && s.maximum_age < s.minimum_age) {
      ctx.addIssue({
        code: 'custom',
        path: ['maximum_age'],
        message: `maximum_age (${s.maximum_age}) is lager dan minimum_age (${s.minimum_age})`,
      });
    }
  });

const sourceSchema = z
  .object({
    title: z.string({ error: 'titel van de bron ontbreekt' }).min(3),
    publisher: z.string({ error: 'uitgever van de bron ontbreekt' }).min(2),
    url: webUrl('bron-url is geen geldige link').optional(),
  })
  .strict();

export const organisationSchema = z
  .object({
    name: z.string({ error: 'naam ontbreekt' }).min(2, { error: 'naam is te kort' }),
    description: z.string({ error: 'beschrijving ontbreekt' }).min(10, { error: 'beschrijving is te kort (minstens 10 tekens)' }),
    url: webUrl('url is geen geldige link').optional(),
    email: z.email({ error: 'e-mailadres is niet geldig' }).optional(),
    /**
     * True for local example organisations a gemeente must replace: fictional names, addresses and
     * numbers. Shown on the page and in the export.
     */
    example_data: z.boolean({ error: 'example_data ontbreekt: true voor voorbeeldgegevens, false voor echte gegevens' }),
    werkgebied: z.enum(WERKGEBIEDEN, { error: `werkgebied moet een van deze zijn: ${WERKGEBIEDEN.join(', ')}` }),
    phones: z.array(phoneSchema).default([]),
    locations: z.array(locationSchema).default([]),
    services: z.array(serviceSchema, { error: 'services: een lijst met diensten' }).min(1, { error: 'noem minstens één dienst' }),
    /** Where the details of a real organisation come from. */
    sources: z.array(sourceSchema).default([]),
  })
  .strict()
  .superRefine((org, ctx) => {
    if (!org.example_data && org.sources.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['sources'], message: 'echte gegevens hebben een bron nodig: noem minstens één bron' });
    }
    if (org.example_data) {
      const phones = [
        ...org.phones.map((p, i) => ({ p, path: ['phones', i, 'number'] })),
        ...org.services.flatMap((s, si) => s.phones.map((p, i) => ({ p, path: ['services', si, 'phones', i, 'number'] }))),
      ];
      for (const { p, path } of phones) {
        if (!p.number.startsWith(EXAMPLE_PHONE_PREFIX)) {
          ctx.addIssue({
            code: 'custom',
            path,
            message: `voorbeeldnummers beginnen met ${EXAMPLE_PHONE_PREFIX}, zodat ze nooit bij een echt persoon uitkomen`,
          });
        }
      }
    }
    const ids = new Set<string>();
    org.services.forEach((s, i) => {
      if (ids.has(s.id)) ctx.addIssue({ code: 'custom', path: ['services', i, 'id'], message: `dienst-id "${s.id}" komt twee keer voor` });
      ids.add(s.id);
      const known = new Set(org.locations.map((l) => l.id));
      s.locations.forEach((l, li) => {
        if (!known.has(l)) ctx.addIssue({ code: 'custom', path: ['services', i, 'locations', li], message: `locatie "${l}" staat niet bij locations` });
      });
    });
  });

export type Organisation = z.infer<typeof organisationSchema>;
export type OrganisationInput = z.input<typeof organisationSchema>;
export type Service = Organisation['services'][number];
export type { Kosten, Toegangsroute } from '../config/sociale-kaart.ts';
export type OrgLocation = Organisation['locations'][number];
export type Phone = Organisation['phones'][number];
