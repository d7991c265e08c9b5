/**
 * Wording for the chat: waiting times and the character counter. The estimate for young people is
 * worded in shared/chat-wait.ts (the server's status uses it too); opening hours by the one
 * opening-hours engine (shared/opening-hours.ts).
 */

export { formatWait, LONG_WAIT_MINUTES } from '../../shared/chat-wait.ts';

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
  const length = Array.from(text).length;
  const remaining = maxLength - length;
  return { remaining, showCounter: length >= maxLength * 0.8, tooLong: remaining < 0 };
}

/** A moment as "14:05" in the CJG's time zone, for message times and the console. */
export function formatClock(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat('nl-NL', { timeZone, hour: '2-digit', minute: '2-digit' }).format(ms);
}
