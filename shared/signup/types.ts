/** What the sign-up endpoints answer; shared by the server and the activity page's script. */

export type SignupStatus = 'placed' | 'waiting';

/**
 * Where an option stands now: `open` (places left, or no limit), `waitlist` (full: a sign-up goes on
 * the waiting list), `closed` (full, and so is the waiting list) or `started` (too late to sign up).
 */
export type OptionState = 'open' | 'waitlist' | 'closed' | 'started';

export interface OptionAvailability {
  key: string;
  label: string;
  /** Null: no limit. */
  places: number | null;
  /** Places left; null without a limit. */
  left: number | null;
  state: OptionState;
}

export interface AvailabilityResponse {
  ok: true;
  activity: string;
  options: OptionAvailability[];
}

/**
 * How to reach the organiser, as the sociale kaart knows it (never made up): shown on the confirmation
 * and on every refusal that says to call. Null fields are unknown.
 */
export interface OrganiserContact {
  name: string;
  /** As dialled, e.g. "012-345 61 20". */
  phone: string | null;
  email: string | null;
  /** The organiser's own website. */
  url: string | null;
  /** The organiser's page on this site's sociale kaart (a path). */
  page: string | null;
}

export interface SignupResult {
  ok: true;
  status: SignupStatus;
  /** On the waiting list: the place in line of this option (1 = next). */
  position?: number;
  /** The e-mail address sent looks like a typo of this one ("hotmal.nl"): the confirmation asks. */
  emailSuggestion?: string;
  contact: OrganiserContact;
  activityTitle: string;
  optionLabel: string;
  people: number;
  /** When the sign-up will be deleted, as a Dutch date. */
  deleteText: string;
}

export type SignupErrorCode =
  | 'invalid'
  | 'too_large'
  | 'timeout'
  | 'unknown_activity'
  | 'closed'
  | 'needs_waitlist'
  | 'full'
  | 'rate_limited'
  | 'network_limit'
  | 'bad_origin'
  | 'store_full'
  | 'unavailable'
  | 'internal'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found';

export interface SignupError {
  ok: false;
  code: SignupErrorCode;
  error: string;
  /** Per form field, when the form has something to correct. */
  fields?: Record<string, string>;
  retryAfterMs?: number;
  /** With `needs_waitlist`: the option as it stands now, so the form can say why. */
  option?: OptionAvailability;
  /** How to reach the organiser, when the refusal says to call or mail them. */
  contact?: OrganiserContact;
}

/** One sign-up as staff see it (decrypted on the server, only for the activities role). */
export interface StaffSignup {
  id: string;
  option: string;
  status: SignupStatus;
  createdAt: number;
  name: string;
  phone: string | null;
  email: string | null;
  people: number;
  question: string | null;
  /** When a cancellation moved this one up from the waiting list ("van wachtlijst": call them). */
  promotedAt?: number;
  /** On the waiting list: place in line of its option (1 = next). */
  position?: number;
  /** Same phone or e-mail as an earlier sign-up for this option (its name): possibly a double. */
  sameContactAs?: string;
  /** The e-mail address looks like a typo of this one ("hotmal.nl"): staff check it before mailing. */
  emailSuggestion?: string;
  /** Sign-ups of this option from the same network on one day, when 3 or more (the cap was raised): worth a look. */
  sameNetwork?: number;
}

export interface StaffOption {
  key: string;
  label: string;
  places: number | null;
  placedPeople: number;
  waitingPeople: number;
  signups: StaffSignup[];
}

export interface StaffActivity {
  id: string;
  title: string;
  /** False when the activity is no longer on the site (its sign-ups wait for deletion). */
  known: boolean;
  deleteAt: number;
  options: StaffOption[];
}

export interface StaffSignupsResponse {
  ok: true;
  retentionDays: number;
  activities: StaffActivity[];
}

/** What staff hear after a cancel (`POST /api/medewerkers/aanmeldingen/annuleren`), besides `ok`. */
export interface CancelAnswer {
  /** How many moved up from the waiting list. */
  promoted: number;
  promotedNames: string[];
  /** Waiting ahead of someone who moved up: their group does not fit in the places free yet. */
  notFitting: { name: string; people: number }[];
}
