/**
 * From stored buckets to the published figures of one period. Everything returned here has been
 * through small-cell protection; raw counts never leave this module.
 */
import {
  AGE_BAND_IDS,
  ANSWER_TIME_BINS,
  C,
  DURATION_BINS,
  RATINGS,
  SATISFIED_MIN_RATING,
  TOPIC_IDS,
  TURNED_AWAY_REASONS,
  WAIT_BINS,
  WITHIN_15_MIN,
  WITHIN_5_MIN,
  addCounters,
  type Counters,
} from '../../shared/indicators/counters.ts';
import { addDays, daysBetween, dayOfHourKey, hourOfHourKey, isoWeekday, isValidDayKey, weekStart, type DayKey } from '../../shared/indicators/hour-key.ts';
import {
  cellsSum,
  protectGroup,
  protectGroupBeside,
  protectShare,
  protectTableShare,
  protectValue,
  sum,
  type Share,
  MIN_CELL,
} from '../../shared/indicators/suppression.ts';
import type { IndicatorStore } from './store.ts';
import { MAX_PERIOD_DAYS, type Period, type Report, type Table } from '../../shared/indicators/report-types.ts';

export type PeriodError = 'format' | 'order' | 'length';

/** Checks `van`/`tot` from a query string. */
export function parsePeriod(van: string | null, tot: string | null): Period | PeriodError {
  if (!van || !tot || !isValidDayKey(van) || !isValidDayKey(tot)) return 'format';
  if (van > tot) return 'order';
  if (daysBetween(van, tot).length > MAX_PERIOD_DAYS) return 'length';
  return { van, tot };
}

export async function buildReport(store: IndicatorStore, period: Period): Promise<Report> {
  const buckets = await store.get(period.van, addDays(period.tot, 1));
  return reportFromBuckets(buckets, period);
}

/** Pure: the published report of a period from its buckets. */
export function reportFromBuckets(buckets: Map<string, Counters>, period: Period): Report {
  const days = daysBetween(period.van, period.tot);
  const all: Counters = {};
  const perDay = new Map<DayKey, Counters>(days.map((d) => [d, {}]));
  const hourOfWeek: number[][] = Array.from({ length: 7 }, () => Array<number>(24).fill(0));
  const weeks = [...new Set(days.map(weekStart))];
  const ratingsPerWeek = new Map<DayKey, Counters>(weeks.map((w) => [w, {}]));

  for (const [key, counts] of buckets) {
    addCounters(all, counts);
    const day = key.length === 10 ? key : dayOfHourKey(key);
    const dayCounts = perDay.get(day);
    if (dayCounts) addCounters(dayCounts, counts);
    addCounters(ratingsPerWeek.get(weekStart(day)) ?? {}, counts);
    if (key.length > 10) hourOfWeek[isoWeekday(day) - 1][hourOfHourKey(key)] += counts[C.requested] ?? 0;
  }

  const n = (name: string, from: Counters = all) => from[name] ?? 0;
  const table = (ids: readonly string[], name: (id: string) => string): Table => {
    const values = ids.map((id) => n(name(id)));
    const cells = protectGroup(values);
    return { rows: ids.map((id, i) => ({ id, count: cells[i] })), total: protectValue(sum(values)) };
  };
  /** A share of a published table's rows (`part`), from what that table shows and nothing else. */
  const tableShare = (
    ids: readonly (string | number)[],
    name: (id: string) => string,
    published: Table,
    part: readonly (string | number)[],
    whole: number,
  ): Share =>
    protectTableShare(
      ids.map((id) => n(name(String(id)))),
      published.rows.map((row) => row.count),
      ids.map((id) => part.includes(id)),
      whole,
    );

  const requested = n(C.requested);
  const started = n(C.started);
  const abandoned = n(C.abandoned);
  const turnedAway = sum(TURNED_AWAY_REASONS.map((r) => n(C.turnedAway(r))));
  const unknown = Math.max(0, requested - started - abandoned - turnedAway);
  const outcomeValues = [started, abandoned, ...TURNED_AWAY_REASONS.map((r) => n(C.turnedAway(r))), unknown];
  const outcomeCells = protectGroup(outcomeValues);
  const ratingCount = (from: Counters) => sum(RATINGS.map((r) => n(C.rating(r), from)));
  const satisfiedCount = (from: Counters) => sum(RATINGS.filter((r) => r >= SATISFIED_MIN_RATING).map((r) => n(C.rating(r), from)));

  const weekCounters = (w: DayKey) => ratingsPerWeek.get(w) ?? {};
  const weekRatings = weeks.map((w) => ratingCount(weekCounters(w)));
  const weekRatingCells = protectGroup(weekRatings);
  const waiting = table(WAIT_BINS.ids, C.wait);
  const ratings = table(RATINGS.map(String), (r) => C.rating(Number(r)));
  const ratingsSuppressed = ratings.rows.some((row) => typeof row.count !== 'number');
  const satisfiedRatings = RATINGS.filter((r) => r >= SATISFIED_MIN_RATING);
  const outcomeIds = ['started', 'abandoned', ...TURNED_AWAY_REASONS.map((r) => `turnedAway:${r}`), 'unknown'];
  // Headline figures that are rows of the outcomes table say what that table says (suppression rule 5).
  const outcomeCell = (...ids: string[]) =>
    cellsSum(
      outcomeValues,
      outcomeCells,
      outcomeIds.map((id) => ids.includes(id)),
    );
  const requestedPerDay = protectGroup(days.map((d) => n(C.requested, perDay.get(d))));

  const feedbackPages = new Map<string, { ja: number; nee: number }>();
  for (const [name, count] of Object.entries(all)) {
    const m = /^feedback:(ja|nee):(.+)$/.exec(name);
    if (!m) continue;
    const entry = feedbackPages.get(m[2]) ?? { ja: 0, nee: 0 };
    entry[m[1] as 'ja' | 'nee'] += count;
    feedbackPages.set(m[2], entry);
  }

  return {
    period: { ...period, days: days.length },
    minCell: MIN_CELL,
    totals: {
      requested: protectValue(requested),
      started: outcomeCell('started'),
      abandoned: outcomeCell('abandoned'),
      turnedAway: outcomeCell(...TURNED_AWAY_REASONS.map((r) => `turnedAway:${r}`)),
      ended: protectValue(n(C.ended)),
      ratings: protectValue(ratingCount(all)),
      quickExits: protectValue(n(C.quickExit)),
      flagged: protectValue(n(C.flagged)),
      transferred: protectValue(n(C.transferred)),
    },
    shares: {
      answered: protectTableShare(
        outcomeValues,
        outcomeCells,
        outcomeIds.map((id) => id === 'started'),
        requested,
      ),
      within5: tableShare(WAIT_BINS.ids, C.wait, waiting, WITHIN_5_MIN, requested),
      within15: tableShare(WAIT_BINS.ids, C.wait, waiting, WITHIN_15_MIN, requested),
      satisfied: tableShare(RATINGS.map(String), (r) => C.rating(Number(r)), ratings, satisfiedRatings.map(String), ratingCount(all)),
    },
    outcomes: {
      rows: outcomeIds.map((id, i) => ({ id, count: outcomeCells[i] })),
      total: protectValue(requested),
    },
    perDay: {
      days,
      requested: requestedPerDay,
      // A day shown with 0 requests had 0 chats: shown as 0, the other days protected among themselves (rule 6).
      started: protectGroupBeside(
        days.map((d) => n(C.started, perDay.get(d))),
        requestedPerDay.map((cell) => cell === 0),
      ),
    },
    perHourOfWeek: chunk(protectGroup(hourOfWeek.flat()), 24),
    waiting,
    abandonWaiting: table(WAIT_BINS.ids, C.abandonWait),
    duration: table(DURATION_BINS.ids, C.duration),
    ratings,
    satisfactionPerWeek: {
      weeks,
      ratings: weekRatingCells,
      // Weekly shares add up to the period's satisfied count, so they are only given when the
      // ratings table hides nothing, and never for a week whose own count is hidden.
      satisfied: weeks.map((w, i) =>
        ratingsSuppressed || typeof weekRatingCells[i] !== 'number'
          ? { kind: 'hidden' }
          : protectShare(satisfiedCount(weekCounters(w)), ratingCount(weekCounters(w))),
      ),
    },
    topics: table(TOPIC_IDS, C.topic),
    ageBands: table(AGE_BAND_IDS, C.ageBand),
    feedback: [...feedbackPages.entries()]
      .sort(([a, x], [b, y]) => y.ja + y.nee - (x.ja + x.nee) || (a < b ? -1 : 1))
      .map(([page, { ja, nee }]) => {
        const [jaCell, neeCell] = protectGroup([ja, nee]);
        // The page's total is not published: with a hidden cell, any percentage would give it away.
        const useful: Share = typeof jaCell === 'number' && typeof neeCell === 'number' ? protectShare(ja, ja + nee) : { kind: 'hidden' };
        return { page, ja: jaCell, nee: neeCell, useful };
      }),
    questions: {
      asked: protectValue(n(C.questionAsked)),
      followUps: protectValue(n(C.questionFollowUp)),
      answered: protectValue(n(C.questionAnswered)),
      expired: protectValue(n(C.questionExpired)),
      deleted: protectValue(n(C.questionDeleted)),
      flagged: protectValue(n(C.questionFlagged)),
      inTime: protectShare(n(C.questionInTime), n(C.questionAsked) + n(C.questionFollowUp)),
      answerTime: table(ANSWER_TIME_BINS.ids, C.questionAnswerTime),
    },
  };
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
