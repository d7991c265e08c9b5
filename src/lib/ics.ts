/**
 * iCalendar (RFC 5545) files for "toevoegen aan je agenda": one per activity and one feed per filter.
 * Times are written as local Europe/Amsterdam times with a VTIMEZONE, so a calendar shows 19:30 on both
 * sides of a clock change; the rules below are those of the EU since 1996.
 */

export const ICS_TIME_ZONE = 'Europe/Amsterdam';

const VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${ICS_TIME_ZONE}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

export interface IcsEvent {
  /** Globally unique and stable between builds. */
  uid: string;
  summary: string;
  description: string;
  location?: string | undefined;
  url?: string | undefined;
  /** Local date YYYY-MM-DD and times HH:MM in Europe/Amsterdam. */
  date: string;
  start: string;
  end: string;
  /** ISO weekdays (1 = Monday) for a weekly meeting without an end date. */
  weeklyOn?: readonly number[] | undefined;
  /** Local dates (YYYY-MM-DD) a weekly meeting skips: holidays. Written as EXDATE at the meeting's start time. */
  except?: readonly string[] | undefined;
  /** When the entry was last changed (DTSTAMP), so a rebuild gives the same file. */
  stamp: Date;
}

/** TEXT escaping (RFC 5545 3.3.11). */
export function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Folds a content line at 75 octets without splitting a UTF-8 character (RFC 5545 3.1). */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    // Continuation lines start with a space, which counts towards their 75 octets.
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function localStamp(date: string, time: string): string {
  // 24:00 is allowed as a closing time; iCalendar wants 00:00 of the next day.
  if (time === '24:00') {
    const next = new Date(`${date}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    return `${next.toISOString().slice(0, 10).replace(/-/g, '')}T000000`;
  }
  return `${date.replace(/-/g, '')}T${time.replace(':', '')}00`;
}

function utcStamp(d: Date): string {
  return `${d.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
}

function eventLines(e: IcsEvent): string[] {
  const lines = [
    'BEGIN:VEVENT',
    `UID:${e.uid}`,
    `DTSTAMP:${utcStamp(e.stamp)}`,
    `DTSTART;TZID=${ICS_TIME_ZONE}:${localStamp(e.date, e.start)}`,
    `DTEND;TZID=${ICS_TIME_ZONE}:${localStamp(e.date, e.end)}`,
  ];
  if (e.weeklyOn?.length) lines.push(`RRULE:FREQ=WEEKLY;BYDAY=${e.weeklyOn.map((d) => WEEKDAYS[d - 1]).join(',')}`);
  if (e.weeklyOn?.length && e.except?.length) lines.push(`EXDATE;TZID=${ICS_TIME_ZONE}:${e.except.map((date) => localStamp(date, e.start)).join(',')}`);
  lines.push(`SUMMARY:${escapeText(e.summary)}`, `DESCRIPTION:${escapeText(e.description)}`);
  if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
  if (e.url) lines.push(`URL:${e.url}`);
  lines.push('END:VEVENT');
  return lines;
}

/** A whole calendar, CRLF line ends, ready to serve as text/calendar. */
export function buildCalendar(name: string, events: readonly IcsEvent[]): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//CJG Portaal//Activiteiten//NL',
    'CALSCALE:GREGORIAN',
    `X-WR-CALNAME:${escapeText(name)}`,
    `X-WR-TIMEZONE:${ICS_TIME_ZONE}`,
    ...VTIMEZONE,
    ...events.flatMap(eventLines),
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
