/**
 * The organiser as running text names it ("Bel Opvoedcursussen:"). Example organisations carry their
 * mark in the name ("Opvoedcursussen (Triple P en andere, voorbeeld)"); where the example notice of an
 * example activity already says so, a sentence drops that bracket. Used by the activity page
 * (src/lib/activity-catalogue.ts, organiserName) and the sign-up server's confirmation and refusals.
 */
export function withoutExampleMark(name: string): string {
  return name.replace(/\s*\([^()]*\bvoorbeeld\)\s*$/i, '') || name;
}
