import { z } from 'zod';
import { AUDIENCES, TOPICS, YOUTH_AGES } from '../../shared/taxonomy.ts';
import { KOSTEN } from '../config/sociale-kaart.ts';
import { clockTimeSchema, closingTimeSchema, isoDateSchema, weeklyHoursSchema } from '../../shared/schedule.ts';
import { webUrl } from '../../shared/web-url.ts';
import { summarySchema, titleSchema } from './article.ts';
import { MAX_PEOPLE } from '../../shared/signup/limits.ts';

/**
 * Frontmatter of a course, group or meeting series (`src/content/activiteiten/<id>.md`); the text below
 * the frontmatter is the description. Every message is Dutch and names what is wrong: the reader is the
 * gemeente's editor, and Astro adds the file name and the field path.
 *
 * Dates and times are wall-clock times in Europe/Amsterdam. The organiser and the place refer to the
 * sociale kaart, so an address is written down once.
 */

/**
 * How someone joins: with the form on the activity page (`aanmelden-hier`: the sign-up goes to the CJG's
 * own server, README "Aanmelden"), by phone (the organiser's number), on the organiser's own page, or by
 * walking in.
 */
export const JOIN_METHODS = ['aanmelden-hier', 'bellen', 'via-organisator', 'binnenlopen'] as const;
export type JoinMethod = (typeof JOIN_METHODS)[number];

/**
 * What the dated sessions are: `reeks`, one course or group where you come to every meeting (one sign-up,
 * one calendar file with all of them), or `losse-bijeenkomsten`, one meeting given on several dates where
 * you pick one (each date its own sign-up and its own calendar file).
 */
export const ACTIVITY_FORMATS = ['reeks', 'losse-bijeenkomsten'] as const;
export type ActivityFormat = (typeof ACTIVITY_FORMATS)[number];

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'id met kleine letters, cijfers en streepjes' });

const sessionSchema = z
  .object({
    date: isoDateSchema,
    start: clockTimeSchema,
    end: closingTimeSchema,
    /** What this meeting is about, when the meetings differ ("Avond 2: grenzen stellen"). */
    title: z.string().min(3).optional(),
    /** Places at this meeting, when each date is a meeting of its own (`format: losse-bijeenkomsten`); else `places`. */
    places: z.number({ error: 'places moet een getal zijn' }).int().min(1, { error: 'places is minstens 1' }).optional(),
  })
  .strict()
  .refine((s) => s.end > s.start, { error: 'eindtijd moet na de begintijd liggen', path: ['end'] });

export function makeActivitySchema<Ref extends z.ZodType>(refs: { organisatie: Ref }) {
  const locationSchema = z.union(
    [z.object({ organisation: refs.organisatie, location: slug }).strict(), z.object({ online: z.literal(true), text: z.string().min(5).optional() }).strict()],
    { error: 'location: geef organisation en location (een locatie van de sociale kaart), of online: true' },
  );

  return z
    .object({
      title: titleSchema,
      summary: summarySchema,
      doelgroep: z
        .array(z.enum(AUDIENCES, { error: `doelgroep moet een van deze zijn: ${AUDIENCES.join(', ')}` }), {
          error: 'doelgroep: een lijst, bijvoorbeeld [ouders]',
        })
        .min(1, { error: 'noem minstens één doelgroep' }),
      onderwerpen: z
        .array(z.enum(TOPICS, { error: `onbekend onderwerp; kies uit: ${TOPICS.join(', ')}` }), {
          error: 'onderwerpen: een lijst, bijvoorbeeld [opvoeden]',
        })
        .min(1, { error: 'noem minstens één onderwerp' }),
      /** Ages (years, inclusive) of the child or young person it is about. Leave out for every age. */
      ages: z
        .object({ min: z.number().int().min(0).max(23), max: z.number().int().min(0).max(23) }, { error: 'ages: geef min en max in jaren' })
        .strict()
        .refine((a) => a.min <= a.max, { error: 'ages.min is groter dan ages.max' })
        .optional(),
      /** Whether the sessions are one course (`reeks`) or one meeting on several dates to choose from. */
      format: z.enum(ACTIVITY_FORMATS, { error: `format moet een van deze zijn: ${ACTIVITY_FORMATS.join(', ')}` }).default('reeks'),
      /** Dated meetings. */
      sessions: z.array(sessionSchema, { error: 'sessions: een lijst met date, start en end' }).default([]),
      /** "Doorlopend, instromen kan altijd": a weekly meeting without an end date. */
      ongoing: z
        .object({
          text: z.string({ error: 'ongoing.text ontbreekt, bijvoorbeeld "Elke dinsdagochtend, instromen kan altijd"' }).min(10),
          weekly: weeklyHoursSchema.optional(),
          /** Dates the weekly meeting does not happen (school holidays, public holidays): EXDATE in the calendar. */
          except: z.array(isoDateSchema, { error: 'ongoing.except: een lijst datums, bijvoorbeeld [2027-02-16]' }).default([]),
        })
        .strict()
        .optional(),
      location: locationSchema,
      organiser: refs.organisatie,
      /**
       * The service on the organiser's sociale-kaart entry this activity is a group of (`triple-p`). The
       * build checks that the two agree: ages inside the service's, audiences among the service's.
       */
      service: slug.optional(),
      cost: z.enum(KOSTEN, { error: `cost moet een van deze zijn: ${KOSTEN.join(', ')}` }),
      cost_description: z.string().min(3).optional(),
      /** ISO 639-1 codes. */
      languages: z
        .array(z.string().regex(/^[a-z]{2}$/, { error: 'taalcode van twee letters, bijvoorbeeld nl' }))
        .min(1)
        .default(['nl']),
      /** Wheelchair access, interpreter, childcare, … in plain Dutch. Absent = not known. */
      accessibility: z.string().min(3).optional(),
      join: z
        .object(
          {
            method: z.enum(JOIN_METHODS, { error: `join.method moet een van deze zijn: ${JOIN_METHODS.join(', ')}` }),
            text: z.string({ error: 'join.text ontbreekt: zeg in een zin hoe je meedoet' }).min(10),
            url: webUrl('join.url is geen geldige http(s)-link').optional(),
            /** `aanmelden-hier` only: most people one sign-up may bring (default 4). */
            max_people: z
              .number({ error: `join.max_people is een heel getal van 1 tot en met ${MAX_PEOPLE}` })
              .int({ error: `join.max_people is een heel getal van 1 tot en met ${MAX_PEOPLE}` })
              .min(1, { error: `join.max_people is een heel getal van 1 tot en met ${MAX_PEOPLE}` })
              .max(MAX_PEOPLE, { error: `join.max_people is een heel getal van 1 tot en met ${MAX_PEOPLE}` })
              .optional(),
          },
          { error: 'join ontbreekt: geef method en text' },
        )
        .strict(),
      /** Places per activity; leave out when there is no limit. */
      places: z.number({ error: 'places moet een getal zijn' }).int().min(1, { error: 'places is minstens 1' }).optional(),
      referral_required: z.boolean().default(false),
      /** True for the shipped examples a gemeente replaces. */
      example_data: z.boolean({ error: 'example_data ontbreekt: true voor voorbeeldgegevens, false voor echte gegevens' }),
      updated: z.coerce.date({ error: 'updated moet een datum zijn (JJJJ-MM-DD)' }),
    })
    .strict()
    .superRefine((a, ctx) => {
      if (a.sessions.length === 0 && !a.ongoing) {
        ctx.addIssue({ code: 'custom', path: ['sessions'], message: 'geef sessions (datums) of ongoing (doorlopend)' });
      }
      if (a.join.method === 'via-organisator' && !a.join.url) {
        ctx.addIssue({ code: 'custom', path: ['join', 'url'], message: 'join.url ontbreekt: de link naar de aanmeldpagina van de organisator' });
      }
      if (a.join.method === 'aanmelden-hier' && a.sessions.length === 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['join', 'method'],
          message: 'aanmelden-hier kan alleen met sessions (datums): aanmeldingen worden een aantal dagen na de laatste bijeenkomst gewist',
        });
      }
      if (a.doelgroep.includes('jongeren') && a.ages && (a.ages.max <= YOUTH_AGES.min || a.ages.min > YOUTH_AGES.max)) {
        ctx.addIssue({
          code: 'custom',
          path: ['doelgroep'],
          message: `doelgroep jongeren is voor ${YOUTH_AGES.min} tot ${YOUTH_AGES.max} jaar, maar ages is ${a.ages.min}-${a.ages.max}; is het voor kinderen, gebruik dan doelgroep [ouders]`,
        });
      }
      if (a.format === 'losse-bijeenkomsten' && a.sessions.length < 2) {
        ctx.addIssue({
          code: 'custom',
          path: ['format'],
          message: 'format: losse-bijeenkomsten hoort bij een bijeenkomst die op minstens twee datums wordt gegeven',
        });
      }
      a.sessions.forEach((s, i) => {
        if (s.places !== undefined && a.format !== 'losse-bijeenkomsten') {
          ctx.addIssue({
            code: 'custom',
            path: ['sessions', i, 'places'],
            message: 'places per sessie kan alleen met format: losse-bijeenkomsten; zet places anders bij de activiteit',
          });
        }
      });
      const weekly = a.ongoing?.weekly;
      a.ongoing?.except.forEach((date, i) => {
        if (!weekly) {
          ctx.addIssue({ code: 'custom', path: ['ongoing', 'except'], message: 'ongoing.except kan alleen met ongoing.weekly' });
        } else if (!weekly.days.includes(isoWeekday(date))) {
          ctx.addIssue({ code: 'custom', path: ['ongoing', 'except', i], message: `${date} valt niet op een dag van ongoing.weekly.days` });
        }
      });
      const seen = new Set<string>();
      a.sessions.forEach((s, i) => {
        const key = `${s.date} ${s.start}`;
        if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['sessions', i], message: `sessie ${key} staat er twee keer in` });
        seen.add(key);
      });
    });
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a calendar date. */
export function isoWeekday(date: string): number {
  return ((new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7) + 1;
}

export type ActivityData = z.infer<ReturnType<typeof makeActivitySchema<z.ZodString>>>;
export type ActivitySession = ActivityData['sessions'][number];
