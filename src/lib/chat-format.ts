import { t } from '../../shared/i18n/nl.ts';

/**
 * Wording for the chat: waiting estimates and the character counter. Opening hours are worded by
 * the one opening-hours engine (shared/opening-hours.ts).
 * Honest rather than precise: estimates are rounded and capped, never a promise to the minute.
 */

/** Beyond this, we say "more than N minutes" instead of pretending to know. */
export const LONG_WAIT_MINUTES = 30;

/** The server's estimate in whole minutes (`QueuePosition.waitMinutes`); null when it has no basis. */
export function formatWait(minutes: number | null | undefined): string {
  if (minutes == null || !Number.isFinite(minutes) || minutes < 0) return t('chat.waiting.unknown');
  if (minutes < 1) return t('chat.wait.lessThanMinute');
  const rounded = Math.round(minutes);
  if (rounded <= 1) return t('chat.wait.oneMinute');
  if (rounded > LONG_WAIT_MINUTES) return t('chat.wait.long', { n: LONG_WAIT_MINUTES });
  // Beyond ten minutes, steps of five: "ongeveer 15 minuten", not "ongeveer 13 minuten".
  return t('chat.wait.minutes', { n: rounded > 10 ? Math.round(rounded / 5) * 5 : rounded });
}

/** Waiting time of someone in the queue, for the counsellor: "3 min", "45 s". */
export function formatWaited(sinceMs: number, nowMs: number): string {
  const seconds = Math.max(0, Math.floor((nowMs - sinceMs) / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} u ${minutes % 60} min`;
}

export interface ComposerCheck {
  /** Characters left before the limit; negative when over. */
  remaining: number;
  /** Show the counter only near the limit, so it does not distract. */
  showCounter: boolean;
  tooLong: boolean;
}

/** Counter appears at 80% of the limit. Counts code points, as people see characters. */
export function checkComposer(text: string, maxLength: number): ComposerCheck {
  const length = [...text].length;
  const remaining = maxLength - length;
  return { remaining, showCounter: length >= maxLength * 0.8, tooLong: remaining < 0 };
}


/** A moment as "14:05" in the CJG's time zone, for message times and the console. */
export function formatClock(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat('nl-NL', { timeZone, hour: '2-digit', minute: '2-digit' }).format(ms);
}
