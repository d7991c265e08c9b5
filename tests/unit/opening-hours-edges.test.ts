import { describe, expect, test } from 'vitest';
import { localTime, openingState } from '../../shared/opening-hours.ts';
import { openingScheduleSchema, type OpeningScheduleInput } from '../../shared/schedule.ts';

const schedule = (input: OpeningScheduleInput) => openingScheduleSchema.parse(input);
const at = (iso: string) => new Date(iso);

describe('the repeated hour when the clocks go back (25 October 2026, 3:00 → 2:00)', () => {
  test('an opening at 2:30 is the second 2:30 (winter time), not the first', () => {
    const early = schedule({ hours: [{ days: [7], opens: '02:30', closes: '05:00' }] });
    // 2:45 summer time comes before the second 2:30: still closed.
    expect(openingState(early, at('2026-10-25T02:45:00+02:00'))).toMatchObject({ open: false, nextOpen: at('2026-10-25T02:30:00+01:00') });
    expect(openingState(early, at('2026-10-25T02:30:00+01:00'))).toMatchObject({ open: true, closesAt: at('2026-10-25T05:00:00+01:00') });
  });

  test('a closing at 2:30 that night is also the second one', () => {
    const night = schedule({ hours: [{ days: [6], opens: '22:00', closes: '02:30' }] });
    expect(openingState(night, at('2026-10-24T23:00:00+02:00')).closesAt).toEqual(at('2026-10-25T02:30:00+01:00'));
    expect(openingState(night, at('2026-10-25T02:45:00+02:00')).open).toBe(true);
  });

  test('local time of both 2:30s is the same wall-clock time on the same day', () => {
    const first = localTime(at('2026-10-25T02:30:00+02:00'), 'Europe/Amsterdam');
    const second = localTime(at('2026-10-25T02:30:00+01:00'), 'Europe/Amsterdam');
    expect(first).toEqual(second);
    expect(first.minutes).toBe(150);
  });
});

describe('the hour skipped when the clocks go forward (29 March 2026, 2:00 → 3:00)', () => {
  test('a closing at 2:30 that does not exist falls at 3:30 summer time', () => {
    const night = schedule({ hours: [{ days: [6], opens: '22:00', closes: '02:30' }] });
    expect(openingState(night, at('2026-03-28T23:00:00+01:00')).closesAt).toEqual(at('2026-03-29T03:30:00+02:00'));
  });
});
