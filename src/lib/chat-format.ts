import { t } from '../i18n/nl.ts';

/**
 * Wording of times for the chat: waiting estimates, "opens at", and the character counter.
 * Honest rather than precise: estimates are rounded and capped, never a promise to the minute.
 */

/** Beyond this, we say "more than N minutes" instead of pretending to know. */
export const LONG_WAIT_MINUTES = 30;

export function formatWait(seconds: number | null | undefined): string {
  if (seconds == null || !Number.isFinite(seconds) || seconds < 0) return t('chat.waiting.unknown');
  if (seconds < 60) return t('chat.wait.lessThanMinute');
  const minutes = Math.round(seconds / 60);
  if (minutes <= 1) return t('chat.wait.oneMinute');
  if (minutes > LONG_WAIT_MINUTES) return t('chat.wait.long', { n: LONG_WAIT_MINUTES });
  // Beyond ten minutes, steps of five: "ongeveer 15 minuten", not "ongeveer 13 minuten".
  return t('chat.wait.minutes', { n: minutes > 10 ? Math.round(minutes / 5) * 5 : minutes });
}

/** Waiting time of someone in the queue, for the counsellor: "3 min", "45 s". */
export function formatWaited(sinceMs: number, nowMs: number): string {
  const seconds = Math.max(0, Math.floor((nowMs - sinceMs) / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} u ${minutes % 60} min`;
}

const dayKey = (date: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);

/** "vandaag om 14:00", "morgen om 14:00", "maandag om 12:00", in the chat's time zone. */
export function formatOpensAt(opensAt: Date, now: Date, timeZone: string): string {
  const time = new Intl.DateTimeFormat('nl-NL', { timeZone, hour: '2-digit', minute: '2-digit' }).format(opensAt);
  if (dayKey(opensAt, timeZone) === dayKey(now, timeZone)) return t('chat.when.today', { time });
  const tomorrow = new Date(now.getTime() + 24 * 3600 * 1000);
  if (dayKey(opensAt, timeZone) === dayKey(tomorrow, timeZone)) return t('chat.when.tomorrow', { time });
  const day = new Intl.DateTimeFormat('nl-NL', { timeZone, weekday: 'long' }).format(opensAt);
  return t('chat.when.weekday', { day, time });
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
