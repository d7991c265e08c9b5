import { translator } from './i18n/fill.ts';
import { chatStrings } from './i18n/nl/chat.ts';

// The chat's strings only: the young person's chat and the console run this in the browser.
const t = translator(chatStrings);

/**
 * The one wording of a waiting estimate, for the waiting room and the live status next to every chat
 * button. Honest rather than precise: rounded and capped, never a promise to the minute.
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
