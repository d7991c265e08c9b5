/**
 * The options of an activity one can sign up for, and the rule that fills places: the build writes the
 * options into `/activiteiten.json` (`signup`), the server reads them from there, and both the page's
 * script and the server's stores apply the same rule.
 */
import { waitlistCapacity } from './limits.ts';
import type { OptionState, OrganiserContact, SignupStatus } from './types.ts';

/** One thing to sign up for: a single meeting, or every meeting of a course (`reeks`). */
export interface SignupOptionInfo {
  key: string;
  /** Dutch, for the form's list, the confirmation and the staff page. */
  label: string;
  /** Null: no limit. */
  places: number | null;
  /** When signing up closes: the start of the (first) meeting, ISO 8601 with offset. */
  start: string;
  /**
   * End of what this option signs up for (one evening, or the last meeting of the course): its sign-ups
   * are deleted a configured number of days after it. Absent in an older build: the activity's end.
   */
  end?: string;
}

/** The `signup` block of an activity in `/activiteiten.json` (null when it does not take sign-ups here). */
export interface SignupInfo {
  options: SignupOptionInfo[];
  /** Most people one sign-up may bring (content `join.max_people`, default DEFAULT_MAX_PEOPLE_PER_SIGNUP). */
  maxPeople: number;
  /** End of the last meeting (ISO 8601): sign-ups are deleted a configured number of days after it. */
  ends: string;
  /**
   * For the activity page only (the open data has it under `organiser`): whom to call when signing up
   * here is no longer possible.
   */
  contact?: OrganiserContact;
}

export interface Taken {
  placedPeople: number;
  waitingPeople: number;
  /**
   * People in the smallest group on the waiting list. Absent with people waiting (an older caller):
   * counted as 1, so every free place is theirs first.
   */
  smallestWaiting?: number;
}

/**
 * Places a new sign-up can get: the free places, unless a group on the waiting list fits in them (the
 * free places are theirs first; chat-server/signups/store.ts, movingUp). Groups that wait because they
 * do not fit (3 people, 2 places free) do not block a smaller group that does.
 */
export function placesLeft(places: number | null, taken: Taken): number | null {
  if (places === null) return null;
  const free = Math.max(0, places - taken.placedPeople);
  const smallest = taken.smallestWaiting ?? (taken.waitingPeople > 0 ? 1 : Infinity);
  return smallest <= free ? 0 : free;
}

/**
 * Where a new sign-up of `people` goes: a place, the waiting list, or nowhere (both full). A group that
 * does not fit in the places left goes on the waiting list whole: the organiser does not split families.
 * A new sign-up gets a place only when it fits AND no waiting group that fits is ahead of it: nobody who
 * could use a free place is passed, and a group that does not fit does not freeze the places left.
 * (The Redis store applies the same rule in Lua: signups/redis-store.ts.)
 */
export function placement(
  places: number | null,
  taken: Taken,
  people: number,
  waitlist = places === null ? 0 : waitlistCapacity(places),
): SignupStatus | 'full' {
  const left = placesLeft(places, taken);
  if (left === null || people <= left) return 'placed';
  if (taken.waitingPeople + people <= waitlist) return 'waiting';
  return 'full';
}

export function optionState(option: Pick<SignupOptionInfo, 'places' | 'start'>, taken: Taken, now: number): OptionState {
  if (now >= Date.parse(option.start)) return 'started';
  if (option.places === null || (placesLeft(option.places, taken) ?? 1) > 0) return 'open';
  return taken.waitingPeople < waitlistCapacity(option.places) ? 'waitlist' : 'closed';
}
