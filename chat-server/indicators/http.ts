/**
 * HTTP endpoints of the indicators:
 * - `POST /api/feedback`: "Was deze pagina nuttig?" from an article (form post or fetch). Counted per
 *   page per day; no cookie is read or set; the sender's network hash is used (in memory) for the rate limit only.
 * - `GET /api/medewerkers/statistiek?van=…&tot=…` (JSON) and `…/statistiek.csv`: the protected
 *   report, for supervisors only.
 */
import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { FEEDBACK_ANSWERS, FEEDBACK_PAGE, type FeedbackAnswer } from '../../shared/indicators/counters.ts';
import { reportToCsv } from './csv.ts';
import type { BucketLimit } from '../../shared/protocol/limits.ts';
import { TokenBucket } from '../safety/token-bucket.ts';
import { label } from '../../shared/indicators/labels.ts';
import { buildReport, parsePeriod } from './report.ts';
import type { IndicatorRecorder } from './recorder.ts';

import { FEEDBACK_PATH, STATISTIEK_CSV_PATH, STATISTIEK_PATH } from '../../shared/indicators/http-paths.ts';
import { readBody } from '../http/read-body.ts';
/** Fragment the no-JS form lands on; the component shows its thanks with `:target`. */
export const FEEDBACK_THANKS_FRAGMENT = 'feedback-bedankt';

const MAX_BODY_BYTES = 1024;
const MAX_NETWORK_BUCKETS = 10_000;

/** Who is asking for the figures: what the chat's staff login says about a request's bearer token. */
export type StaffCheck = (req: IncomingMessage) => Promise<{ role: string } | null>;

export interface IndicatorsHttpOptions {
  recorder: IndicatorRecorder;
  /** Folder with the built site: feedback is only counted for pages that exist. */
  distDir: string;
  /** The chat's staff authentication. Without it, the statistics endpoints answer 401. */
  checkStaff?: StaffCheck;
  /** Feedback posts per network (token bucket), so one sender cannot use up everyone's budget. */
  feedbackLimit?: BucketLimit;
  /** Site-wide cap on feedback posts, so a flood from many networks cannot grow the file either. */
  feedbackSiteLimit?: BucketLimit;
  /** The keyed hash of a request's network (the chat's daily secret); without it, one bucket for all. */
  networkOf?: (req: IncomingMessage) => Promise<string>;
  now?: () => number;
}

/** Returns a request handler that answers the indicator endpoints and returns false for anything else. */
export function createIndicatorsHttp(options: IndicatorsHttpOptions) {
  const { recorder, distDir, checkStaff, now = Date.now } = options;
  const limit = options.feedbackLimit ?? { burst: 10, perSecond: 0.5 };
  const siteBucket = new TokenBucket(options.feedbackSiteLimit ?? { burst: 300, perSecond: 20 }, now());
  const networkBuckets = new Map<string, TokenBucket>();
  const takeToken = async (req: IncomingMessage) => {
    const network = options.networkOf ? await options.networkOf(req) : 'all';
    let bucket = networkBuckets.get(network);
    if (!bucket) {
      // Bounded memory: the oldest network's bucket goes first (the site-wide cap still holds).
      const oldest = networkBuckets.keys().next();
      if (networkBuckets.size >= MAX_NETWORK_BUCKETS && !oldest.done) networkBuckets.delete(oldest.value);
      bucket = new TokenBucket(limit, now());
      networkBuckets.set(network, bucket);
    }
    return bucket.take(now()) === 0 && siteBucket.take(now()) === 0;
  };

  const pageExists = (page: string) => FEEDBACK_PAGE.test(page) && !page.startsWith('/medewerkers/') && existsSync(join(distDir, page, 'index.html'));

  async function feedback(req: IncomingMessage, res: ServerResponse) {
    const wantsJson = (req.headers['accept'] ?? '').includes('application/json');
    const fail = (status: number, message: string) => {
      res.statusCode = status;
      res.setHeader('Cache-Control', 'no-store');
      if (wantsJson) {
        res.setHeader('Content-Type', 'application/json; charset=utf-8');
        res.end(JSON.stringify({ error: message }));
      } else {
        res.setHeader('Content-Type', 'text/plain; charset=utf-8');
        res.end(message);
      }
    };
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      fail(405, label('feedback.api.invalid'));
      return;
    }
    if (!sameOrigin(req)) {
      fail(403, label('feedback.api.invalid'));
      return;
    }
    const body = await readBody(req, MAX_BODY_BYTES);
    const form = body === null ? null : new URLSearchParams(body);
    const page = form?.get('pagina') ?? '';
    const answer = form?.get('nuttig') ?? '';
    if (!pageExists(page) || !(FEEDBACK_ANSWERS as readonly string[]).includes(answer)) {
      fail(400, label('feedback.api.invalid'));
      return;
    }
    if (!(await takeToken(req))) {
      fail(429, label('feedback.error'));
      return;
    }
    recorder.pageFeedback(page, answer as FeedbackAnswer);
    res.setHeader('Cache-Control', 'no-store');
    if (wantsJson) {
      res.statusCode = 204;
      res.end();
    } else {
      res.statusCode = 303;
      res.setHeader('Location', `${page}?feedback=bedankt#${FEEDBACK_THANKS_FRAGMENT}`);
      res.end();
    }
  }

  async function statistiek(req: IncomingMessage, res: ServerResponse, csv: boolean) {
    res.setHeader('Cache-Control', 'no-store');
    const json = (status: number, value: unknown) => {
      res.statusCode = status;
      res.setHeader('Content-Type', 'application/json; charset=utf-8');
      res.end(JSON.stringify(value));
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      json(405, { error: label('statistiek.error') });
      return;
    }
    const staff = checkStaff ? await checkStaff(req) : null;
    if (!staff) {
      json(401, { error: 'unauthorized', message: label('statistiek.api.unauthorized') });
      return;
    }
    if (staff.role !== 'supervisor') {
      json(403, { error: 'forbidden', message: label('statistiek.noAccess') });
      return;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    const period = parsePeriod(url.searchParams.get('van'), url.searchParams.get('tot'));
    if (typeof period === 'string') {
      json(400, { error: 'period', message: label(`statistiek.api.period.${period}`) });
      return;
    }
    const report = await buildReport(recorder.store, period);
    if (!csv) {
      json(200, report);
      return;
    }
    res.statusCode = 200;
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="cjg-chat-cijfers-${period.van}-${period.tot}.csv"`);
    res.end(req.method === 'HEAD' ? undefined : reportToCsv(report));
  }

  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const path = (req.url ?? '/').split('?')[0];
    if (path === FEEDBACK_PATH) await feedback(req, res);
    else if (path === STATISTIEK_PATH) await statistiek(req, res, false);
    else if (path === STATISTIEK_CSV_PATH) await statistiek(req, res, true);
    else return false;
    return true;
  };
}

/**
 * A form from another site must not count. Browsers say where a request comes from in
 * Sec-Fetch-Site; with our `Referrer-Policy: no-referrer` their Origin on a form post is "null",
 * so Origin is only checked when it names a host.
 */
function sameOrigin(req: IncomingMessage): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site) return site === 'same-origin';
  const origin = req.headers['origin'];
  if (!origin || origin === 'null') return true;
  try {
    return new URL(origin).host === req.headers['host'];
  } catch {
    return false;
  }
}
