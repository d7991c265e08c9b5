/**
 * The next date of an activity in a search result. The activity page carries, as Pagefind meta `datums`,
 * each session still ahead at build as `<end ms>~<label>` joined by `|`; the search page shows the first
 * that has not ended yet, so a result never shows a date that has passed between builds. Tiny and
 * import-free: the search island loads it.
 */

const SESSION = '|';
const PART = '~';

/** `datums` meta for sessions ahead, soonest first; labels must not contain `|` or `~` (they are removed). */
export function encodeDates(sessions: readonly { endMs: number; label: string }[]): string {
  return sessions.map((s) => `${String(s.endMs)}${PART}${s.label.replaceAll(SESSION, ' ').replaceAll(PART, ' ')}`).join(SESSION);
}

/** The label of the first session that has not ended at `now`, or the `fallback` (an ongoing group's text). */
export function nextDate(meta: string | undefined, now: number, fallback?: string): string | undefined {
  for (const item of (meta ?? '').split(SESSION)) {
    const cut = item.indexOf(PART);
    if (cut > 0 && Number(item.slice(0, cut)) > now) return item.slice(cut + 1);
  }
  return fallback;
}
