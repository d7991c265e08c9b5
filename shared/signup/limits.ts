/**
 * Numbers and paths of signing up for an activity ("aanmelden hier"), shared by the server, the activity
 * page and its script. Plain constants only, so a browser bundle can import this file without zod.
 */
import type { StaffRole } from '../protocol/limits.ts';

/** The form posts here (JSON with `Accept: application/json`, otherwise a whole page comes back). */
export const SIGNUP_PATH = '/api/aanmelden';
/** `GET ?activiteit=<id>`: places left per option, for the activity page's script. */
export const AVAILABILITY_PATH = '/api/aanmelden/plekken';
/** Staff (Bearer login token, role `activities` or `supervisor`). */
export const STAFF_SIGNUPS_PATH = '/api/medewerkers/aanmeldingen';
export const STAFF_SIGNUPS_CSV_PATH = '/api/medewerkers/aanmeldingen.csv';
/** `POST {"id": …}`: staff cancel a sign-up; its places go back and the waiting list moves up. */
export const STAFF_SIGNUP_CANCEL_PATH = '/api/medewerkers/aanmeldingen/annuleren';
export const STAFF_SIGNUPS_PAGE = '/medewerkers/aanmeldingen/';
/** Roles that may read sign-ups: the activities role, and supervisors (who manage the team). */
export const SIGNUP_READER_ROLES = ['activities', 'supervisor'] as const satisfies readonly StaffRole[];

/** Most people one sign-up may ever bring (a parent with a partner and grandparents, not a school class). */
export const MAX_PEOPLE = 6;
/**
 * Most people per sign-up unless an activity's content says otherwise (`join.max_people`, at most
 * MAX_PEOPLE): a parent with a partner and two more, and one request can never take a small group whole.
 */
export const DEFAULT_MAX_PEOPLE_PER_SIGNUP = 4;
export const MAX_NAME_LENGTH = 60;
export const MAX_PHONE_INPUT_LENGTH = 30;
export const MAX_EMAIL_LENGTH = 254;
export const MAX_SIGNUP_QUESTION_LENGTH = 500;
/** Largest request body the sign-up endpoint reads (form or JSON; room for 4-byte characters). */
export const MAX_SIGNUP_BODY_BYTES = 8 * 1024;

/** The option key when one sign-up covers every meeting of a course. */
export const SERIES_KEY = 'reeks';
/** Option keys: `reeks`, or the local start of a meeting, `YYYY-MM-DDTHH:MM`. */
export const OPTION_KEY_PATTERN = /^(reeks|\d{4}-\d{2}-\d{2}T\d{2}:\d{2})$/;
export const ACTIVITY_ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * Most sign-ups from one network (its daily network hash) for one option a day: one request line cannot
 * take an activity whole. Two, because a school or library network is shared by several families.
 */
export const SIGNUPS_PER_NETWORK_PER_OPTION = 2;
/** Looks at the places left per network per minute (the page asks once per view). */
export const AVAILABILITY_PER_NETWORK_PER_MINUTE = 60;
/** Where a confirmation without JavaScript is shown (a 303 from the form's POST; `?uitkomst=<sealed answer>`). */
export const SIGNUP_RESULT_PATH = '/api/aanmelden/uitkomst';

/** A waiting list holds at least this many people, or as many as the group has places. */
export const MIN_WAITLIST = 10;
export function waitlistCapacity(places: number): number {
  return Math.max(MIN_WAITLIST, places);
}

/** Default days sign-ups are kept after the activity's last meeting (CJG_SIGNUPS_RETENTION_DAYS). */
export const DEFAULT_SIGNUP_RETENTION_DAYS = 7;

/**
 * The form's field names. `leave_empty` is a trap for bots: hidden from people (and from screen
 * readers), filled in only by programs that fill in everything.
 */
export const FIELDS = {
  activity: 'activity',
  option: 'option',
  name: 'name',
  phone: 'phone',
  email: 'email',
  people: 'people',
  question: 'question',
  waitlist: 'waitlist',
  honeypot: 'leave_empty',
  submission: 'submission',
} as const;

/**
 * The form's one-time id (hidden; set per page view by the page's script, per answer by the server):
 * the same form sent twice (refresh, double click) is one sign-up with the same answer.
 */
export const SUBMISSION_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

/** Without JavaScript: the ticked "Gebruik …@gmail.com" on the form shown again replaces the e-mail address. */
export const EMAIL_FIX_FIELD = 'email_fix';

/**
 * A sign-up's body must arrive whole within this time after its headers: a client that trickles bytes
 * to hold connections open gets 408, and nothing of what it sent is used.
 */
export const SIGNUP_BODY_TIMEOUT_MS = 10_000;

/** Where the sign-up form sits on an activity page (the fragment the server's pages link back to). */
export const FORM_ANCHOR = 'aanmelden';
