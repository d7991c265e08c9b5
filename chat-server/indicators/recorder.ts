import {
  AGE_BAND_IDS,
  C,
  DURATION_BINS,
  NONE,
  RATINGS,
  TOPIC_IDS,
  WAIT_BINS,
  binFor,
  type Counters,
  type FeedbackAnswer,
  type TurnedAwayReason,
} from '../../shared/indicators/counters.ts';
import { addDays, dayKey, hourKey } from '../../shared/indicators/hour-key.ts';
import type { IndicatorStore } from './store.ts';
import type { Logger } from '../log.ts';

export const DEFAULT_RETENTION_DAYS = 730;
const PRUNE_EVERY_MS = 6 * 60 * 60_000;

export interface IndicatorRecorderOptions {
  store: IndicatorStore;
  /** The CJG's time zone (site configuration `chat.timeZone`). */
  timeZone: string;
  now?: () => number;
  /** Buckets older than this many days are dropped. */
  retentionDays?: number;
  logger?: Logger;
}

/** What a young person optionally chose when asking for a chat. */
export interface RequestChoice {
  topic?: string | undefined;
  ageBand?: string | undefined;
}

/**
 * Turns chat events into counts. Every method only adds to counters in the bucket of one local
 * hour; it takes no session, no id and no text, so nothing it stores can point to a person.
 *
 * Queue outcomes (answered, gave up) are counted in the hour the young person ASKED, worked back
 * from the waiting time, so within any period "requested" is the sum of its outcomes.
 * Call exactly one of `requested` / `turnedAway` per attempt.
 */
export class IndicatorRecorder {
  readonly store: IndicatorStore;
  readonly timeZone: string;
  readonly retentionDays: number;
  private readonly now: () => number;
  private readonly logger: Logger | undefined;
  private pruneTimer: NodeJS.Timeout | undefined;

  constructor({ store, timeZone, now = Date.now, retentionDays = DEFAULT_RETENTION_DAYS, logger }: IndicatorRecorderOptions) {
    this.store = store;
    this.timeZone = timeZone;
    this.now = now;
    this.retentionDays = retentionDays;
    this.logger = logger;
  }

  /** A young person joined the queue. */
  requested(choice: RequestChoice = {}): void {
    this.add(this.now(), { [C.requested]: 1, ...choiceCounts(choice) });
  }

  /** A young person asked while the chat was closed or the queue was full. */
  turnedAway(reason: TurnedAwayReason, choice: RequestChoice = {}): void {
    this.add(this.now(), { [C.requested]: 1, [C.turnedAway(reason)]: 1, ...choiceCounts(choice) });
  }

  /** A counsellor answered after `waitSeconds` in the queue. */
  started(waitSeconds: number): void {
    this.add(this.now() - seconds(waitSeconds) * 1000, { [C.started]: 1, [C.wait(binFor(WAIT_BINS, waitSeconds))]: 1 });
  }

  /** The young person left the queue (or did not come back) after `waitSeconds`, unanswered. */
  abandoned(waitSeconds: number): void {
    this.add(this.now() - seconds(waitSeconds) * 1000, {
      [C.abandoned]: 1,
      [C.abandonWait(binFor(WAIT_BINS, waitSeconds))]: 1,
    });
  }

  /** A conversation ended after `durationSeconds` (from answer to end). */
  ended(durationSeconds: number): void {
    this.add(this.now(), { [C.ended]: 1, [C.duration(binFor(DURATION_BINS, durationSeconds))]: 1 });
  }

  /** The satisfaction check after a chat. */
  rated(score: number): void {
    if (!RATINGS.includes(score)) return;
    this.add(this.now(), { [C.rating(score)]: 1 });
  }

  quickExit(): void {
    this.add(this.now(), { [C.quickExit]: 1 });
  }

  /** A counsellor marked a conversation as worrying ("zorgelijk"). */
  flagged(): void {
    this.add(this.now(), { [C.flagged]: 1 });
  }

  /** A conversation went to a colleague or back to the queue. */
  transferred(): void {
    this.add(this.now(), { [C.transferred]: 1 });
  }

  /** "Was deze pagina nuttig?" Kept per page per day, not per hour. */
  pageFeedback(page: string, answer: FeedbackAnswer): void {
    this.write(dayKey(this.now(), this.timeZone), { [C.feedback(page, answer)]: 1 });
  }

  /** Drops buckets older than the retention period, now and every few hours. */
  startRetention(): void {
    void this.prune();
    this.pruneTimer = setInterval(() => void this.prune(), PRUNE_EVERY_MS);
    this.pruneTimer.unref();
  }

  async prune(): Promise<void> {
    const oldestKept = addDays(dayKey(this.now(), this.timeZone), -this.retentionDays);
    await this.store.prune(oldestKept);
  }

  async close(): Promise<void> {
    if (this.pruneTimer) clearInterval(this.pruneTimer);
    await this.store.close();
  }

  private add(instant: number, counts: Counters): void {
    this.write(hourKey(instant, this.timeZone), counts);
  }

  private write(bucket: string, counts: Counters): void {
    this.store.merge(bucket, counts).catch(() => this.logger?.error('indicators.store.merge_failed'));
  }
}

function seconds(value: number): number {
  return Number.isFinite(value) && value > 0 ? value : 0;
}

/** Unknown or missing choices count as "geen", so a bad value can never become a counter name. */
function choiceCounts({ topic, ageBand }: RequestChoice): Counters {
  const t = topic && (TOPIC_IDS as readonly string[]).includes(topic) ? topic : NONE;
  const a = ageBand && (AGE_BAND_IDS as readonly string[]).includes(ageBand) ? ageBand : NONE;
  return { [C.topic(t)]: 1, [C.ageBand(a)]: 1 };
}
