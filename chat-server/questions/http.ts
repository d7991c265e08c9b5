/**
 * HTTP endpoints of "Stel je vraag".
 *
 * Young people (no login, no cookie): `POST /api/vraag`, `/api/vraag/ophalen`, `/api/vraag/vervolg`,
 * `/api/vraag/verwijder`. With `Accept: application/json` (the islands) they answer JSON; a plain form post
 * (no JavaScript) gets a whole page back, never a redirect, so the code never lands in a URL.
 *
 * Counsellors (Bearer token of the chat login): `GET /api/medewerkers/vragen` and the POST actions in
 * STAFF_ACTION_PATHS. Every error is a code plus one Dutch sentence; nothing about the sender is logged.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import { accountKey } from '../accounts/account-file.ts';
import { fieldErrors, readFormRequest } from '../http/form-request.ts';
import type { Logger } from '../log.ts';
import { clientAddress, networkKey } from '../safety/network-key.ts';
import { formFromOurSite } from '../safety/origin.ts';
import { staffAccess } from '../http/staff-access.ts';
import type { ChatStore } from '../store/types.ts';
import { t } from '../../shared/i18n/nl.ts';
import { CHAT_ROLES, type StaffRole } from '../../shared/protocol/limits.ts';
import {
  ASK_PAGE,
  ASK_PATH,
  DELETE_PATH,
  FOLLOW_UP_PATH,
  MAX_QUESTION_BODY_BYTES,
  PICKUP_PAGE,
  PICKUP_PATH,
  STAFF_ACTION_PATHS,
  STAFF_QUESTIONS_PATH,
  type StaffAction,
} from '../../shared/vraag/limits.ts';
import { answerSchema, approveSchema, askSchema, codeSchema, flagSchema, followUpSchema, questionRefSchema } from '../../shared/vraag/schemas.ts';
import type { QuestionError as QuestionErrorBody, QuestionErrorCode, QuestionSummary, StaffQuestionList } from '../../shared/vraag/types.ts';
import { createFormPages, type FormProblem } from './form-page.ts';
import { askedHtml, createPageRenderer, deletedHtml, errorHtml, followedUpHtml, pickupHtml } from './render.ts';
import { QuestionError, type QuestionService, type StaffMemberRef } from './service.ts';

export interface QuestionsHttpOptions {
  service: QuestionService;
  /** For the hashed network key (daily secret) of rate limits. */
  chatStore: ChatStore;
  logger: Logger;
  distDir: string;
  /** Trusted proxy hops for X-Forwarded-For (CJG_TRUST_PROXY; 0 = use the socket address). */
  trustProxy: number;
  extraOrigins: readonly string[];
  /** The chat's staff login behind `Authorization: Bearer …`. */
  staffFromRequest: (req: IncomingMessage) => Promise<{ name: string; role: StaffRole } | null>;
  /** Display name of an account key (for "in behandeling bij …"); the key itself when unknown. */
  staffName: (key: string) => string;
  now?: () => number;
}

function waitText(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  if (seconds < 60) return t('vraag.wait.seconds', { n: seconds });
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? t('vraag.wait.minute') : t('vraag.wait.minutes', { n: minutes });
}

const STATUS: Record<QuestionErrorCode, number> = {
  invalid: 400,
  rate_limited: 429,
  throttled: 429,
  not_found: 404,
  follow_up_used: 409,
  not_answered_yet: 409,
  bad_origin: 403,
  unauthorized: 401,
  forbidden: 403,
  gone: 410,
  not_yours: 409,
  wrong_state: 409,
  own_answer: 409,
  review_required: 409,
  internal: 500,
  unavailable: 503,
};

export function errorMessage(code: QuestionErrorCode, retryAfterMs = 0): string {
  switch (code) {
    case 'rate_limited':
      return t('vraag.error.rateLimitedAsk', { wait: waitText(retryAfterMs) });
    case 'throttled':
      return t('vraag.error.throttled', { wait: waitText(retryAfterMs) });
    case 'not_found':
    case 'gone':
      return t('vraag.error.notFound');
    case 'follow_up_used':
      return t('vraag.error.followUpUsed');
    case 'not_answered_yet':
      return t('vraag.error.notAnswered');
    case 'bad_origin':
      return t('vraag.error.badOrigin');
    case 'unavailable':
      return t('vraag.error.unavailable');
    case 'internal':
      return t('vraag.error.internal');
    case 'unauthorized':
      return 'Je bent niet ingelogd, of je sessie is verlopen. Log opnieuw in.';
    case 'forbidden':
      return 'Dit mag je hier niet doen.';
    case 'not_yours':
      return 'Deze vraag is niet (meer) door jou opgepakt. Ververs de lijst.';
    case 'wrong_state':
      return 'Deze vraag is net door een collega opgepakt of beantwoord. Ververs de lijst.';
    case 'own_answer':
      return 'Een collega moet je antwoord meelezen; dat kun je niet zelf doen.';
    case 'review_required':
      return t('vragen.answer.reviewRequired');
    default:
      return t('vraag.error.invalid');
  }
}

export function createQuestionsHttp(options: QuestionsHttpOptions) {
  const { service, chatStore, logger, trustProxy, extraOrigins } = options;
  const now = options.now ?? Date.now;
  const render = createPageRenderer(options.distDir);
  const formPages = createFormPages(options.distDir);

  const send = (res: ServerResponse, status: number, type: 'json' | 'html', body: string) => {
    res.statusCode = status;
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Content-Type', type === 'json' ? 'application/json; charset=utf-8' : 'text/html; charset=utf-8');
    res.end(body);
  };

  const network = async (req: IncomingMessage) =>
    networkKey(chatStore, clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], trustProxy), now());

  const parseRequest = (req: IncomingMessage) => readFormRequest(req, MAX_QUESTION_BODY_BYTES);

  /**
   * Young people's endpoints share: origin check, body, schema, service call, JSON or a page. Without
   * JavaScript a problem comes back as `page` renders it: the form again, filled in as sent, with the
   * error at the field; else the short error page, which still shows their text back.
   */
  async function youth<S extends z.ZodType>(
    req: IncomingMessage,
    res: ServerResponse,
    schema: S,
    back: string,
    run: (data: z.output<S>, net: string) => Promise<{ json: object; html: string }>,
    page?: (values: Record<string, string>, problem: FormProblem, req: IncomingMessage) => string | null | Promise<string | null>,
  ): Promise<void> {
    const { json, data } = await parseRequest(req);
    const values = Object.fromEntries(Object.entries(data ?? {}).map(([k, v]) => [k, typeof v === 'string' ? v : '']));
    const fail = async (code: QuestionErrorCode, extra: Partial<QuestionErrorBody> = {}) => {
      const body: QuestionErrorBody = { ok: false, code, error: extra.error ?? errorMessage(code, extra.retryAfterMs), ...extra };
      if (extra.retryAfterMs) res.setHeader('Retry-After', String(Math.ceil(extra.retryAfterMs / 1000)));
      if (json) {
        send(res, STATUS[code], 'json', JSON.stringify(body));
        return;
      }
      const filled = code === 'bad_origin' ? null : await page?.(values, body, req);
      send(res, STATUS[code], 'html', filled ?? render(errorHtml(body.error, back, values['text'] ?? ''), t('vraag.error.titlePrefix')));
    };
    if (!formFromOurSite(req, extraOrigins)) {
      await fail('bad_origin');
      return;
    }
    if (!data) {
      await fail('invalid');
      return;
    }
    const parsed = schema.safeParse(data);
    if (!parsed.success) {
      const fields = fieldErrors(parsed.error);
      await fail('invalid', { fields, error: Object.values(fields)[0] ?? errorMessage('invalid') });
      return;
    }
    try {
      const result = await run(parsed.data, await network(req));
      send(res, 200, json ? 'json' : 'html', json ? JSON.stringify(result.json) : render(result.html));
    } catch (error) {
      if (error instanceof QuestionError) {
        await fail(error.code, error.retryAfterMs ? { retryAfterMs: error.retryAfterMs } : {});
        return;
      }
      logger.error('question.http_error', { error: error instanceof Error ? error.name : 'unknown' });
      await fail('internal');
    }
  }

  /**
   * A follow-up with a mistake in its text, without JavaScript: the thread again (the code is in the
   * form), with the follow-up form filled in as sent. Only for the schema's objections to the text; a
   * refusal by the service (already used, wrong code) gets the short page with the text shown back.
   */
  async function followUpPage(values: Record<string, string>, problem: FormProblem, req: IncomingMessage): Promise<string | null> {
    const textError = problem.fields?.['text'];
    const code = values['code'] ?? '';
    if (!textError || problem.fields?.['code'] || !codeSchema.safeParse({ code }).success) return null;
    try {
      const thread = await service.pickup(code, await network(req));
      if (thread.state !== 'answered' || !thread.canFollowUp) return null;
      return render(pickupHtml(thread, code, { text: values['text'] ?? '', error: textError }), t('vraag.error.titlePrefix'));
    } catch {
      return null;
    }
  }

  const summaryWithNames = (s: QuestionSummary): QuestionSummary => ({
    ...s,
    claimedBy: s.claimedBy ? options.staffName(s.claimedBy) : null,
    draftBy: s.draftBy ? options.staffName(s.draftBy) : null,
  });

  async function staff(req: IncomingMessage, res: ServerResponse, action: StaffAction | 'list'): Promise<void> {
    const fail = (code: QuestionErrorCode, fields?: Record<string, string>) =>
      send(
        res,
        STATUS[code],
        'json',
        JSON.stringify({
          ok: false,
          code,
          error: fields ? (Object.values(fields)[0] ?? errorMessage(code)) : errorMessage(code),
          ...(fields ? { fields } : {}),
        }),
      );
    // An account for activities only manages sign-ups: no questions.
    const access = await staffAccess(req, { extraOrigins, staffFromRequest: options.staffFromRequest, roles: CHAT_ROLES });
    if (!access.ok) {
      fail(access.refusal);
      return;
    }
    const { member } = access;
    const me: StaffMemberRef = { key: accountKey(member.name), name: member.name, role: member.role };
    try {
      if (action === 'list') {
        const list: StaffQuestionList = {
          ok: true,
          questions: (await service.list()).map(summaryWithNames),
          mine: await service.mine(me, options.staffName),
          answerWorkingDays: service.config.answerWorkingDays,
        };
        send(res, 200, 'json', JSON.stringify(list));
        return;
      }
      const { data } = await parseRequest(req);
      if (!data) {
        fail('invalid');
        return;
      }
      const parse = <S extends z.ZodType>(schema: S): z.output<S> | null => {
        const parsed = schema.safeParse(data);
        if (parsed.success) return parsed.data;
        fail('invalid', fieldErrors(parsed.error));
        return null;
      };
      const ok = (body: object = {}) => send(res, 200, 'json', JSON.stringify({ ok: true, ...body }));
      const withNames = <T extends QuestionSummary>(q: T): T => ({ ...q, ...summaryWithNames(q) });
      switch (action) {
        case 'read': {
          const p = parse(questionRefSchema);
          if (p) ok({ question: withNames(await service.read(p.id, me)) });
          return;
        }
        case 'claim': {
          const p = parse(questionRefSchema);
          if (p) ok({ question: withNames(await service.claim(p.id, me)) });
          return;
        }
        case 'release': {
          const p = parse(questionRefSchema);
          if (p) {
            await service.release(p.id, me);
            ok();
          }
          return;
        }
        case 'flag': {
          const p = parse(flagSchema);
          if (p) {
            await service.flag(p.id, p.flagged, me);
            ok();
          }
          return;
        }
        case 'answer': {
          const p = parse(answerSchema);
          if (p) ok({ result: await service.answer(p.id, p.text, p.review, me) });
          return;
        }
        case 'approve': {
          const p = parse(approveSchema);
          if (p) {
            await service.approve(p.id, p.text, me, options.staffName);
            ok({ result: 'sent' });
          }
          return;
        }
      }
    } catch (error) {
      if (error instanceof QuestionError) {
        fail(error.code);
        return;
      }
      logger.error('question.http_error', { error: error instanceof Error ? error.name : 'unknown' });
      fail('internal');
      return;
    }
  }

  const staffPaths = new Map<string, StaffAction>(Object.entries(STAFF_ACTION_PATHS).map(([action, path]) => [path, action as StaffAction]));

  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const youthPaths = [ASK_PATH, PICKUP_PATH, FOLLOW_UP_PATH, DELETE_PATH];
    if (youthPaths.includes(path) || path === STAFF_QUESTIONS_PATH || staffPaths.has(path)) {
      const expected = path === STAFF_QUESTIONS_PATH ? 'GET' : 'POST';
      if (req.method !== expected) {
        res.setHeader('Allow', expected);
        send(res, 405, 'json', JSON.stringify({ ok: false, code: 'invalid', error: errorMessage('invalid') }));
        return true;
      }
    }
    switch (path) {
      case ASK_PATH:
        await youth(
          req,
          res,
          askSchema,
          ASK_PAGE,
          async (data, net) => {
            const result = await service.ask(data, net);
            return { json: result, html: askedHtml(result) };
          },
          formPages.ask,
        );
        return true;
      case PICKUP_PATH:
        await youth(
          req,
          res,
          codeSchema,
          PICKUP_PAGE,
          async (data, net) => {
            const result = await service.pickup(data.code, net);
            return { json: result, html: pickupHtml(result, data.code) };
          },
          formPages.pickup,
        );
        return true;
      case FOLLOW_UP_PATH:
        await youth(
          req,
          res,
          followUpSchema,
          PICKUP_PAGE,
          async (data, net) => {
            const result = await service.followUp(data.code, data.text, net);
            return { json: result, html: followedUpHtml(result) };
          },
          followUpPage,
        );
        return true;
      case DELETE_PATH:
        await youth(req, res, codeSchema, PICKUP_PAGE, async (data, net) => {
          await service.remove(data.code, net);
          return { json: { ok: true }, html: deletedHtml() };
        });
        return true;
      case STAFF_QUESTIONS_PATH:
        await staff(req, res, 'list');
        return true;
      default: {
        const action = staffPaths.get(path);
        if (!action) return false;
        await staff(req, res, action);
        return true;
      }
    }
  };
}
