/**
 * The answer promise in working days, and the clocks that follow from it. Working days are Monday to
 * Friday, minus Dutch public holidays (the same list as the opening hours), in the CJG's time zone.
 * The day a question is asked does not count: asked on Friday evening with a promise of 3 working
 * days means answered by the end of Wednesday.
 */
import { dutchHolidays, localTime } from '../opening-hours.ts';

const DAY_MS = 86_400_000;

function dateKeyOf(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

function isWorkingDay(dayNumber: number): boolean {
  const weekday = ((new Date(dayNumber * DAY_MS).getUTCDay() + 6) % 7) + 1;
  if (weekday > 5) return false;
  const key = dateKeyOf(dayNumber);
  return !dutchHolidays(Number(key.slice(0, 4))).some((h) => h.date === key);
}

/** The instant local midnight starts a day (searching the offset, so it is right on DST days). */
function startOfLocalDay(dayNumber: number, timeZone: string): number {
  let guess = dayNumber * DAY_MS;
  for (let i = 0; i < 3; i++) {
    const local = localTime(guess, timeZone);
    const localMs = local.day * DAY_MS + local.minutes * 60_000;
    guess -= localMs - dayNumber * DAY_MS;
  }
  return guess;
}

/** End of the `workingDays`-th working day after the day of `askedAt` (exclusive instant). */
export function answerDueAt(askedAt: number, workingDays: number, timeZone: string): number {
  let day = localTime(askedAt, timeZone).day;
  let counted = 0;
  while (counted < workingDays) {
    day += 1;
    if (isWorkingDay(day)) counted += 1;
  }
  return startOfLocalDay(day + 1, timeZone);
}

/** When an unanswered question is deleted: the promise plus a margin of whole days. */
export function unansweredDeleteAt(dueAt: number, marginDays: number): number {
  return dueAt + marginDays * DAY_MS;
}

/** When an answered thread is deleted. */
export function answeredDeleteAt(answeredAt: number, keepDays: number): number {
  return answeredAt + keepDays * DAY_MS;
}

/** "woensdag 9 december" for the last promised day (the day before the exclusive `dueAt`). */
export function dueDayText(dueAt: number, timeZone: string): string {
  return new Date(dueAt - 1).toLocaleDateString('nl-NL', { weekday: 'long', day: 'numeric', month: 'long', timeZone });
}

/** "9 december" for a deletion moment. */
export function dayText(at: number, timeZone: string): string {
  return new Date(at).toLocaleDateString('nl-NL', { day: 'numeric', month: 'long', timeZone });
}
