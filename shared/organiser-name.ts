import type { OrganiserContact } from './signup/types.ts';

/**
 * The organiser as running text names it ("Bel Opvoedcursussen:"). Example organisations carry their
 * mark in the name ("Opvoedcursussen (Triple P en andere, voorbeeld)"); where the example notice of an
 * example activity already says so, a sentence drops that bracket. Used by the activity page
 * (src/lib/activity-catalogue.ts, organiserName) and the sign-up server's confirmation and refusals.
 */
export function withoutExampleMark(name: string): string {
  return name.replace(/\s*\([^()]*\bvoorbeeld\)\s*$/i, '') || name;
}

/** An activity's organiser as the open data (`/activiteiten.json`, field `organiser`) and the page know it. */
export interface OrganiserFacts {
  id: string;
  name: string;
  phone: string | null;
  email: string | null;
  url: string | null;
}

/**
 * How to reach the organiser, for the page's and the server's "bel de organisator" alike: the sociale
 * kaart's facts (null: not known; nothing made up), the name as running text says it.
 */
export function organiserContact(o: OrganiserFacts, exampleActivity: boolean): OrganiserContact {
  return {
    name: exampleActivity ? withoutExampleMark(o.name) : o.name,
    phone: o.phone,
    email: o.email,
    url: o.url,
    page: `/sociale-kaart/${encodeURIComponent(o.id)}/`,
  };
}
