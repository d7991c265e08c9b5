/**
 * The closed vocabulary of the indicators. A bucket is a flat record of counter name → count, and
 * every name comes from this file: topics, age bands and ratings are checked against the chat's own
 * lists, histogram bins are fixed. Nothing free-form (a session token, a text, a time) can become a
 * counter name, so the store cannot hold anything that identifies a young person.
 */
import { CHAT_AGE_BANDS, CHAT_TOPICS, RATING_MAX, RATING_MIN } from '../protocol/limits.ts';

export type Counters = Record<string, number>;

/** A histogram's bins: upper edges in seconds (exclusive); the last bin is open-ended. */
export interface BinSet {
  readonly ids: readonly string[];
  readonly upperEdgesSeconds: readonly number[];
}

/** Waiting time until a counsellor answered, or until the young person gave up. Minutes. */
export const WAIT_BINS: BinSet = {
  ids: ['0-1', '1-5', '5-10', '10-15', '15-30', '30+'],
  upperEdgesSeconds: [60, 300, 600, 900, 1800],
};

/** Length of a conversation, from answer to end. Minutes. */
export const DURATION_BINS: BinSet = {
  ids: ['0-5', '5-15', '15-30', '30-60', '60+'],
  upperEdgesSeconds: [300, 900, 1800, 3600],
};

/** Time from a question ("Stel je vraag") to its answer. Hours. */
export const ANSWER_TIME_BINS: BinSet = {
  ids: ['0-4h', '4-24h', '24-48h', '48-72h', '72-120h', '120h+'],
  upperEdgesSeconds: [4 * 3600, 24 * 3600, 48 * 3600, 72 * 3600, 120 * 3600],
};

/** Bins of WAIT_BINS that together make "answered within 5 / within 15 minutes". */
export const WITHIN_5_MIN = ['0-1', '1-5'] as const;
export const WITHIN_15_MIN = ['0-1', '1-5', '5-10', '10-15'] as const;

export const TURNED_AWAY_REASONS = ['closed', 'busy'] as const;
export type TurnedAwayReason = (typeof TURNED_AWAY_REASONS)[number];

/** "Not chosen" for the optional topic and age band. */
export const NONE = 'geen';
export const TOPIC_IDS = [...CHAT_TOPICS, NONE] as const;
export const AGE_BAND_IDS = [...CHAT_AGE_BANDS, NONE] as const;
export const RATINGS: readonly number[] = Array.from({ length: RATING_MAX - RATING_MIN + 1 }, (_, i) => RATING_MIN + i);
/** Ratings counted as "satisfied" in the share shown over time (4 = goed, 5 = heel goed). */
export const SATISFIED_MIN_RATING = 4;

export const FEEDBACK_ANSWERS = ['ja', 'nee'] as const;
export type FeedbackAnswer = (typeof FEEDBACK_ANSWERS)[number];

/** Counter names. Functions build the parametrised ones, so a name is spelled in one place. */
export const C = {
  requested: 'requested',
  started: 'started',
  abandoned: 'abandoned',
  ended: 'ended',
  quickExit: 'quickExit',
  flagged: 'flagged',
  transferred: 'transferred',
  wait: (bin: string) => `wait:${bin}`,
  abandonWait: (bin: string) => `abandonWait:${bin}`,
  duration: (bin: string) => `duration:${bin}`,
  turnedAway: (reason: TurnedAwayReason) => `turnedAway:${reason}`,
  topic: (id: string) => `topic:${id}`,
  ageBand: (id: string) => `ageBand:${id}`,
  rating: (score: number) => `rating:${score}`,
  feedback: (page: string, answer: FeedbackAnswer) => `feedback:${answer}:${page}`,
  // "Stel je vraag": counted in the hour the question (or follow-up) was asked.
  questionAsked: 'question:asked',
  questionFollowUp: 'question:followUp',
  questionAnswered: 'question:answered',
  questionInTime: 'question:inTime',
  questionExpired: 'question:expired',
  questionDeleted: 'question:deleted',
  questionFlagged: 'question:flagged',
  questionAnswerTime: (bin: string) => `question:time:${bin}`,
} as const;

/** Site pages whose feedback may be counted: a plain site path, lower case, ending in a slash. */
export const FEEDBACK_PAGE = /^\/(?:[a-z0-9]+(?:-[a-z0-9]+)*\/){1,3}$/;

const FIXED_NAMES = new Set<string>([
  C.requested,
  C.started,
  C.abandoned,
  C.ended,
  C.quickExit,
  C.flagged,
  C.transferred,
  ...WAIT_BINS.ids.map(C.wait),
  ...WAIT_BINS.ids.map(C.abandonWait),
  ...DURATION_BINS.ids.map(C.duration),
  ...TURNED_AWAY_REASONS.map(C.turnedAway),
  ...TOPIC_IDS.map(C.topic),
  ...AGE_BAND_IDS.map(C.ageBand),
  ...RATINGS.map(C.rating),
  C.questionAsked,
  C.questionFollowUp,
  C.questionAnswered,
  C.questionInTime,
  C.questionExpired,
  C.questionDeleted,
  C.questionFlagged,
  ...ANSWER_TIME_BINS.ids.map(C.questionAnswerTime),
]);

/** Is this a counter name the indicators may store? (Used when loading a file or a Redis hash.) */
export function isKnownCounter(name: string): boolean {
  if (FIXED_NAMES.has(name)) return true;
  const feedback = /^feedback:(ja|nee):(.+)$/.exec(name);
  return !!feedback && FEEDBACK_PAGE.test(feedback[2]);
}

/**
 * Only known counter names with positive whole counts, from anything read back (a file, a Redis
 * hash someone else could write to): nothing else can reach a report, a CSV or the dashboard.
 */
export function knownCounters(counts: Record<string, unknown>): { clean: Counters; dropped: number } {
  const clean: Counters = {};
  let dropped = 0;
  for (const [name, value] of Object.entries(counts)) {
    const count = typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : value;
    if (isKnownCounter(name) && Number.isSafeInteger(count) && (count as number) > 0) clean[name] = count as number;
    else dropped++;
  }
  return { clean, dropped };
}

export function binFor(bins: BinSet, seconds: number): string {
  const s = Math.max(0, seconds);
  const index = bins.upperEdgesSeconds.findIndex((edge) => s < edge);
  return bins.ids[index === -1 ? bins.ids.length - 1 : index];
}

export function addCounters(into: Counters, from: Counters): Counters {
  for (const [name, count] of Object.entries(from)) into[name] = (into[name] ?? 0) + count;
  return into;
}
