import { z } from 'zod';
import { openingScheduleSchema } from '../schedule.ts';
import { webUrl } from '../web-url.ts';

/**
 * Shape of the site configuration. A gemeente edits `site.ts`; this schema makes a typo there
 * fail the build (and the chat server's start) with the name of the field.
 */

const phoneLine = z.object({
  /** Name as people know it, e.g. "De Kindertelefoon". */
  name: z.string().min(1),
  /** The number as dialled, e.g. "0800-0432". */
  phone: z.string().regex(/^[0-9 -]+$/, { error: 'alleen cijfers, spaties en streepjes' }),
  /** When and for whom, in one short Dutch line. */
  when: z.string().min(1),
  /** Website of the line; shown as text and link, never loaded by our pages. */
  url: webUrl().optional(),
  /**
   * Verified opening hours, for a line that is not open day and night (De Kindertelefoon). Absent = open
   * day and night. The closed-chat page shows a line only while it is open, so nobody is sent to a closed line.
   */
  hours: openingScheduleSchema.optional(),
});

/** A standaardzin for the console: a short title to find it by and the text that goes into a message. */
const chatPhrase = z.object({
  title: z.string().min(1).max(60),
  text: z.string().min(1).max(1000),
});

export const siteConfigSchema = z.object({
  /** Public name of the organisation, e.g. "CJG Voorbeeldstad". */
  cjgName: z.string().min(1),
  /** The gemeente the portal serves. */
  gemeente: z.string().min(1),
  /** Absolute URL the site is published at; used for the sitemap and canonical links. */
  siteUrl: webUrl(),
  /** True while the contact details below are placeholders for a gemeente to replace. */
  exampleData: z.boolean(),
  contact: z.object({
    phone: z.string().min(1),
    email: z.email(),
    /** Opening hours of the phone line as one Dutch sentence. */
    hours: z.string().min(1),
  }),
  /**
   * Opening hours of the anonymous chat: the same schedule shape (and engine, `shared/opening-hours.ts`)
   * as every service on the sociale kaart, so holidays and exceptions work the same way.
   */
  chat: openingScheduleSchema,
  /** National lines shown when someone needs help now. Only verified numbers belong here. */
  crisisLines: z.array(phoneLine).min(1),
  /**
   * Standaardzinnen in the counsellors' console: searchable by title and text, inserted into the
   * message being written. Each CJG writes its own; they are not sent anywhere until a counsellor does.
   */
  chatPhrases: z.array(chatPhrase).min(1),
  /**
   * "Stel je vraag" (`/jongeren/vraag/`): the answer promise young people read ("we antwoorden binnen
   * N werkdagen"). Working days are Monday to Friday without Dutch public holidays; the day of asking
   * does not count. Promise only what the team can keep: unanswered questions are deleted after it.
   */
  questions: z
    .object({
      answerWorkingDays: z
        .number({ error: 'answerWorkingDays: een heel aantal werkdagen' })
        .int({ error: 'answerWorkingDays: een heel aantal werkdagen' })
        .min(1, { error: 'answerWorkingDays: minstens 1 werkdag' })
        .max(10, { error: 'answerWorkingDays: hoogstens 10 werkdagen' }),
      /** Days an answered question stays readable with the code; then it is deleted. */
      keepAnsweredDays: z
        .number({ error: 'keepAnsweredDays: een heel aantal dagen' })
        .int({ error: 'keepAnsweredDays: een heel aantal dagen' })
        .min(1, { error: 'keepAnsweredDays: minstens 1 dag' })
        .max(90, { error: 'keepAnsweredDays: hoogstens 90 dagen' })
        .default(14),
    })
    .default({ answerWorkingDays: 3, keepAnsweredDays: 14 }),
  /** Where "Snel weg" sends a visitor: a neutral page that reveals nothing. */
  quickExitUrl: webUrl(),
});

export type SiteConfig = z.infer<typeof siteConfigSchema>;
export type CrisisLine = z.infer<typeof phoneLine>;
export type ChatPhrase = z.infer<typeof chatPhrase>;
export type { WeeklyHours, OpeningSchedule } from '../schedule.ts';
