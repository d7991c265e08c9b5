/**
 * The one opening-hours engine: the chat and every service on the sociale kaart use it.
 *
 * Pure and dependency-free (time zone math through `Intl`), so the same code runs at build time, in the
 * browser (live "nu open") and in the chat server. Schedules are validated by `openingScheduleSchema`
 * (shared/schedule.ts); this module trusts a parsed schedule.
 *
 * Dutch public holidays: Nieuwjaarsdag, Goede Vrijdag (only when `closedOnGoodFriday`), Eerste and Tweede
 * Paasdag, Koningsdag (27 April, or 26 April when the 27th is a Sunday), Bevrijdingsdag (5 May: every year
 * or only in lustrum years, per `liberationDay`), Hemelvaartsdag, Eerste and Tweede Pinksterdag, Eerste and
 * Tweede Kerstdag.
 */
import type { OpeningSchedule, TimeRange } from './schedule.ts';
import { openingStrings } from './i18n/nl/opening.ts';
import { translator } from './i18n/fill.ts';
import { localParts } from './time-zone.ts';

// Only the engine's own strings, not the whole dictionary: this module runs on every article page.
const t = translator(openingStrings);

export interface OpeningState {
  open: boolean;
  /** When the current opening ends; absent when open and not closing within a week (24/7 lines). */
  closesAt?: Date;
  /** When it opens next; absent when open, or when no opening falls within a year. */
  nextOpen?: Date;
  /** Reachable by appointment ("op afspraak"). */
  byAppointment: boolean;
  /** Why it is closed all of today when it would otherwise be open on this weekday, or today is a holiday. */
  closedToday?: { kind: 'holiday' | 'exception'; name?: string };
}

export interface Holiday {
  /** Local date, YYYY-MM-DD. */
  date: string;
  name: string;
}

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** How far ahead to look for the next opening. */
const LOOKAHEAD_DAYS = 370;
/** An opening that lasts longer than this from now is reported without a closing time. */
const ALWAYS_OPEN_MS = 7 * DAY_MS;

// ---------------------------------------------------------------------------------------------------
// Local dates as day numbers (days since 1970-01-01, proleptic Gregorian): easy to add and compare.

type DayNumber = number;

function dayNumber(year: number, month: number, day: number): DayNumber {
  return Math.round(Date.UTC(year, month - 1, day) / DAY_MS);
}

function dateParts(dn: DayNumber): { year: number; month: number; day: number } {
  const d = new Date(dn * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function dateKey(dn: DayNumber): string {
  const { year, month, day } = dateParts(dn);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
function isoWeekday(dn: DayNumber): number {
  // 1970-01-01 was a Thursday (4).
  return ((((dn + 3) % 7) + 7) % 7) + 1;
}

// ---------------------------------------------------------------------------------------------------
// Time zones

interface LocalTime {
  day: DayNumber;
  /** Minutes since local midnight. */
  minutes: number;
}

/** The local calendar day and time of an instant. */
export function localTime(instant: Date | number, timeZone: string): LocalTime {
  const p = localParts(+instant, timeZone);
  return { day: dayNumber(p.year, p.month, p.day), minutes: p.hour * 60 + p.minute };
}

/** Offset of local time from UTC at an instant, in ms (e.g. +1 h in winter in Amsterdam). */
function offsetAt(instant: number, timeZone: string): number {
  const p = localParts(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant of a local wall-clock time. A time that does not exist (skipped when clocks go forward)
 * moves forward with the clock; a time that exists twice (clocks go back) takes the later one.
 */
function instantOf(day: DayNumber, minutes: number, timeZone: string): number {
  const naive = day * DAY_MS + minutes * MINUTE_MS;
  // Offsets a day before and after: a DST change lies between them at most once.
  const before = offsetAt(naive - DAY_MS, timeZone);
  const after = offsetAt(naive + DAY_MS, timeZone);
  const valid = [naive - before, naive - after].filter((c) => offsetAt(c, timeZone) === naive - c);
  if (valid.length > 0) return Math.max(...valid);
  // Skipped wall-clock time: the clock moved forward past it, so use the offset from before the change.
  return naive - before;
}

/**
 * The instant of a local date (YYYY-MM-DD) and wall-clock time (HH:MM, 24:00 allowed) in a time zone:
 * for dated events such as course sessions. Same rules as opening hours for skipped and repeated times.
 */
export function instantOfLocal(date: string, time: string, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  return new Date(instantOf(dayNumber(year, month, day), hours * 60 + minutes, timeZone));
}

/** ISO 8601 local time with its UTC offset, e.g. 2027-03-30T19:30:00+02:00 (for schema.org and open data). */
export function isoWithOffset(instant: Date | number, timeZone: string): string {
  const p = localParts(+instant, timeZone);
  const offsetMinutes = Math.round(offsetAt(+instant, timeZone) / MINUTE_MS);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const two = (n: number) => String(n).padStart(2, '0');
  const abs = Math.abs(offsetMinutes);
  return `${p.year}-${two(p.month)}-${two(p.day)}T${two(p.hour)}:${two(p.minute)}:${two(p.second)}${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}

// ---------------------------------------------------------------------------------------------------
// Holidays

/** Easter Sunday (Gregorian computus, the "anonymous" algorithm). */
export function easterSunday(year: number): { month: number; day: number } {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { month, day };
}

type HolidayRules = Pick<OpeningSchedule, 'closedOnGoodFriday' | 'liberationDay'>;

/** Dutch public holidays in a year on which a service with these rules is closed. */
export function dutchHolidays(year: number, rules: HolidayRules = { closedOnGoodFriday: false, liberationDay: 'lustrum' }): Holiday[] {
  const easter = easterSunday(year);
  const e = dayNumber(year, easter.month, easter.day);
  const kingsDay = dayNumber(year, 4, 27);
  const list: [DayNumber, string][] = [
    [dayNumber(year, 1, 1), 'Nieuwjaarsdag'],
    ...(rules.closedOnGoodFriday ? [[e - 2, 'Goede Vrijdag'] as [DayNumber, string]] : []),
    [e, 'Eerste Paasdag'],
    [e + 1, 'Tweede Paasdag'],
    [isoWeekday(kingsDay) === 7 ? kingsDay - 1 : kingsDay, 'Koningsdag'],
    ...(rules.liberationDay === 'every-year' || year % 5 === 0 ? [[dayNumber(year, 5, 5), 'Bevrijdingsdag'] as [DayNumber, string]] : []),
    [e + 39, 'Hemelvaartsdag'],
    [e + 49, 'Eerste Pinksterdag'],
    [e + 50, 'Tweede Pinksterdag'],
    [dayNumber(year, 12, 25), 'Eerste Kerstdag'],
    [dayNumber(year, 12, 26), 'Tweede Kerstdag'],
  ];
  return list.sort((x, y) => x[0] - y[0]).map(([dn, name]) => ({ date: dateKey(dn), name }));
}

const holidayCache = new Map<string, Map<string, string>>();

function holidayName(dn: DayNumber, rules: HolidayRules): string | undefined {
  const { year } = dateParts(dn);
  const cacheKey = `${year}|${rules.closedOnGoodFriday}|${rules.liberationDay}`;
  let byDate = holidayCache.get(cacheKey);
  if (!byDate) {
    byDate = new Map(dutchHolidays(year, rules).map((h) => [h.date, h.name]));
    holidayCache.set(cacheKey, byDate);
  }
  return byDate.get(dateKey(dn));
}

// ---------------------------------------------------------------------------------------------------
// Opening periods

function toMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

interface DayPlan {
  ranges: TimeRange[];
  closed?: { kind: 'holiday' | 'exception'; name?: string };
}

/** The opening ranges of one local day, after exceptions and holidays. */
function planFor(schedule: OpeningSchedule, dn: DayNumber): DayPlan {
  const key = dateKey(dn);
  const exception = schedule.exceptions.find((e) => e.date === key);
  if (exception) {
    return exception.closed
      ? { ranges: [], closed: { kind: 'exception', ...(exception.reason ? { name: exception.reason } : {}) } }
      : { ranges: exception.hours ?? [] };
  }
  if (schedule.holidays === 'closed') {
    const name = holidayName(dn, schedule);
    if (name) return { ranges: [], closed: { kind: 'holiday', name } };
  }
  const weekday = isoWeekday(dn);
  return { ranges: schedule.hours.filter((h) => h.days.includes(weekday)) };
}

interface Interval {
  start: number;
  end: number;
}

function intervalsOn(schedule: OpeningSchedule, dn: DayNumber): Interval[] {
  return planFor(schedule, dn)
    .ranges.map((r) => {
      const opens = toMinutes(r.opens);
      const closes = toMinutes(r.closes);
      // A closing time at or before the opening time runs past midnight into the next day.
      const endDay = closes <= opens ? dn + 1 : dn;
      return { start: instantOf(dn, opens, schedule.timeZone), end: instantOf(endDay, closes, schedule.timeZone) };
    })
    .sort((a, b) => a.start - b.start);
}

/** Whether a schedule is open at `now`, until when, and when it opens next. */
export function openingState(schedule: OpeningSchedule, now: Date): OpeningState {
  const at = +now;
  const today = localTime(at, schedule.timeZone).day;
  const plan = planFor(schedule, today);
  const base: OpeningState = {
    open: false,
    byAppointment: schedule.byAppointment,
    ...(plan.closed ? { closedToday: plan.closed } : {}),
  };

  // Walk the openings from yesterday on (an opening may run past midnight), merging ones that touch.
  let current: Interval | null = null;
  const settle = (merged: Interval): OpeningState | null => {
    if (merged.start <= at && at < merged.end) return { ...base, open: true, closesAt: new Date(merged.end) };
    if (merged.start > at) return { ...base, nextOpen: new Date(merged.start) };
    return null;
  };
  for (let dn = today - 1; dn <= today + LOOKAHEAD_DAYS; dn++) {
    for (const interval of intervalsOn(schedule, dn)) {
      if (current && interval.start <= current.end) {
        current.end = Math.max(current.end, interval.end);
      } else {
        if (current) {
          const answer = settle(current);
          if (answer) return answer;
        }
        current = { ...interval };
      }
      if (current.start <= at && current.end - at > ALWAYS_OPEN_MS) {
        return { ...base, open: true };
      }
    }
  }
  if (current) {
    const answer = settle(current);
    if (answer) return answer;
  }
  return base;
}

// ---------------------------------------------------------------------------------------------------
// Dutch text

function clock(minutes: number): string {
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

function weekdayName(dn: DayNumber): string {
  return new Intl.DateTimeFormat('nl-NL', { weekday: 'long', timeZone: 'UTC' }).format(new Date(dn * DAY_MS));
}

function dateName(dn: DayNumber): string {
  return new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(dn * DAY_MS));
}

/** A short Dutch line: "Nu open tot 17:00", "Opent morgen om 9:00", "Op afspraak", … */
export function describeOpening(schedule: OpeningSchedule, now: Date): string {
  const state = openingState(schedule, now);
  const zone = schedule.timeZone;
  const today = localTime(now, zone).day;

  if (state.open) {
    if (!state.closesAt) return t('opening.openAlways');
    const closes = localTime(state.closesAt, zone);
    if (closes.day === today) return t('opening.openUntil', { time: clock(closes.minutes) });
    if (closes.day === today + 1 && closes.minutes === 0) return t('opening.openUntilMidnight');
    if (closes.day === today + 1) return t('opening.openUntilTomorrow', { time: clock(closes.minutes) });
    return t('opening.openUntilDay', { day: weekdayName(closes.day), time: clock(closes.minutes) });
  }

  const reason = state.closedToday
    ? state.closedToday.kind === 'holiday'
      ? t('opening.closedHoliday', { name: state.closedToday.name ?? '' })
      : state.closedToday.name
        ? t('opening.closedException', { reason: state.closedToday.name })
        : t('opening.closedToday')
    : '';

  let next = '';
  if (state.nextOpen) {
    const opens = localTime(state.nextOpen, zone);
    const time = clock(opens.minutes);
    const days = opens.day - today;
    next =
      days === 0
        ? t('opening.opensToday', { time })
        : days === 1
          ? t('opening.opensTomorrow', { time })
          : days < 7
            ? t('opening.opensOnDay', { day: weekdayName(opens.day), time })
            : t('opening.opensOnDate', { date: dateName(opens.day), time });
  } else if (state.byAppointment) {
    next = t('opening.byAppointment');
  }
  if (schedule.hours.length === 0 && schedule.byAppointment && !state.nextOpen) {
    return reason ? t('opening.joiner', { first: reason, second: next }) : next;
  }
  if (reason && next) return t('opening.joiner', { first: reason, second: next });
  return reason || next || t('opening.closed');
}

/** One line per group of weekdays with the same hours, for a page: "maandag t/m vrijdag" → "9:00–17:00". */
export function weeklySummary(schedule: OpeningSchedule): { days: string; hours: string }[] {
  const byDay = new Map<number, string>();
  // 2024-01-01 was a Monday: day numbers for a reference week.
  const monday = dayNumber(2024, 1, 1);
  for (let wd = 1; wd <= 7; wd++) {
    const sorted = schedule.hours
      .filter((h) => h.days.includes(wd))
      .map((h) => [toMinutes(h.opens), toMinutes(h.closes)] as [number, number])
      .sort((a, b) => a[0] - b[0]);
    // Touching or overlapping ranges read as one: 9:00–17:00 and 17:00–20:00 is 9:00–20:00.
    const ranges: [number, number][] = [];
    for (const r of sorted) {
      const last = ranges.at(-1);
      if (last && r[0] <= last[1] && last[1] > last[0]) last[1] = Math.max(last[1], r[1]);
      else ranges.push([...r]);
    }
    if (ranges.length === 0) continue;
    const text = ranges.map(([o, c]) => (o === 0 && c === 24 * 60 ? t('opening.allDay') : `${clock(o)}–${clock(c)}`)).join(', ');
    byDay.set(wd, text);
  }
  const lines: { days: string; hours: string }[] = [];
  let wd = 1;
  while (wd <= 7) {
    const text = byDay.get(wd);
    if (!text) {
      wd++;
      continue;
    }
    let last = wd;
    while (last + 1 <= 7 && byDay.get(last + 1) === text) last++;
    const name = (d: number) => weekdayName(monday + d - 1);
    const days =
      wd === 1 && last === 7
        ? t('opening.everyDay')
        : last === wd
          ? name(wd)
          : last === wd + 1
            ? t('opening.dayPair', { first: name(wd), second: name(last) })
            : t('opening.dayRange', { from: name(wd), to: name(last) });
    lines.push({ days, hours: text });
    wd = last + 1;
  }
  return lines;
}

/** The chat's opening hours (from `shared/config/site.ts`), for the chat page and the chat server. */
export function chatSchedule(config: { chat: OpeningSchedule }): OpeningSchedule {
  return config.chat;
}
