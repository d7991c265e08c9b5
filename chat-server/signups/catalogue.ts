/**
 * Which activities take sign-ups here, and for what: read from the built site's `/activiteiten.json`
 * (its `signup` block, written at build from the content files), so the server never reads the site's
 * source. The file is read again when it changes (a new build), without a restart.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { DEFAULT_MAX_PEOPLE_PER_SIGNUP, MAX_PEOPLE, OPTION_KEY_PATTERN } from '../../shared/signup/limits.ts';
import type { SignupOptionInfo } from '../../shared/signup/places.ts';
import type { OrganiserContact } from '../../shared/signup/types.ts';
import { organiserContact } from '../../shared/organiser-name.ts';

export interface CatalogueActivity {
  id: string;
  title: string;
  organiser: string;
  /** How to reach the organiser (from the sociale kaart), for the confirmation and every "bel de organisator". */
  contact: OrganiserContact;
  options: SignupOptionInfo[];
  /** End of the last meeting. */
  endsMs: number;
  /** Most people one sign-up may bring. */
  maxPeople: number;
  /** Online (`location.online`): the organiser mails the link, so a sign-up needs an e-mail address. */
  online: boolean;
}

export interface SignupCatalogue {
  get(id: string): CatalogueActivity | undefined;
  /** Every activity that takes sign-ups here (the staff page lists those without any, too). */
  all(): CatalogueActivity[];
}

const isoInstant = z.string().refine((s) => !Number.isNaN(Date.parse(s)));
const recordSchema = z.object({
  id: z.string(),
  title: z.string(),
  organiser: z.object({
    id: z.string(),
    name: z.string(),
    url: z.string().nullable().optional(),
    phone: z.string().nullable().optional(),
    email: z.string().nullable().optional(),
  }),
  location: z.object({ online: z.boolean() }).nullable().optional(),
  example_data: z.boolean().optional(),
  signup: z
    .object({
      options: z
        .array(
          z.object({
            key: z.string().regex(OPTION_KEY_PATTERN),
            label: z.string(),
            places: z.number().int().positive().nullable(),
            start: isoInstant,
            end: isoInstant.optional(),
          }),
        )
        .min(1),
      maxPeople: z.number().int().min(1).max(MAX_PEOPLE).default(DEFAULT_MAX_PEOPLE_PER_SIGNUP),
      ends: isoInstant,
    })
    .nullable()
    .optional(),
});

/** The activities of `/activiteiten.json` that take sign-ups; records of another shape are skipped. */
export function parseCatalogue(json: unknown): Map<string, CatalogueActivity> {
  const activities = new Map<string, CatalogueActivity>();
  for (const item of Array.isArray(json) ? json : []) {
    const parsed = recordSchema.safeParse(item);
    if (!parsed.success || !parsed.data.signup) continue;
    const { id, title, organiser, signup, location } = parsed.data;
    // Running text on the confirmation and refusals, as on the activity page (newcomer review 17-3, minor 4).
    const contact = organiserContact(
      { id: organiser.id, name: organiser.name, phone: organiser.phone ?? null, email: organiser.email ?? null, url: organiser.url ?? null },
      parsed.data.example_data === true,
    );
    const options = signup.options.map(({ end, ...o }) => (end === undefined ? o : { ...o, end }));
    activities.set(id, {
      id,
      title,
      organiser: organiser.name,
      contact,
      options,
      endsMs: Date.parse(signup.ends),
      maxPeople: signup.maxPeople,
      online: location?.online === true,
    });
  }
  return activities;
}

export function staticCatalogue(activities: readonly CatalogueActivity[]): SignupCatalogue {
  const byId = new Map(activities.map((a) => [a.id, a]));
  return { get: (id) => byId.get(id), all: () => [...byId.values()] };
}

/** `<distDir>/activiteiten.json`, read again whenever it changes; unreadable: the last good list (or none). */
export function fileCatalogue(distDir: string, onError: (error: unknown) => void = () => {}): SignupCatalogue {
  const file = join(distDir, 'activiteiten.json');
  let stamp = '';
  let activities = new Map<string, CatalogueActivity>();
  const refresh = () => {
    let now = 'absent';
    try {
      const stat = statSync(file);
      now = `${stat.mtimeMs}:${stat.size}:${stat.ino}`;
    } catch {
      // no built site: no activities take sign-ups
    }
    if (now === stamp) return;
    try {
      activities = now === 'absent' ? new Map<string, CatalogueActivity>() : parseCatalogue(JSON.parse(readFileSync(file, 'utf8')));
      stamp = now;
    } catch (error) {
      onError(error);
    }
  };
  return {
    get(id) {
      refresh();
      return activities.get(id);
    },
    all() {
      refresh();
      return [...activities.values()];
    },
  };
}
