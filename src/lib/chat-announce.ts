/**
 * When to read a queue update aloud. A screen reader that announces every small change of the
 * estimate is tiring; silence leaves someone wondering whether anything moves. We speak when the
 * position goes down, at most once per interval, and always when you are next.
 */
export const ANNOUNCE_INTERVAL_MS = 60_000;

export interface QueueSnapshot {
  position: number;
}

export function shouldAnnounceQueue(previous: QueueSnapshot | null, next: QueueSnapshot, lastAnnouncedAt: number | null, now: number): boolean {
  if (!previous || lastAnnouncedAt == null) return true;
  if (next.position === previous.position) return false;
  if (next.position === 1) return true;
  // Moving back (someone dropped back to the front after their counsellor left) is worth telling.
  if (next.position > previous.position) return true;
  return now - lastAnnouncedAt >= ANNOUNCE_INTERVAL_MS;
}
