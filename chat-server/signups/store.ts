/**
 * Where sign-ups live between restarts: the storage choice of "Stel je vraag" (questions/store.ts).
 * - `SqliteSignupStore`: one node, `CJG_DATA_DIR/aanmeldingen.sqlite` (WAL, full sync, secure_delete).
 * - `RedisSignupStore`: several nodes, the persistent Redis of the indicators (CJG_INDICATORS_REDIS_URL).
 * One contract suite runs against both (tests/integration/signup-store-contract.test.ts).
 *
 * A record holds what is needed to count places in the clear (activity, option, number of people,
 * place or waiting list) and everything about the person in `box`, encrypted with the server key.
 * `add` decides place or waiting list and stores in one atomic step, so two parents who press the
 * button at the same moment can never both get the last place.
 */
import type { Taken } from '../../shared/signup/places.ts';
import type { SignupStatus } from '../../shared/signup/types.ts';

export interface SignupRecord {
  id: string;
  activityId: string;
  /** `reeks` or the meeting's local start `YYYY-MM-DDTHH:MM`. */
  option: string;
  people: number;
  status: SignupStatus;
  createdAt: number;
  /** Deleted by the sweep at this moment when the activity is no longer on the site (else: its last meeting + the retention days). */
  deleteAt: number;
  /**
   * Keyed hash of activity and the form's one-time submission id: the same form sent twice (a refresh,
   * a double click) is one sign-up. Unique.
   */
  dedupe: string;
  /**
   * Keyed hash of activity, option and phone or e-mail. NOT unique: a second sign-up with the same
   * contact is stored like any other (so the answer never tells whether a contact is signed up) and the
   * staff page marks it as a possible double. Absent in records from before: their `dedupe` was this.
   */
  contact?: string;
  /**
   * Keyed hash of the sender's network (the daily network hash), activity and option: at most
   * `PlacementRule.perNetwork` sign-ups of one option from one network a day. The daily secret behind it
   * is forgotten after a day, so the hash links nothing after that. Absent in records from before.
   */
  network?: string;
  /** base64url of a server-key box (subkey "aanmeldingen"): name, phone, e-mail and question. */
  box: string;
  /** When a cancellation moved this sign-up from the waiting list to a place (staff then call them). */
  promotedAt?: number;
}

export type NewSignup = Omit<SignupRecord, 'status' | 'promotedAt'>;

/** What a cancellation did: the sign-up removed, and who moved up from the waiting list (oldest first). */
export interface CancelResult {
  cancelled: SignupRecord;
  promoted: SignupRecord[];
}

export interface PlacementRule {
  /** Null: no limit. */
  places: number | null;
  /** Most people on the waiting list. */
  waitlistCapacity: number;
  /** The person agreed to the waiting list; without it a full option stores nothing. */
  allowWaiting: boolean;
  /** Most sign-ups stored at once (a flood from many networks cannot fill the disk). */
  maxStored: number;
  /** Most sign-ups stored with the same `network` (one network cannot take an activity whole). */
  perNetwork: number;
}

/**
 * `duplicate`: this very submission (same one-time id) was stored before: nothing new is stored, and
 * the answer is the one the first send got (from `record`). Only whoever holds the form's random id can
 * get it, so it tells a third party nothing.
 */
export type AddResult =
  | { outcome: 'added'; record: SignupRecord }
  | { outcome: 'duplicate'; record: SignupRecord }
  | { outcome: 'needs_waitlist' | 'full' | 'store_full' | 'network_limit' };

export interface SignupStore {
  add(signup: NewSignup, rule: PlacementRule): Promise<AddResult>;
  /** The sign-up stored with this submission hash (`dedupe`), or null. */
  bySubmission(dedupe: string): Promise<SignupRecord | null>;
  /** People placed and waiting per option of one activity. */
  taken(activityId: string): Promise<Map<string, Taken>>;
  /** Every sign-up, oldest first. */
  list(): Promise<SignupRecord[]>;
  /** Activities that have sign-ups stored. */
  activityIds(): Promise<string[]>;
  /** Deletes every sign-up of an activity, or of one of its options; returns how many. */
  deleteActivity(activityId: string, option?: string): Promise<number>;
  /** Deletes the sign-ups of an activity whose own `deleteAt` has passed; returns how many. */
  deleteDue(activityId: string, now: number): Promise<number>;
  /**
   * Staff cancel a sign-up (a parent called, or it was fake): it is deleted, and the waiting list of that
   * option moves up (store.ts, movingUp; marked `promotedAt`). One atomic step. Null when there is no such sign-up.
   */
  cancel(id: string, now: number, placesOf: (record: SignupRecord) => number | null): Promise<CancelResult | null>;
  count(): Promise<number>;
  close(): Promise<void>;
}

/**
 * Who moves up when places come free: the waiting list in order, each group that fits in the places
 * still free. A group that does not fit keeps its first place in line (it moves up as soon as enough
 * places are free), and a smaller group behind it may take a place it cannot use. A NEW sign-up follows
 * the same rule: it gets a free place only when no waiting group fits in it (shared/signup/places.ts).
 */
export function movingUp(places: number | null, records: readonly SignupRecord[]): SignupRecord[] {
  let free = places === null ? Infinity : places - records.filter((r) => r.status === 'placed').reduce((n, r) => n + r.people, 0);
  const up: SignupRecord[] = [];
  for (const r of records.filter((x) => x.status === 'waiting').sort((a, b) => a.createdAt - b.createdAt)) {
    if (r.people > free) continue;
    free -= r.people;
    up.push(r);
  }
  return up;
}

/** Adds up people per option and status, with the smallest group waiting (places.ts, placesLeft). */
export function takenByOption(records: readonly Pick<SignupRecord, 'option' | 'people' | 'status'>[]): Map<string, Taken> {
  const taken = new Map<string, Taken>();
  for (const r of records) {
    const t = taken.get(r.option) ?? { placedPeople: 0, waitingPeople: 0 };
    if (r.status === 'placed') t.placedPeople += r.people;
    else {
      t.waitingPeople += r.people;
      t.smallestWaiting = Math.min(t.smallestWaiting ?? Infinity, r.people);
    }
    taken.set(r.option, t);
  }
  return taken;
}
