import { describe, expect, test } from 'vitest';
import { site } from '../../shared/config/site.ts';
import { chatSchedule, describeOpening, dutchHolidays, easterSunday, openingState, weeklySummary } from '../../shared/opening-hours.ts';
import { openingScheduleSchema, type OpeningScheduleInput } from '../../shared/schedule.ts';

const schedule = (input: OpeningScheduleInput) => openingScheduleSchema.parse(input);
/** An office open Monday to Friday 9:00–17:00 in Amsterdam. */
const office = schedule({ hours: [{ days: [1, 2, 3, 4, 5], opens: '09:00', closes: '17:00' }] });
/** Instants are written with their explicit UTC offset, so the test does not use the engine to build them. */
const at = (iso: string) => new Date(iso);

describe('weekly hours', () => {
  test('open during the day, with the closing time', () => {
    const now = at('2026-03-04T10:00:00+01:00'); // Wednesday
    expect(openingState(office, now)).toEqual({ open: true, closesAt: at('2026-03-04T17:00:00+01:00'), byAppointment: false });
    expect(describeOpening(office, now)).toBe('Nu open tot 17:00');
  });

  test('before opening: opens today', () => {
    const now = at('2026-03-04T08:00:00+01:00');
    expect(openingState(office, now)).toMatchObject({ open: false, nextOpen: at('2026-03-04T09:00:00+01:00') });
    expect(describeOpening(office, now)).toBe('Opent vandaag om 9:00');
  });

  test('the closing minute itself is closed: opens tomorrow', () => {
    const now = at('2026-03-04T17:00:00+01:00');
    expect(openingState(office, now).open).toBe(false);
    expect(describeOpening(office, now)).toBe('Opent morgen om 9:00');
  });

  test('after Friday closing: opens on Monday, named', () => {
    expect(describeOpening(office, at('2026-03-06T18:00:00+01:00'))).toBe('Opent maandag om 9:00');
    expect(describeOpening(office, at('2026-03-08T12:00:00+01:00'))).toBe('Opent morgen om 9:00');
  });

  test('two periods in one day: closed at lunch, opens again today', () => {
    const split = schedule({
      hours: [
        { days: [2], opens: '09:00', closes: '12:00' },
        { days: [2], opens: '13:30', closes: '16:00' },
      ],
    });
    expect(describeOpening(split, at('2026-03-03T12:15:00+01:00'))).toBe('Opent vandaag om 13:30');
    expect(describeOpening(split, at('2026-03-03T14:00:00+01:00'))).toBe('Nu open tot 16:00');
  });

  test('a week summary groups days with the same hours', () => {
    expect(weeklySummary(schedule({ hours: site.chat.hours }))).toEqual([
      { days: 'maandag t/m vrijdag', hours: '14:00–21:00' },
      { days: 'zaterdag', hours: '12:00–17:00' },
    ]);
    const evening = schedule({
      hours: [
        { days: [1, 2, 3, 4, 5], opens: '09:00', closes: '17:00' },
        { days: [3], opens: '17:00', closes: '20:00' },
      ],
    });
    expect(weeklySummary(evening)).toEqual([
      { days: 'maandag en dinsdag', hours: '9:00–17:00' },
      { days: 'woensdag', hours: '9:00–20:00' },
      { days: 'donderdag en vrijdag', hours: '9:00–17:00' },
    ]);
    expect(weeklySummary(schedule({ hours: [{ days: [1, 2, 3, 4, 5, 6, 7], opens: '00:00', closes: '24:00' }] }))).toEqual([
      { days: 'elke dag', hours: 'hele dag' },
    ]);
  });
});

describe('midnight', () => {
  const evening = schedule({ hours: [{ days: [1], opens: '14:00', closes: '24:00' }] });
  const night = schedule({ hours: [{ days: [5], opens: '22:00', closes: '02:00' }] });

  test('closing at 24:00 reads as midnight, and midnight itself is closed', () => {
    expect(describeOpening(evening, at('2026-03-02T23:59:00+01:00'))).toBe('Nu open tot middernacht');
    expect(openingState(evening, at('2026-03-03T00:00:00+01:00')).open).toBe(false);
    expect(describeOpening(evening, at('2026-03-03T00:00:00+01:00'))).toBe('Opent maandag om 14:00');
  });

  test('an opening past midnight is open on both sides of it', () => {
    expect(describeOpening(night, at('2026-03-06T23:00:00+01:00'))).toBe('Nu open tot morgen 2:00');
    expect(openingState(night, at('2026-03-07T01:00:00+01:00'))).toMatchObject({ open: true, closesAt: at('2026-03-07T02:00:00+01:00') });
    expect(describeOpening(night, at('2026-03-07T01:00:00+01:00'))).toBe('Nu open tot 2:00');
    expect(openingState(night, at('2026-03-07T02:00:00+01:00')).open).toBe(false);
  });

  test('back-to-back openings over midnight merge into one', () => {
    const allWeek = schedule({
      hours: [
        { days: [1, 2, 3, 4, 5, 6, 7], opens: '08:00', closes: '24:00' },
        { days: [1, 2, 3, 4, 5, 6, 7], opens: '00:00', closes: '02:00' },
      ],
    });
    expect(openingState(allWeek, at('2026-03-04T23:30:00+01:00')).closesAt).toEqual(at('2026-03-05T02:00:00+01:00'));
  });
});

describe('Dutch public holidays', () => {
  test('Easter by computus, for known years', () => {
    expect(easterSunday(2024)).toEqual({ month: 3, day: 31 });
    expect(easterSunday(2025)).toEqual({ month: 4, day: 20 });
    expect(easterSunday(2026)).toEqual({ month: 4, day: 5 });
    expect(easterSunday(2027)).toEqual({ month: 3, day: 28 });
    expect(easterSunday(2038)).toEqual({ month: 4, day: 25 });
    expect(easterSunday(2285)).toEqual({ month: 3, day: 22 });
    // Years that take the computus' rarer paths: golden number 1 (year divisible by 19), and the two
    // corrections that move 26 April to the 19th (1981, 2076) and 25 April to the 18th (1954, 2049).
    expect(easterSunday(2014)).toEqual({ month: 4, day: 20 });
    expect(easterSunday(2033)).toEqual({ month: 4, day: 17 });
    expect(easterSunday(2052)).toEqual({ month: 4, day: 21 });
    expect(easterSunday(1981)).toEqual({ month: 4, day: 19 });
    expect(easterSunday(2076)).toEqual({ month: 4, day: 19 });
    expect(easterSunday(1954)).toEqual({ month: 4, day: 18 });
    expect(easterSunday(2049)).toEqual({ month: 4, day: 18 });
    expect(easterSunday(2100)).toEqual({ month: 3, day: 28 });
  });

  test('the 2026 list', () => {
    expect(dutchHolidays(2026)).toEqual([
      { date: '2026-01-01', name: 'Nieuwjaarsdag' },
      { date: '2026-04-05', name: 'Eerste Paasdag' },
      { date: '2026-04-06', name: 'Tweede Paasdag' },
      { date: '2026-04-27', name: 'Koningsdag' },
      { date: '2026-05-14', name: 'Hemelvaartsdag' },
      { date: '2026-05-24', name: 'Eerste Pinksterdag' },
      { date: '2026-05-25', name: 'Tweede Pinksterdag' },
      { date: '2026-12-25', name: 'Eerste Kerstdag' },
      { date: '2026-12-26', name: 'Tweede Kerstdag' },
    ]);
  });

  test('the list is in date order, also when Hemelvaartsdag comes before Bevrijdingsdag (2035)', () => {
    expect(dutchHolidays(2035).map((h) => `${h.date} ${h.name}`)).toEqual([
      '2035-01-01 Nieuwjaarsdag',
      '2035-03-25 Eerste Paasdag',
      '2035-03-26 Tweede Paasdag',
      '2035-04-27 Koningsdag',
      '2035-05-03 Hemelvaartsdag',
      '2035-05-05 Bevrijdingsdag',
      '2035-05-13 Eerste Pinksterdag',
      '2035-05-14 Tweede Pinksterdag',
      '2035-12-25 Eerste Kerstdag',
      '2035-12-26 Tweede Kerstdag',
    ]);
  });

  test('Koningsdag moves to 26 April when the 27th is a Sunday (2025)', () => {
    const dates = dutchHolidays(2025).map((h) => h.date);
    expect(dates).toContain('2025-04-26');
    expect(dates).not.toContain('2025-04-27');
  });

  test('Bevrijdingsdag: lustrum years by default, every year when configured', () => {
    expect(dutchHolidays(2025).map((h) => h.name)).toContain('Bevrijdingsdag');
    expect(dutchHolidays(2026).map((h) => h.name)).not.toContain('Bevrijdingsdag');
    expect(dutchHolidays(2026, { closedOnGoodFriday: false, liberationDay: 'every-year' })).toContainEqual({ date: '2026-05-05', name: 'Bevrijdingsdag' });
  });

  test('Goede Vrijdag only when the service closes then', () => {
    const goodFriday = at('2026-04-03T10:00:00+02:00');
    expect(openingState(office, goodFriday).open).toBe(true);
    const closing = schedule({ hours: office.hours, closedOnGoodFriday: true });
    expect(describeOpening(closing, goodFriday)).toBe('Gesloten (feestdag: Goede Vrijdag). Opent dinsdag om 9:00');
  });

  test('closed on Christmas, which says why and when it opens', () => {
    const christmas = at('2026-12-25T10:00:00+01:00'); // Friday; the 26th is a Saturday
    expect(openingState(office, christmas)).toEqual({
      open: false,
      nextOpen: at('2026-12-28T09:00:00+01:00'),
      byAppointment: false,
      closedToday: { kind: 'holiday', name: 'Eerste Kerstdag' },
    });
    expect(describeOpening(office, christmas)).toBe('Gesloten (feestdag: Eerste Kerstdag). Opent maandag om 9:00');
  });

  test('Hemelvaartsdag and Tweede Pinksterdag close a weekday office; the day before says so', () => {
    expect(openingState(office, at('2026-05-14T11:00:00+02:00')).closedToday).toEqual({ kind: 'holiday', name: 'Hemelvaartsdag' });
    expect(describeOpening(office, at('2026-05-13T18:00:00+02:00'))).toBe('Opent vrijdag om 9:00');
    expect(describeOpening(office, at('2026-05-22T18:00:00+02:00'))).toBe('Opent dinsdag om 9:00');
  });

  test('a 24/7 line that stays open on holidays', () => {
    const line = schedule({ hours: [{ days: [1, 2, 3, 4, 5, 6, 7], opens: '00:00', closes: '24:00' }], holidays: 'open' });
    const christmasNight = at('2026-12-25T03:00:00+01:00');
    expect(openingState(line, christmasNight)).toEqual({ open: true, byAppointment: false });
    expect(describeOpening(line, christmasNight)).toBe('Nu open, dag en nacht');
  });
});

describe('lines open day and night', () => {
  const line = (exceptions: { date: string; closed: true }[]) =>
    schedule({ hours: [{ days: [1, 2, 3, 4, 5, 6, 7], opens: '00:00', closes: '24:00' }], holidays: 'open', exceptions });

  test('reopening after a closed day, it is open day and night from its very first minute', () => {
    const s = line([{ date: '2026-06-07', closed: true }]);
    expect(openingState(s, at('2026-06-08T00:00:00+02:00'))).toEqual({ open: true, byAppointment: false });
    expect(describeOpening(s, at('2026-06-08T00:00:00+02:00'))).toBe('Nu open, dag en nacht');
  });

  test('closing exactly a week from now still gives the closing time; more than a week does not', () => {
    const weekAhead = line([{ date: '2026-06-15', closed: true }]);
    expect(openingState(weekAhead, at('2026-06-08T00:00:00+02:00'))).toEqual({
      open: true,
      byAppointment: false,
      closesAt: at('2026-06-15T00:00:00+02:00'),
    });
    expect(openingState(weekAhead, at('2026-06-07T23:59:00+02:00'))).toEqual({ open: true, byAppointment: false });
  });
});

describe('daylight saving time', () => {
  const everyDay = schedule({ hours: [{ days: [1, 2, 3, 4, 5, 6, 7], opens: '09:00', closes: '17:00' }] });

  test('the Sunday clocks go forward (29 March 2026): 9:00 is 9:00 summer time', () => {
    expect(openingState(everyDay, at('2026-03-28T16:00:00+01:00')).closesAt).toEqual(at('2026-03-28T17:00:00+01:00'));
    expect(openingState(everyDay, at('2026-03-29T08:30:00+02:00'))).toMatchObject({ open: false, nextOpen: at('2026-03-29T09:00:00+02:00') });
    expect(describeOpening(everyDay, at('2026-03-29T08:30:00+02:00'))).toBe('Opent vandaag om 9:00');
    expect(describeOpening(everyDay, at('2026-03-29T16:59:00+02:00'))).toBe('Nu open tot 17:00');
  });

  test('the Sunday clocks go back (25 October 2026): 9:00 is 9:00 winter time', () => {
    expect(openingState(everyDay, at('2026-10-24T18:00:00+02:00')).nextOpen).toEqual(at('2026-10-25T09:00:00+01:00'));
    expect(openingState(everyDay, at('2026-10-25T08:30:00+01:00')).open).toBe(false);
    expect(openingState(everyDay, at('2026-10-25T09:00:00+01:00')).closesAt).toEqual(at('2026-10-25T17:00:00+01:00'));
  });

  test('a time skipped by the clock moves forward with it', () => {
    const early = schedule({ hours: [{ days: [7], opens: '02:30', closes: '05:00' }] });
    expect(openingState(early, at('2026-03-29T00:30:00+01:00')).nextOpen).toEqual(at('2026-03-29T03:30:00+02:00'));
  });

  test('a night opening over the October change lasts one hour longer in real time', () => {
    const night = schedule({ hours: [{ days: [6], opens: '22:00', closes: '04:00' }] });
    const state = openingState(night, at('2026-10-24T23:00:00+02:00'));
    expect(state.closesAt).toEqual(at('2026-10-25T04:00:00+01:00'));
  });

  test('another time zone is honoured', () => {
    const ny = schedule({ timeZone: 'America/New_York', hours: office.hours });
    expect(openingState(ny, at('2026-03-04T10:00:00+01:00')).open).toBe(false);
    expect(describeOpening(ny, at('2026-03-04T10:00:00+01:00'))).toBe('Opent vandaag om 9:00');
  });
});

describe('exceptions and appointments', () => {
  test('closed today for a reason', () => {
    const s = schedule({ hours: office.hours, exceptions: [{ date: '2026-03-04', closed: true, reason: 'studiedag' }] });
    const now = at('2026-03-04T10:00:00+01:00');
    expect(openingState(s, now)).toMatchObject({ open: false, closedToday: { kind: 'exception', name: 'studiedag' } });
    expect(describeOpening(s, now)).toBe('Vandaag gesloten (studiedag). Opent morgen om 9:00');
  });

  test('closed today without a reason', () => {
    const s = schedule({ hours: office.hours, exceptions: [{ date: '2026-03-04', closed: true }] });
    expect(describeOpening(s, at('2026-03-04T10:00:00+01:00'))).toBe('Vandaag gesloten. Opent morgen om 9:00');
  });

  test('other hours on one date win over the week and over a holiday', () => {
    const s = schedule({
      hours: office.hours,
      exceptions: [
        { date: '2026-03-07', hours: [{ opens: '10:00', closes: '12:00' }] }, // a Saturday
        { date: '2026-12-25', hours: [{ opens: '10:00', closes: '13:00' }], reason: 'kerstspreekuur' },
      ],
    });
    expect(describeOpening(s, at('2026-03-07T11:00:00+01:00'))).toBe('Nu open tot 12:00');
    expect(describeOpening(s, at('2026-12-25T09:00:00+01:00'))).toBe('Opent vandaag om 10:00');
  });

  test('a long closure names the date it reopens', () => {
    const closed = Array.from({ length: 14 }, (_, i) => ({ date: `2026-01-${String(i + 1).padStart(2, '0')}`, closed: true as const }));
    const s = schedule({ hours: office.hours, exceptions: closed });
    expect(describeOpening(s, at('2026-01-01T10:00:00+01:00'))).toBe('Vandaag gesloten. Opent op 15 januari om 9:00');
  });

  test('a special opening is found up to 370 days ahead, and not further', () => {
    // 2026-06-01 + 370 days = 2027-06-06.
    const within = schedule({ byAppointment: true, exceptions: [{ date: '2027-06-06', hours: [{ opens: '10:00', closes: '12:00' }] }] });
    expect(openingState(within, at('2026-06-01T12:00:00+02:00')).nextOpen).toEqual(at('2027-06-06T10:00:00+02:00'));
    const beyond = schedule({ byAppointment: true, exceptions: [{ date: '2027-06-07', hours: [{ opens: '10:00', closes: '12:00' }] }] });
    expect(openingState(beyond, at('2026-06-01T12:00:00+02:00'))).toEqual({ open: false, byAppointment: true });
  });

  test('only by appointment', () => {
    const s = schedule({ byAppointment: true });
    expect(openingState(s, at('2026-03-04T10:00:00+01:00'))).toEqual({ open: false, byAppointment: true });
    expect(describeOpening(s, at('2026-03-04T10:00:00+01:00'))).toBe('Op afspraak');
  });

  test('hours and also by appointment', () => {
    const s = schedule({ hours: office.hours, byAppointment: true });
    expect(openingState(s, at('2026-03-04T10:00:00+01:00'))).toMatchObject({ open: true, byAppointment: true });
  });
});

describe('the chat uses the same engine', () => {
  test('the site configuration is a valid schedule', () => {
    expect(openingScheduleSchema.parse(site.chat)).toEqual(site.chat);
  });

  test('chat hours: open Monday afternoon, closed on Sunday, closed on a holiday', () => {
    const chat = chatSchedule(site);
    expect(describeOpening(chat, at('2026-03-02T15:00:00+01:00'))).toBe('Nu open tot 21:00');
    expect(describeOpening(chat, at('2026-03-08T15:00:00+01:00'))).toBe('Opent morgen om 14:00');
    expect(describeOpening(chat, at('2026-04-06T15:00:00+02:00'))).toBe('Gesloten (feestdag: Tweede Paasdag). Opent morgen om 14:00');
  });
});

describe('schedule schema', () => {
  const problems = (input: unknown) => openingScheduleSchema.safeParse(input).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

  test('a malformed time names the field', () => {
    expect(problems({ hours: [{ days: [1], opens: '9 uur', closes: '17:00' }] })).toEqual(['hours.0.opens: tijd als HH:MM, bijvoorbeeld 09:00']);
  });

  test('a day outside 1–7, an impossible date and neither hours nor appointment are refused', () => {
    expect(problems({ hours: [{ days: [8], opens: '09:00', closes: '17:00' }] })).toEqual(['hours.0.days.0: dag van 1 (maandag) tot 7 (zondag)']);
    expect(problems({ hours: office.hours, exceptions: [{ date: '2026-02-30', closed: true }] })).toEqual(['exceptions.0.date: deze datum bestaat niet']);
    expect(problems({ hours: [] })).toEqual(['hours: geef openingstijden (hours) of zet byAppointment: true']);
    expect(problems({ hours: office.hours, exceptions: [{ date: '2026-03-04' }] })).toEqual([
      'exceptions.0.closed: geef óf closed: true óf hours met openingstijden',
    ]);
    expect(problems({ timeZone: 'Mars/Olympus', hours: office.hours })).toEqual(['timeZone: onbekende tijdzone, gebruik bijvoorbeeld Europe/Amsterdam']);
  });
});
