import ICAL from 'ical.js';
import { describe, expect, test } from 'vitest';
import { buildCalendar, escapeText, foldLine, type IcsEvent } from '../../src/lib/ics.ts';

const stamp = new Date('2026-12-01T00:00:00Z');
const event = (over: Partial<IcsEvent> = {}): IcsEvent => ({
  uid: 'triple-p-2027-02-09-1930@cjg.example',
  summary: 'Triple P: avond 1',
  description: 'Vier avonden, met koffie; neem je vragen mee.\nTot dan!',
  location: 'CJG Centrum, Voorbeeldplein 1, 1234 AB Voorbeeldstad',
  url: 'https://cjg.example/activiteiten/triple-p/',
  date: '2027-02-09',
  start: '19:30',
  end: '21:30',
  stamp,
  ...over,
});

/** Parses with a real iCalendar library, registering the file's own VTIMEZONE as a calendar app does. */
function parse(text: string) {
  const calendar = ICAL.Component.fromString(text);
  for (const tz of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  return { calendar, events: calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e)) };
}

describe('a calendar file as calendar apps read it', () => {
  test('parses, with CRLF line ends and the activity as an event', () => {
    const text = buildCalendar('Activiteiten', [event()]);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n').every((line) => !line.includes('\n'))).toBe(true);
    const { calendar, events } = parse(text);
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(events).toHaveLength(1);
    expect(events[0].summary).toBe('Triple P: avond 1');
    expect(events[0].description).toBe('Vier avonden, met koffie; neem je vragen mee.\nTot dan!');
    expect(events[0].location).toBe('CJG Centrum, Voorbeeldplein 1, 1234 AB Voorbeeldstad');
  });

  test('19:30 in winter is 18:30 UTC, 19:30 after the clocks went forward is 17:30 UTC', () => {
    const { events } = parse(
      buildCalendar('x', [
        event({ uid: 'a@x', date: '2027-02-09' }),
        event({ uid: 'b@x', date: '2027-03-30' }),
        event({ uid: 'c@x', date: '2027-10-26' }),
        event({ uid: 'd@x', date: '2027-11-02' }),
      ]),
    );
    expect(events.map((e) => e.startDate.toJSDate().toISOString())).toEqual([
      '2027-02-09T18:30:00.000Z',
      '2027-03-30T17:30:00.000Z',
      '2027-10-26T17:30:00.000Z',
      '2027-11-02T18:30:00.000Z',
    ]);
    expect(events[1].endDate.toJSDate().toISOString()).toBe('2027-03-30T19:30:00.000Z');
  });

  test('a session that ends at midnight ends at 00:00 the next day', () => {
    const { events } = parse(buildCalendar('x', [event({ start: '22:00', end: '24:00' })]));
    expect(events[0].endDate.toJSDate().toISOString()).toBe('2027-02-09T23:00:00.000Z');
  });

  test('a weekly group repeats on its weekday, in local time across the clock change', () => {
    const { events } = parse(buildCalendar('x', [event({ date: '2027-03-23', start: '09:30', end: '11:00', weeklyOn: [2] })]));
    const iterator = events[0].iterator();
    const starts = [0, 1, 2].map(() => iterator.next().toJSDate().toISOString());
    // 23 March (CET), 30 March (CEST, clocks went forward on the 28th), 6 April.
    expect(starts).toEqual(['2027-03-23T08:30:00.000Z', '2027-03-30T07:30:00.000Z', '2027-04-06T07:30:00.000Z']);
  });

  test('a weekly group skips its holidays (EXDATE), in winter and in summer time', () => {
    // Starts in winter time; one skipped Tuesday in winter, one after the clocks went forward (Koningsdag 2027).
    const text = buildCalendar('x', [event({ date: '2026-12-01', start: '09:30', end: '11:00', weeklyOn: [2], except: ['2026-12-22', '2027-04-27'] })]);
    expect(text.replace(/\r\n /g, '')).toContain('EXDATE;TZID=Europe/Amsterdam:20261222T093000,20270427T093000');
    const { events } = parse(text);
    const iterator = events[0].iterator();
    const starts: string[] = [];
    for (let next = iterator.next(); next.toJSDate() < new Date('2027-05-05T00:00:00Z'); next = iterator.next()) {
      starts.push(next.toJSDate().toISOString());
    }
    expect(starts).toContain('2026-12-15T08:30:00.000Z');
    expect(starts).not.toContain('2026-12-22T08:30:00.000Z');
    expect(starts).toContain('2026-12-29T08:30:00.000Z');
    expect(starts).toContain('2027-04-20T07:30:00.000Z');
    expect(starts).not.toContain('2027-04-27T07:30:00.000Z');
    expect(starts).toContain('2027-05-04T07:30:00.000Z');
    // 23 Tuesdays from 1 December to 4 May, less the two holidays.
    expect(starts).toHaveLength(21);
    // A one-off event never gets an EXDATE.
    expect(buildCalendar('x', [event({ except: ['2027-02-09'] })])).not.toContain('EXDATE');
  });

  test('the same input gives the same file (stable between builds)', () => {
    expect(buildCalendar('x', [event()])).toBe(buildCalendar('x', [event()]));
  });
});

describe('text that could break the format', () => {
  test('commas, semicolons, backslashes and new lines are escaped', () => {
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
    const tricky = 'Avond: "ouders, opa\'s; en \\ oppas"\nEND:VEVENT\nBEGIN:VEVENT';
    const { events } = parse(buildCalendar('x', [event({ summary: tricky })]));
    expect(events).toHaveLength(1);
    expect(events[0].summary).toBe(tricky);
  });

  test('long lines fold at 75 octets without splitting a character', () => {
    const long = `DESCRIPTION:${'Ouderavond over gamen en social media. ë é ü 🙂 '.repeat(6)}`;
    const folded = foldLine(long);
    for (const line of folded.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(long);
    const { events } = parse(buildCalendar('x', [event({ description: long })]));
    expect(events[0].description).toBe(long);
  });
});
