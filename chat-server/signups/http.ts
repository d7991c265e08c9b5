/**
 * HTTP endpoints for signing up for an activity.
 *
 * Visitors (no login, no cookie): `POST /api/aanmelden` (form post → a whole page; JSON with
 * `Accept: application/json`) and `GET /api/aanmelden/plekken?activiteit=<id>` (places left, for the
 * page's script). Staff (Bearer token of the chat login, role `activities` or `supervisor`):
 * `GET /api/medewerkers/aanmeldingen` and `…/aanmeldingen.csv[?activiteit=<id>]`.
 * Nothing about the sender is logged: event names only.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { t } from '../../shared/i18n/nl.ts';
import type { StaffRole } from '../../shared/protocol/limits.ts';
import { randomBytes } from 'node:crypto';
import { emailSuggestion } from '../../shared/signup/contact.ts';
import { errorsByField, formValues } from '../../shared/signup/form-html.ts';
import {
  ACTIVITY_ID_PATTERN,
  AVAILABILITY_PATH,
  EMAIL_FIX_FIELD,
  FIELDS,
  MAX_SIGNUP_BODY_BYTES,
  SIGNUP_PATH,
  SIGNUP_READER_ROLES,
  SIGNUP_RESULT_PATH,
  STAFF_SIGNUP_CANCEL_PATH,
  STAFF_SIGNUPS_CSV_PATH,
  STAFF_SIGNUPS_PATH,
  SUBMISSION_PATTERN,
} from '../../shared/signup/limits.ts';
import { signupSchema } from '../../shared/signup/schemas.ts';
import type { OptionAvailability, SignupError as SignupErrorBody, SignupErrorCode } from '../../shared/signup/types.ts';
import { fieldErrors, readFormRequest } from '../http/form-request.ts';
import type { Logger } from '../log.ts';
import { formFromOurSite } from '../safety/origin.ts';
import { staffAccess } from '../http/staff-access.ts';
import type { CatalogueActivity, SignupCatalogue } from './catalogue.ts';
import { confirmationHtml, createSignupPageRenderer, formPageHtml, problemHtml } from './render.ts';
import { SignupError, type SignupService } from './service.ts';

export interface SignupsHttpOptions {
  service: SignupService;
  catalogue: SignupCatalogue;
  logger: Logger;
  distDir: string;
  extraOrigins: readonly string[];
  /** The keyed hash of a request's network (daily secret), for the rate limit. */
  networkOf: (req: IncomingMessage) => Promise<string>;
  /** The chat's staff login behind `Authorization: Bearer …`. */
  staffFromRequest: (req: IncomingMessage) => Promise<{ name: string; role: StaffRole } | null>;
}

const STATUS: Record<SignupErrorCode, number> = {
  invalid: 400,
  too_large: 413,
  timeout: 408,
  unknown_activity: 404,
  closed: 409,
  needs_waitlist: 409,
  full: 409,
  rate_limited: 429,
  network_limit: 429,
  bad_origin: 403,
  store_full: 503,
  unavailable: 503,
  internal: 500,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
};

function waitText(ms: number): string {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  return minutes === 1 ? t('vraag.wait.minute') : t('vraag.wait.minutes', { n: minutes });
}

export function signupErrorMessage(code: SignupErrorCode, retryAfterMs = 0): string {
  switch (code) {
    case 'too_large':
      return t('act.signup.error.tooLarge');
    case 'timeout':
      return t('act.signup.error.timeout');
    case 'unknown_activity':
      return t('act.signup.error.activity');
    case 'closed':
      return t('act.signup.error.closed');
    case 'needs_waitlist':
      return t('act.signup.waitlistNotice');
    case 'full':
      return t('act.signup.error.full');
    case 'rate_limited':
      return t('act.signup.error.rateLimited', { wait: waitText(retryAfterMs) });
    case 'network_limit':
      return t('act.signup.error.perNetwork');
    case 'bad_origin':
      return t('act.signup.error.badOrigin');
    case 'store_full':
      return t('act.signup.error.storeFull');
    case 'unavailable':
    case 'internal':
      return t('act.signup.error.unavailable');
    case 'unauthorized':
      return t('statistiek.api.unauthorized');
    case 'forbidden':
      return t('aanmeldingen.forbidden');
    case 'not_found':
      return t('aanmeldingen.cancelNotFound');
    default:
      return t('act.signup.error.invalid');
  }
}

/**
 * A staff account's name for the log (who cancelled or exported: a gemeente's FG may ask). It is a
 * colleague's login name, never a visitor's; spaces become `_` so the logger keeps it.
 */
const accountForLog = (name: string) => name.replace(/ /g, '_');

/** "Vol — je komt op de wachtlijst", or, when a group does not fit in the places left, why. */
function waitlistNotice(option: OptionAvailability | undefined, people: number): string {
  if (option?.state === 'open' && option.left === 1) return t('act.signup.waitlistTooManyOne', { people });
  if (option?.state === 'open' && option.left !== null && option.left > 0) return t('act.signup.waitlistTooMany', { left: option.left, people });
  return t('act.signup.waitlistNotice');
}

export function createSignupsHttp(options: SignupsHttpOptions) {
  const { service, catalogue, logger, extraOrigins } = options;
  const render = createSignupPageRenderer(options.distDir);

  const send = (res: ServerResponse, status: number, type: 'json' | 'html' | 'csv', body: string, filename?: string) => {
    res.statusCode = status;
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader(
      'Content-Type',
      type === 'json' ? 'application/json; charset=utf-8' : type === 'csv' ? 'text/csv; charset=utf-8' : 'text/html; charset=utf-8',
    );
    if (filename) res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
    res.end(body);
  };

  async function formPage(
    activity: CatalogueActivity,
    data: Record<string, unknown>,
    extra: { errors?: Record<string, string>; message?: string; waitlist?: string },
  ) {
    const options = await service
      .availability(activity.id)
      .then((a) => a.options)
      .catch(() => activity.options.map((o) => ({ key: o.key, label: o.label, places: o.places, left: null, state: 'open' as const })));
    const values = formValues(data);
    // The same one-time id again when the form sent one (nothing was stored), else a new one.
    values.submission = SUBMISSION_PATTERN.test(values.submission ?? '') ? values.submission : randomBytes(16).toString('base64url');
    return render(
      formPageHtml({
        activity,
        options,
        values,
        errors: errorsByField(extra.errors ?? {}),
        message: extra.message,
        waitlistNotice: extra.waitlist,
        emailSuggestion: emailSuggestion(values.email ?? ''),
      }),
      extra.waitlist && !extra.errors ? t('act.signup.titleWaitlist') : t('act.signup.titleError'),
    );
  }

  async function signUp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { json, data, tooLarge, timedOut } = await readFormRequest(req, MAX_SIGNUP_BODY_BYTES, service.config.bodyTimeoutMs);
    const activityId = typeof data?.[FIELDS.activity] === 'string' ? String(data[FIELDS.activity]).trim() : '';
    const activity = ACTIVITY_ID_PATTERN.test(activityId) ? catalogue.get(activityId) : undefined;
    const fail = async (
      code: SignupErrorCode,
      extra: { fields?: Record<string, string>; retryAfterMs?: number; option?: OptionAvailability; people?: number } = {},
    ) => {
      const error = code === 'needs_waitlist' ? waitlistNotice(extra.option, extra.people ?? 1) : signupErrorMessage(code, extra.retryAfterMs);
      if (extra.retryAfterMs) res.setHeader('Retry-After', String(Math.ceil(extra.retryAfterMs / 1000)));
      if (json) {
        const body: SignupErrorBody = {
          ok: false,
          code,
          error: extra.fields ? (Object.values(extra.fields)[0] ?? error) : error,
          ...(extra.fields ? { fields: extra.fields } : {}),
          ...(extra.retryAfterMs ? { retryAfterMs: extra.retryAfterMs } : {}),
          ...(extra.option ? { option: extra.option } : {}),
          ...(activity ? { contact: activity.contact } : {}),
        };
        send(res, STATUS[code], 'json', JSON.stringify(body));
        return;
      }
      // Without JavaScript: the form again with everything typed (also when the request did not come
      // from our page: a parent behind a proxy that rewrites Host loses nothing), unless it names no
      // activity, or the activity has started (no form can help then: the page says whom to call).
      const page =
        !activity || !data || (code === 'closed' && !extra.fields)
          ? render(problemHtml(error, activity), t('act.signup.titleError'))
          : await formPage(activity, data, {
              ...(extra.fields ? { errors: extra.fields } : {}),
              ...(code === 'needs_waitlist' ? { waitlist: error } : extra.fields ? {} : { message: error }),
              // A malformed one-time id has no field to show it at: said above the form (which has a new id).
              ...(extra.fields?.[FIELDS.submission] ? { message: extra.fields[FIELDS.submission] } : {}),
            });
      send(res, STATUS[code], 'html', page);
    };
    if (timedOut) {
      // A body that trickles in: answered and the connection closed; nothing of it is read or stored.
      logger.warn('signup.body_timeout');
      res.setHeader('Connection', 'close');
      await fail('timeout');
      return;
    }
    if (!formFromOurSite(req, extraOrigins)) {
      logger.warn('signup.origin_refused');
      await fail('bad_origin');
      return;
    }
    if (tooLarge) {
      await fail('too_large');
      return;
    }
    if (!data) {
      await fail('invalid');
      return;
    }
    // Without JavaScript: "Ja, gebruik …@gmail.com" ticked on the form shown again.
    const fix = data[EMAIL_FIX_FIELD];
    const typed = data[FIELDS.email];
    if (typeof fix === 'string' && typeof typed === 'string' && fix !== '' && fix === emailSuggestion(typed)) data[FIELDS.email] = fix;
    const parsed = signupSchema.safeParse(data);
    if (!parsed.success) {
      const fields = fieldErrors(parsed.error);
      // Only the trap was filled in: a program, most likely. Nothing is stored, nothing is said about why.
      if (fields[FIELDS.honeypot]) logger.warn('signup.trap');
      if (fields[FIELDS.activity] || !activity) {
        await fail('unknown_activity');
        return;
      }
      // The most people THIS activity takes, not the most any activity may take.
      if (fields[FIELDS.people]) fields[FIELDS.people] = t('act.signup.error.people', { max: activity.maxPeople });
      await fail('invalid', { fields });
      return;
    }
    try {
      const result = await service.signUp(parsed.data, await options.networkOf(req));
      if (json) {
        send(res, 200, 'json', JSON.stringify(result));
        return;
      }
      // Without JavaScript: Post/Redirect/Get, so a reload of the confirmation shows it again and sends nothing.
      res.statusCode = 303;
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader('Location', `${SIGNUP_RESULT_PATH}?uitkomst=${service.sealAnswer(result, parsed.data.activity)}`);
      res.end();
    } catch (error) {
      if (error instanceof SignupError) {
        const fields = error.fields ?? (error.code === 'invalid' ? { [FIELDS.option]: t('act.signup.error.option') } : undefined);
        await fail(error.code, {
          ...(fields ? { fields } : {}),
          ...(error.retryAfterMs ? { retryAfterMs: error.retryAfterMs } : {}),
          ...(error.option ? { option: error.option } : {}),
          people: parsed.data.people,
        });
        return;
      }
      logger.error('signup.http_error', { error: error instanceof Error ? error.name : 'unknown' });
      await fail('unavailable');
    }
  }

  async function availability(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const id = new URL(req.url ?? '/', 'http://x').searchParams.get('activiteit') ?? '';
    try {
      await service.availabilityAllowed(await options.networkOf(req));
      send(res, 200, 'json', JSON.stringify(await service.availability(ACTIVITY_ID_PATTERN.test(id) ? id : '')));
    } catch (error) {
      const code = error instanceof SignupError ? error.code : 'unavailable';
      if (!(error instanceof SignupError)) logger.error('signup.http_error', { error: error instanceof Error ? error.name : 'unknown' });
      const retryAfterMs = error instanceof SignupError ? (error.retryAfterMs ?? 0) : 0;
      if (retryAfterMs) res.setHeader('Retry-After', String(Math.ceil(retryAfterMs / 1000)));
      const message = code === 'rate_limited' ? t('act.signup.error.placesRateLimited', { wait: waitText(retryAfterMs) }) : signupErrorMessage(code);
      send(res, STATUS[code], 'json', JSON.stringify({ ok: false, code, error: message }));
    }
  }

  /** The confirmation without JavaScript, behind the 303 after the form's POST (service.ts, sealAnswer). */
  function result(req: IncomingMessage, res: ServerResponse): void {
    const token = new URL(req.url ?? '/', 'http://x').searchParams.get('uitkomst') ?? '';
    const opened = /^[\w-]{1,4000}$/.test(token) ? service.openAnswer(token) : null;
    if (!opened) {
      send(res, 404, 'html', render(problemHtml(t('act.signup.error.resultExpired')), t('act.signup.titleError')));
      return;
    }
    const title = t(opened.result.status === 'placed' ? 'act.signup.titlePlaced' : 'act.signup.titleWaiting');
    send(res, 200, 'html', render(confirmationHtml(opened.result, opened.activityId), title));
  }

  async function staff(req: IncomingMessage, res: ServerResponse, what: 'view' | 'csv' | 'cancel'): Promise<void> {
    const fail = (code: SignupErrorCode, error = signupErrorMessage(code)) => {
      send(res, STATUS[code], 'json', JSON.stringify({ ok: false, code, error }));
    };
    const access = await staffAccess(req, { extraOrigins, staffFromRequest: options.staffFromRequest, roles: SIGNUP_READER_ROLES });
    if (!access.ok) {
      if (access.refusal === 'forbidden') logger.warn('signup.staff_forbidden');
      fail(access.refusal);
      return;
    }
    try {
      if (what === 'view') {
        send(res, 200, 'json', JSON.stringify(await service.staffView()));
        return;
      }
      if (what === 'cancel') {
        const { data } = await readFormRequest(req, MAX_SIGNUP_BODY_BYTES);
        const id = typeof data?.['id'] === 'string' ? data['id'] : '';
        const done = /^[\w-]{1,64}$/.test(id) ? await service.cancel(id) : null;
        if (!done) {
          fail('not_found');
          return;
        }
        logger.info('signup.cancelled', { account: accountForLog(access.member.name), promoted: done.promoted });
        send(res, 200, 'json', JSON.stringify({ ok: true, ...done }));
        return;
      }
      const id = new URL(req.url ?? '/', 'http://x').searchParams.get('activiteit');
      // A malformed id is a mistake, not a wish for everything (data minimisation).
      if (id !== null && !ACTIVITY_ID_PATTERN.test(id)) {
        fail('invalid', t('aanmeldingen.badActivity'));
        return;
      }
      // Which account exported personal data (staff account name only; nothing about the sign-ups).
      logger.info('signup.exported', { account: accountForLog(access.member.name), scope: id === null ? 'all' : 'one' });
      send(res, 200, 'csv', await service.csv(id), `aanmeldingen${id ? `-${id}` : ''}.csv`);
    } catch (error) {
      logger.error('signup.http_error', { error: error instanceof Error ? error.name : 'unknown' });
      fail('unavailable');
    }
  }

  const METHODS = new Map<string, 'GET' | 'POST'>([
    [SIGNUP_PATH, 'POST'],
    [AVAILABILITY_PATH, 'GET'],
    [SIGNUP_RESULT_PATH, 'GET'],
    [STAFF_SIGNUPS_PATH, 'GET'],
    [STAFF_SIGNUPS_CSV_PATH, 'GET'],
    [STAFF_SIGNUP_CANCEL_PATH, 'POST'],
  ]);

  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const expected = METHODS.get(path);
    if (!expected) return false;
    if (req.method !== expected) {
      res.setHeader('Allow', expected);
      // The form's address opened directly (history, a copied link): a Dutch page back to the activities.
      if (path === SIGNUP_PATH && (req.method === 'GET' || req.method === 'HEAD') && !(req.headers['accept'] ?? '').includes('application/json')) {
        send(res, 405, 'html', render(problemHtml(t('act.signup.error.get')), t('act.signup.titleError')));
        return true;
      }
      send(res, 405, 'json', JSON.stringify({ ok: false, code: 'invalid', error: signupErrorMessage('invalid') }));
      return true;
    }
    if (path === SIGNUP_PATH) await signUp(req, res);
    else if (path === AVAILABILITY_PATH) await availability(req, res);
    else if (path === SIGNUP_RESULT_PATH) result(req, res);
    else await staff(req, res, path === STAFF_SIGNUPS_CSV_PATH ? 'csv' : path === STAFF_SIGNUP_CANCEL_PATH ? 'cancel' : 'view');
    return true;
  };
}
