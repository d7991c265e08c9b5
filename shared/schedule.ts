import { z } from 'zod';

/**
 * Opening hours: THE schema for every schedule on the site (the chat in `shared/config/site.ts`, each
 * service on the sociale kaart). The engine that reads it is `shared/opening-hours.ts`; the HSDS
 * export maps it to HSDS `schedule` objects. Times are wall-clock times in `timeZone`.
 */

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const CLOSING_TIME = /^([01]\d|2[0-4]):[0-5]\d$/;

export const clockTimeSchema = z
  .string({ error: 'tijd als tekst tussen aanhalingstekens, bijvoorbeeld "09:00"' })
  .regex(TIME, { error: 'tijd als HH:MM, bijvoorbeeld 09:00' });
export const closingTimeSchema = z
  .string({ error: 'tijd als tekst tussen aanhalingstekens, bijvoorbeeld "17:00"' })
  .regex(CLOSING_TIME, { error: 'tijd als HH:MM, bijvoorbeeld 17:00 (24:00 mag voor middernacht)' });

/** One opening period in a day. A closing time at or before the opening time runs past midnight. */
export const timeRangeSchema = z
  .object({ opens: clockTimeSchema, closes: closingTimeSchema })
  .refine((r) => r.opens !== r.closes, { error: 'openen en sluiten mogen niet op dezelfde tijd vallen', path: ['closes'] });

/** A weekly rule. Day 1 = Monday … 7 = Sunday (ISO 8601). */
export const weeklyHoursSchema = z
  .object({
    days: z
      .array(
        z
          .number({ error: 'dag als getal: 1 = maandag … 7 = zondag' })
          .int()
          .min(1, { error: 'dag van 1 (maandag) tot 7 (zondag)' })
          .max(7, { error: 'dag van 1 (maandag) tot 7 (zondag)' }),
        {
          error: 'days: een lijst dagen, bijvoorbeeld [1, 2, 3, 4, 5]',
        },
      )
      .min(1, { error: 'noem minstens één dag' }),
    opens: clockTimeSchema,
    closes: closingTimeSchema,
  })
  .refine((r) => r.opens !== r.closes, { error: 'openen en sluiten mogen niet op dezelfde tijd vallen', path: ['closes'] });

/**
 * A calendar date as YYYY-MM-DD. YAML turns an unquoted date into a Date object; that is accepted too,
 * so an editor need not remember the quotes.
 */
export const isoDateSchema = z.preprocess(
  (v) => (v instanceof Date && !Number.isNaN(+v) ? v.toISOString().slice(0, 10) : v),
  z
    .string({ error: 'datum als JJJJ-MM-DD, bijvoorbeeld 2026-12-24' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'datum als JJJJ-MM-DD, bijvoorbeeld 2026-12-24' })
    .refine(
      (s) => {
        const [y, m, d] = s.split('-').map(Number) as [number, number, number];
        const date = new Date(Date.UTC(y, m - 1, d));
        return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
      },
      { error: 'deze datum bestaat niet' },
    ),
);

/** A single date with other hours than usual: closed, or open at the given times. */
export const scheduleExceptionSchema = z
  .object({
    date: isoDateSchema,
    closed: z.boolean().optional(),
    hours: z.array(timeRangeSchema).optional(),
    /** Why, in one short Dutch phrase, e.g. "studiedag". */
    reason: z.string().min(1).optional(),
  })
  .refine((e) => (e.closed === true) !== (e.hours?.length ?? 0) > 0, {
    error: 'geef óf closed: true óf hours met openingstijden',
    path: ['closed'],
  });

export const openingScheduleSchema = z
  .object({
    /** IANA time zone the times are in. */
    timeZone: z
      .string()
      .refine(
        (zone) => {
          try {
            new Intl.DateTimeFormat('nl-NL', { timeZone: zone });
            return true;
          } catch {
            return false;
          }
        },
        { error: 'onbekende tijdzone, gebruik bijvoorbeeld Europe/Amsterdam' },
      )
      .default('Europe/Amsterdam'),
    /** Regular weekly hours. Empty for a service that works only by appointment. */
    hours: z.array(weeklyHoursSchema, { error: 'hours: een lijst met { days, opens, closes }' }).default([]),
    /** "Op afspraak": also (or only) reachable by appointment. */
    byAppointment: z.boolean().default(false),
    /** Closed on Dutch public holidays (default), or open as on any other day (crisis lines). */
    holidays: z.enum(['closed', 'open'], { error: 'holidays: closed of open' }).default('closed'),
    /** Goede Vrijdag is no official day off for most; set true if this service closes then. */
    closedOnGoodFriday: z.boolean().default(false),
    /**
     * Bevrijdingsdag (5 May) is a national holiday every year, but many collective agreements give the
     * day off only in lustrum years (2025, 2030, …). Default: closed only in lustrum years.
     */
    liberationDay: z.enum(['every-year', 'lustrum'], { error: 'liberationDay: every-year of lustrum' }).default('lustrum'),
    /** Dates with other hours than usual (closed, or special hours). */
    exceptions: z.array(scheduleExceptionSchema).default([]),
  })
  .refine((s) => s.hours.length > 0 || s.byAppointment, {
    error: 'geef openingstijden (hours) of zet byAppointment: true',
    path: ['hours'],
  });

export type TimeRange = z.infer<typeof timeRangeSchema>;
export type WeeklyHours = z.infer<typeof weeklyHoursSchema>;
export type ScheduleException = z.infer<typeof scheduleExceptionSchema>;
/** A parsed schedule (defaults filled in). */
export type OpeningSchedule = z.infer<typeof openingScheduleSchema>;
/** A schedule as written in a file or config (defaults may be left out). */
export type OpeningScheduleInput = z.input<typeof openingScheduleSchema>;
