/** Dutch wording of activity dates and times, shared by the list, the activity page and the article box. */
import type { SessionLike } from '../../lib/activities.ts';

const dateFormat = new Intl.DateTimeFormat('nl-NL', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const shortDateFormat = new Intl.DateTimeFormat('nl-NL', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });

/** "dinsdag 9 februari 2027" from YYYY-MM-DD (a calendar date, so no time zone applies). */
export function longDate(isoDate: string): string {
  return dateFormat.format(new Date(`${isoDate}T12:00:00Z`));
}

const dayMonthFormat = new Intl.DateTimeFormat('nl-NL', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });

/** "dinsdag 9 februari": short enough for a link, and no abbreviations to puzzle over. */
export function dayMonth(isoDate: string): string {
  return dayMonthFormat.format(new Date(`${isoDate}T12:00:00Z`));
}

/** "di 9 feb." */
export function shortDate(isoDate: string): string {
  return shortDateFormat.format(new Date(`${isoDate}T12:00:00Z`));
}

/** "19.30" — Dutch writes times with a dot. */
export function clock(time: string): string {
  return time.replace(':', '.');
}

/** "dinsdag 9 februari 2027, 19.30 tot 21.30 uur" */
export function sessionText(s: SessionLike): string {
  return `${longDate(s.date)}, ${clock(s.start)} tot ${clock(s.end)} uur`;
}
