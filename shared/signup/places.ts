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
}

/**
 * Where a new sign-up of `people` goes: a place, the waiting list, or nowhere (both full). A group that
 * does not fit in the places left goes on the waiting list whole: the organiser does not split families.
 * While anyone is on the waiting list, a new sign-up joins it too, even when a place is free: nobody is
 * passed by a new sign-up (a free place goes to the waiting list first, chat-server/signups/store.ts).
 * (The Redis store applies the same rule in Lua: signups/redis-store.ts.)
 */
export function placement(
  places: number | null,
  taken: Taken,
  people: number,
  waitlist = places === null ? 0 : waitlistCapacity(places),
): SignupStatus | 'full' {
  if (places === null || (taken.waitingPeople === 0 && taken.placedPeople + people <= places)) return 'placed';
  if (taken.waitingPeople + people <= waitlist) return 'waiting';
  return 'full';
}

export function optionState(option: Pick<SignupOptionInfo, 'places' | 'start'>, taken: Taken, now: number): OptionState {
  if (now >= Date.parse(option.start)) return 'started';
  if (option.places === null || (taken.waitingPeople === 0 && taken.placedPeople < option.places)) return 'open';
  return taken.waitingPeople < waitlistCapacity(option.places) ? 'waitlist' : 'closed';
}

/** Places a new sign-up can get: none while anyone waits (a free place is theirs first). */
export function placesLeft(places: number | null, taken: Taken): number | null {
  return places === null ? null : taken.waitingPeople > 0 ? 0 : Math.max(0, places - taken.placedPeople);
}
