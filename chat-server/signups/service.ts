/**
 * Signing up for an activity, independent of HTTP (http.ts) and of the storage engine (store.ts):
 * places left, a sign-up (rate limit, place or waiting list, encrypted at rest), what staff read, the
 * CSV export and retention (deleted the configured number of days after the activity's last meeting).
 */
import { randomBytes } from 'node:crypto';
import { csvDocument } from '../../shared/csv.ts';
import { t } from '../../shared/i18n/nl.ts';
import type { BucketLimit } from '../../shared/protocol/limits.ts';
import { emailSuggestion, formatPhone } from '../../shared/signup/contact.ts';
import { staffChecks, staffStatusText } from '../../shared/signup/staff-text.ts';
import { optionState, placesLeft, type SignupOptionInfo, type Taken } from '../../shared/signup/places.ts';
import { FIELDS, waitlistCapacity } from '../../shared/signup/limits.ts';
import type { SignupRequest } from '../../shared/signup/schemas.ts';
import type {
  AvailabilityResponse,
  CancelAnswer,
  OptionAvailability,
  SignupErrorCode,
  SignupResult,
  StaffActivity,
  StaffSignup,
  StaffSignupsResponse,
} from '../../shared/signup/types.ts';
import { keyedHash, serverDecrypt, serverEncrypt, subkey } from '../crypto/server-box.ts';
import type { Logger } from '../log.ts';
import type { ChatStore } from '../store/types.ts';
import type { CatalogueActivity, SignupCatalogue } from './catalogue.ts';
import type { SignupRecord, SignupStore } from './store.ts';

const DAY_MS = 86_400_000;
const NO_ONE: Taken = { placedPeople: 0, waitingPeople: 0 };
/**
 * Staff see "3 aanmeldingen van hetzelfde netwerk" from this many sign-ups of one option from one network
 * on one day (only possible when CJG_SIGNUPS_PER_NETWORK_PER_OPTION is raised above 2).
 */
const SAME_NETWORK_FLAG = 3;
/** How long the link to a confirmation without JavaScript shows it. */
export const RESULT_LINK_MS = 30 * 60_000;

export interface SignupConfig {
  retentionDays: number;
  /** New sign-ups per network (hashed address). */
  perNetwork: BucketLimit;
  /** Looks at the places left per network (hashed address). */
  availabilityPerNetwork: BucketLimit;
  /**
   * Most sign-ups one network stores for one option in a day (its daily network hash): a shared school or
   * library network is one network, so not 1.
   */
  perNetworkPerOption: number;
  maxStored: number;
  timeZone: string;
  /** A body not whole within this time is refused with 408 (SIGNUP_BODY_TIMEOUT_MS). */
  bodyTimeoutMs: number;
}

export class SignupError extends Error {
  readonly code: SignupErrorCode;
  readonly retryAfterMs: number | undefined;
  /** With `needs_waitlist`: the option as it stands now. */
  readonly option: OptionAvailability | undefined;
  /** With `invalid`: the Dutch sentence per form field. */
  readonly fields: Record<string, string> | undefined;
  constructor(code: SignupErrorCode, extra: { retryAfterMs?: number; option?: OptionAvailability; fields?: Record<string, string> } = {}) {
    super(code);
    this.name = 'SignupError';
    this.code = code;
    this.retryAfterMs = extra.retryAfterMs;
    this.option = extra.option;
    this.fields = extra.fields;
  }
}

/** What the box holds: everything about the person, nothing needed to count. */
interface Person {
  name: string;
  phone: string | null;
  email: string | null;
  question: string | null;
}

export interface SignupServiceOptions {
  store: SignupStore;
  serverKey: Buffer;
  /** The chat's store: per-network buckets and the daily network secret. */
  chatStore: ChatStore;
  catalogue: SignupCatalogue;
  config: SignupConfig;
  logger: Logger;
  now?: () => number;
}

export type SignupService = ReturnType<typeof createSignupService>;

export function createSignupService(options: SignupServiceOptions) {
  const { store, chatStore, catalogue, config, logger } = options;
  const now = options.now ?? Date.now;
  const boxKey = subkey(options.serverKey, 'aanmeldingen');
  const dedupeKey = subkey(options.serverKey, 'aanmeldingen dubbel');
  const resultKey = subkey(options.serverKey, 'aanmelden uitkomst');

  const dateText = (at: number) =>
    new Date(at).toLocaleDateString('nl-NL', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: config.timeZone });
  const deadline = (activity: CatalogueActivity) => activity.endsMs + config.retentionDays * DAY_MS;
  /** One evening of a series of stand-alone evenings is deleted after THAT evening, a course after its last meeting. */
  const optionDeadline = (activity: CatalogueActivity, option: SignupOptionInfo) =>
    option.end === undefined ? deadline(activity) : Math.min(deadline(activity), Date.parse(option.end) + config.retentionDays * DAY_MS);

  const availabilityOf = (option: SignupOptionInfo, taken: Taken, at: number): OptionAvailability => ({
    key: option.key,
    label: option.label,
    places: option.places,
    left: placesLeft(option.places, taken),
    state: optionState(option, taken, at),
  });

  function activityOrFail(id: string): CatalogueActivity {
    const activity = catalogue.get(id);
    if (!activity) throw new SignupError('unknown_activity');
    return activity;
  }

  async function availability(activityId: string): Promise<AvailabilityResponse> {
    const activity = activityOrFail(activityId);
    const taken = await store.taken(activity.id);
    const at = now();
    return { ok: true, activity: activity.id, options: activity.options.map((o) => availabilityOf(o, taken.get(o.key) ?? NO_ONE, at)) };
  }

  /** The places-left endpoint for one network: a generous limit, so nobody can watch sign-ups live. */
  async function availabilityAllowed(network: string): Promise<void> {
    const { burst, perSecond } = config.availabilityPerNetwork;
    const bucket = await chatStore.takeToken(`signup-places:${network}`, burst, perSecond, now());
    if (bucket.ok) return;
    logger.warn('signup.places_rate_limited');
    throw new SignupError('rate_limited', { retryAfterMs: bucket.retryAfterMs });
  }

  async function signUp(request: SignupRequest, network: string): Promise<SignupResult> {
    const activity = activityOrFail(request.activity);
    const at = now();
    const open = activity.options.filter((o) => at < Date.parse(o.start));
    if (open.length === 0) throw new SignupError('closed');
    // One option left open: the form does not ask (and an old form's choice of a past meeting is refused).
    const option = request.option === '' && open.length === 1 ? open[0] : activity.options.find((o) => o.key === request.option);
    if (!option) throw new SignupError('invalid');
    // This evening has started, another is still open: the form again, with that said at the choice.
    if (!open.includes(option)) throw new SignupError('closed', { fields: { [FIELDS.option]: t('act.signup.error.optionClosed') } });
    if (request.people > activity.maxPeople) {
      throw new SignupError('invalid', { fields: { [FIELDS.people]: t('act.signup.error.people', { max: activity.maxPeople }) } });
    }
    if (activity.online && !request.email) throw new SignupError('invalid', { fields: { [FIELDS.email]: t('act.signup.error.emailOnline') } });
    // The form's one-time id (a refresh or double click sends it again): only its sender has it, so the
    // answer it got is its own. Without an id the request is always new: it is never matched against
    // stored sign-ups, so no answer can tell whether someone is signed up (attacker review 17-3, M1).
    const dedupe = request.submission ? keyedHash(dedupeKey, `verzending\0${activity.id}\0${request.submission}`) : null;
    const earlier = dedupe ? await store.bySubmission(dedupe) : null;
    // A resend does not count against the limit: it stores nothing.
    if (earlier) return answer(activity, option, earlier, request, 'duplicate');
    const bucket = await chatStore.takeToken(`signup:${network}`, config.perNetwork.burst, config.perNetwork.perSecond, at);
    if (!bucket.ok) {
      logger.warn('signup.rate_limited');
      throw new SignupError('rate_limited', { retryAfterMs: bucket.retryAfterMs });
    }
    const id = randomBytes(16).toString('base64url');
    const person: Person = { name: request.name, phone: request.phone, email: request.email, question: request.question };
    const result = await store.add(
      {
        id,
        activityId: activity.id,
        option: option.key,
        people: request.people,
        createdAt: at,
        deleteAt: optionDeadline(activity, option),
        dedupe: dedupe ?? keyedHash(dedupeKey, `nieuw\0${id}`),
        contact: contactHash(activity.id, option.key, request.phone, request.email),
        network: keyedHash(dedupeKey, `netwerk\0${network}\0${activity.id}\0${option.key}`),
        box: serverEncrypt(boxKey, JSON.stringify(person), id).toString('base64url'),
      },
      {
        places: option.places,
        waitlistCapacity: option.places === null ? 0 : waitlistCapacity(option.places),
        allowWaiting: request.waitlist,
        maxStored: config.maxStored,
        perNetwork: config.perNetworkPerOption,
      },
    );
    if (result.outcome !== 'added' && result.outcome !== 'duplicate') {
      logger.info(`signup.${result.outcome}`);
      const taken = (await store.taken(activity.id)).get(option.key) ?? NO_ONE;
      throw new SignupError(result.outcome, { option: availabilityOf(option, taken, at) });
    }
    return answer(activity, option, result.record, request, result.outcome);
  }

  /** The answer to a sign-up (for the same form sent again: the one the first send got, with its place in line now). */
  async function answer(
    activity: CatalogueActivity,
    option: SignupOptionInfo,
    record: SignupRecord,
    request: SignupRequest,
    outcome: 'added' | 'duplicate',
  ): Promise<SignupResult> {
    logger.info(outcome === 'duplicate' ? 'signup.resent' : 'signup.added', { status: record.status });
    return {
      ok: true,
      status: record.status,
      ...(record.status === 'waiting' ? { position: await waitingPosition(record) } : {}),
      activityTitle: activity.title,
      optionLabel: (activity.options.find((o) => o.key === record.option) ?? option).label,
      people: record.people,
      contact: activity.contact,
      ...emailTip(request.email),
      deleteText: dateText(optionDeadline(activity, option)),
    };
  }

  /**
   * The confirmation page without JavaScript is reached by a redirect (303) to a link that carries the
   * answer sealed with the server key and valid for RESULT_LINK_MS: a reload shows it again and sends
   * nothing, and the link is no use to anyone later or to anyone who guesses.
   */
  const sealAnswer = (result: SignupResult, activityId: string): string =>
    serverEncrypt(resultKey, JSON.stringify({ result, activityId, until: now() + RESULT_LINK_MS }), 'uitkomst').toString('base64url');

  function openAnswer(token: string): { result: SignupResult; activityId: string } | null {
    try {
      const sealed = JSON.parse(serverDecrypt(resultKey, Buffer.from(token, 'base64url'), 'uitkomst')) as {
        result: SignupResult;
        activityId: string;
        until: number;
      };
      return now() < sealed.until ? { result: sealed.result, activityId: sealed.activityId } : null;
    } catch {
      return null;
    }
  }

  /** "Bedoel je …?" for an address sent with a likely typo (what this request sent, nothing stored is read). */
  const emailTip = (email: string | null) => {
    const suggestion = email ? emailSuggestion(email) : null;
    return suggestion ? { emailSuggestion: suggestion } : {};
  };

  /** Place in line of a sign-up on its option's waiting list (1 = next). */
  async function waitingPosition(record: SignupRecord): Promise<number> {
    const line = (await store.list()).filter((r) => r.activityId === record.activityId && r.option === record.option && r.status === 'waiting');
    return line.findIndex((r) => r.id === record.id) + 1 || line.length;
  }

  /**
   * Keyed hash of a contact for one option (as the records before submission ids had in `dedupe`): two
   * sign-ups with the same phone or e-mail are both stored, and staff see the second marked.
   */
  const contactHash = (activityId: string, optionKey: string, phone: string | null, email: string | null) =>
    keyedHash(dedupeKey, `${activityId}\0${optionKey}\0${phone ?? email?.toLowerCase() ?? ''}`);

  function open(record: SignupRecord): Person {
    return JSON.parse(serverDecrypt(boxKey, Buffer.from(record.box, 'base64url'), record.id)) as Person;
  }

  const staffSignup = (r: SignupRecord, position: number | undefined, sameAs: string | undefined, sameNetwork: number): StaffSignup => {
    const person = open(r);
    const typo = person.email ? emailSuggestion(person.email) : null;
    return {
      id: r.id,
      ...(position === undefined ? {} : { position }),
      option: r.option,
      status: r.status,
      createdAt: r.createdAt,
      people: r.people,
      ...(r.promotedAt === undefined ? {} : { promotedAt: r.promotedAt }),
      ...(sameAs === undefined ? {} : { sameContactAs: sameAs }),
      ...(sameNetwork >= SAME_NETWORK_FLAG ? { sameNetwork } : {}),
      ...(typo ? { emailSuggestion: typo } : {}),
      ...person,
    };
  };

  /** Each sign-up of one option with its place in line and, for a possible double, the earlier one's name. */
  function staffSignups(records: SignupRecord[]): StaffSignup[] {
    const line = records.filter((r) => r.status === 'waiting');
    const first = new Map<string, StaffSignup>();
    const fromNetwork = (r: SignupRecord) => (r.network === undefined ? 0 : records.filter((x) => x.network === r.network).length);
    return records.map((r) => {
      const key = r.contact ?? r.dedupe;
      const earlier = first.get(key);
      const signup = staffSignup(r, r.status === 'waiting' ? line.indexOf(r) + 1 : undefined, earlier?.name, fromNetwork(r));
      if (!earlier) first.set(key, signup);
      return signup;
    });
  }

  /**
   * Every activity that takes sign-ups here (also those without any yet, so staff can tell "none yet"
   * from "not set up") and every one with sign-ups stored: its options in the order of the site
   * (unknown ones after), people placed and waiting, and each waiting sign-up's place in line.
   */
  async function staffView(): Promise<StaffSignupsResponse> {
    const byActivity = new Map<string, SignupRecord[]>(catalogue.all().map((a) => [a.id, []]));
    for (const r of await store.list()) byActivity.set(r.activityId, [...(byActivity.get(r.activityId) ?? []), r]);
    const activities: StaffActivity[] = [...byActivity].map(([id, records]) => {
      const activity = catalogue.get(id);
      const keys = [...new Set([...(activity?.options.map((o) => o.key) ?? []), ...records.map((r) => r.option)])];
      return {
        id,
        title: activity?.title ?? t('aanmeldingen.unknownActivity', { id }),
        known: Boolean(activity),
        deleteAt: activity ? deadline(activity) : Math.max(0, ...records.map((r) => r.deleteAt)),
        options: keys
          .map((key) => {
            const info = activity?.options.find((o) => o.key === key);
            const mine = records.filter((r) => r.option === key);
            const sum = (status: SignupRecord['status']) => mine.filter((r) => r.status === status).reduce((n, r) => n + r.people, 0);
            return {
              key,
              label: info?.label ?? t('aanmeldingen.unknownOption', { key }),
              places: info?.places ?? null,
              placedPeople: sum('placed'),
              waitingPeople: sum('waiting'),
              signups: staffSignups(mine),
            };
          })
          // Every date of the activity, also those without sign-ups ("Nog geen aanmeldingen."), so staff
          // can tell "none yet" from "not on the list"; one no longer on the site only while it has sign-ups.
          .filter((o) => o.signups.length > 0 || activity?.options.some((x) => x.key === o.key)),
      };
    });
    activities.sort((a, b) => a.title.localeCompare(b.title, 'nl'));
    return { ok: true, retentionDays: config.retentionDays, activities };
  }

  /** CSV for Dutch Excel (`;`, BOM); one activity or all. Phone numbers with a space, so they stay text. */
  async function csv(activityId: string | null): Promise<string> {
    const view = await staffView();
    const when = (at: number) => new Date(at).toLocaleString('nl-NL', { dateStyle: 'short', timeStyle: 'short', timeZone: config.timeZone });
    const header = ['activity', 'option', 'status', 'when', 'name', 'phone', 'email', 'people', 'question', 'check'] as const;
    const rows: string[][] = [header.map((c) => t(`aanmeldingen.col.${c}`))];
    for (const a of view.activities.filter((x) => activityId === null || x.id === activityId)) {
      for (const o of a.options) {
        for (const s of o.signups) {
          rows.push([
            a.title,
            o.label,
            staffStatusText(s),
            when(s.createdAt),
            s.name,
            s.phone ? formatPhone(s.phone) : '',
            s.email ?? '',
            String(s.people),
            s.question ?? '',
            staffChecks(s).join(' '),
          ]);
        }
      }
    }
    return csvDocument(rows, ';', { bom: true });
  }

  /**
   * Retention: an activity still on the site loses its sign-ups `retentionDays` after its last meeting
   * as it is now (a course that got an extra evening keeps them longer), and a sign-up for one evening
   * of stand-alone evenings (`format: losse-bijeenkomsten`) `retentionDays` after THAT evening; one no
   * longer on the site at the moment stored with each sign-up.
   */
  async function sweep(): Promise<{ deleted: number }> {
    const at = now();
    let deleted = 0;
    for (const id of await store.activityIds()) {
      const activity = catalogue.get(id);
      if (!activity) deleted += await store.deleteDue(id, at);
      else if (at >= deadline(activity)) deleted += await store.deleteActivity(id);
      else for (const option of activity.options) deleted += at >= optionDeadline(activity, option) ? await store.deleteActivity(id, option.key) : 0;
    }
    if (deleted > 0) logger.info('signup.deleted', { count: deleted });
    return { deleted };
  }

  /**
   * Staff cancel a sign-up: its places go back, and the waiting list of that option moves up as far as
   * they fit (the staff page marks them "van wachtlijst", so someone calls them). False: no such sign-up.
   */
  /**
   * Staff cancel a sign-up: how many moved up, their names (staff call them), and who waits ahead of
   * one of them because their group does not fit yet (so nobody phones them first; newcomer review 17-3).
   */
  async function cancel(id: string): Promise<CancelAnswer | null> {
    const result = await store.cancel(id, now(), (r) => catalogue.get(r.activityId)?.options.find((o) => o.key === r.option)?.places ?? null);
    if (!result) return null;
    const { activityId, option } = result.cancelled;
    // In line order (the store lists oldest first): those still waiting before the last one who moved up.
    const line = (await store.list()).filter((r) => r.activityId === activityId && r.option === option);
    const upIds = new Set(result.promoted.map((r) => r.id));
    const last = line.findLastIndex((r) => upIds.has(r.id));
    const passed = line.slice(0, Math.max(0, last)).filter((r) => r.status === 'waiting');
    return {
      promoted: result.promoted.length,
      promotedNames: result.promoted.map((r) => open(r).name),
      notFitting: passed.map((r) => ({ name: open(r).name, people: r.people })),
    };
  }

  return { availability, availabilityAllowed, signUp, sealAnswer, openAnswer, staffView, csv, sweep, cancel, config };
}
