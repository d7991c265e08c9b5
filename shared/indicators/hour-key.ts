/**
 * Time buckets of the indicators. Events are counted per local clock hour of the CJG
 * (`2026-03-29T14`), never with a finer timestamp. Keys are computed from the wall clock in
 * the configured time zone, so a day is the CJG's day, also on the 23- and 25-hour days when
 * summer time starts or ends. The repeated hour at the end of summer time (02:00–02:59 twice)
 * is one bucket holding both hours: day totals stay exact and no key is finer than an hour.
 */

import { localParts } from '../time-zone.ts';

/** `YYYY-MM-DDTHH`: one local hour. */
export type HourKey = string;
/** `YYYY-MM-DD`: one local day (site feedback is kept per day). */
export type DayKey = string;

export const HOUR_KEY = /^(\d{4})-(\d{2})-(\d{2})T(\d{2})$/;
export const DAY_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The local hour an instant falls in. */
export function hourKey(instant: Date | number, timeZone: string): HourKey {
  const { year, month, day, hour } = localParts(instant, timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${year}-${two(month)}-${two(day)}T${two(hour)}`;
}

export function dayKey(instant: Date | number, timeZone: string): DayKey {
  return hourKey(instant, timeZone).slice(0, 10);
}

export function dayOfHourKey(key: HourKey): DayKey {
  return key.slice(0, 10);
}

export function hourOfHourKey(key: HourKey): number {
  return Number(key.slice(11, 13));
}

/** Is this a real calendar date (2026-02-30 is not)? */
export function isValidDayKey(key: string): key is DayKey {
  const m = DAY_KEY.exec(key);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === key;
}

export function isValidHourKey(key: string): key is HourKey {
  const m = HOUR_KEY.exec(key);
  return !!m && isValidDayKey(key.slice(0, 10)) && Number(m[4]) < 24;
}

/** The calendar day after (or `n` days after) a day key; pure date arithmetic, no time zone. */
export function addDays(day: DayKey, n: number): DayKey {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** Days from `from` to `to`, both included. */
export function daysBetween(from: DayKey, to: DayKey): DayKey[] {
  const days: DayKey[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

/** ISO weekday of a day key: 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: DayKey): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

/** Monday of the ISO week a day falls in. */
export function weekStart(day: DayKey): DayKey {
  return addDays(day, 1 - isoWeekday(day));
}
