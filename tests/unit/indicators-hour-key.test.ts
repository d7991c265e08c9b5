import { describe, expect, test } from 'vitest';
import { addDays, dayKey, daysBetween, hourKey, isValidDayKey, isValidHourKey, isoWeekday, weekStart } from '../../shared/indicators/hour-key.ts';

const TZ = 'Europe/Amsterdam';
const HOUR = 3_600_000;

/** Every hour key of the UTC hours from `startUtc`, `hours` long. */
function keysFrom(startUtc: string, hours: number): string[] {
  const start = Date.parse(startUtc);
  return Array.from({ length: hours }, (_, i) => hourKey(start + i * HOUR, TZ));
}

describe('hour keys in the CJG time zone', () => {
  test('winter time is UTC+1, summer time UTC+2', () => {
    expect(hourKey(Date.parse('2026-01-15T13:30:00Z'), TZ)).toBe('2026-01-15T14');
    expect(hourKey(Date.parse('2026-07-15T13:30:00Z'), TZ)).toBe('2026-07-15T15');
  });

  test('an instant just after local midnight belongs to the new local day', () => {
    expect(hourKey(Date.parse('2026-01-15T23:10:00Z'), TZ)).toBe('2026-01-16T00');
    expect(dayKey(Date.parse('2026-06-30T22:30:00Z'), TZ)).toBe('2026-07-01');
  });

  test('the day summer time starts has 23 hours and no 02:00 bucket', () => {
    // 29 March 2026 local: 00:00 CET = 28 March 23:00 UTC; the day lasts 23 real hours.
    const keys = keysFrom('2026-03-28T23:00:00Z', 23);
    expect(new Set(keys).size).toBe(23);
    expect(keys.every((k) => k.startsWith('2026-03-29T'))).toBe(true);
    expect(keys).not.toContain('2026-03-29T02');
    expect(keys.slice(1, 3)).toEqual(['2026-03-29T01', '2026-03-29T03']);
    expect(hourKey(Date.parse('2026-03-29T22:00:00Z'), TZ)).toBe('2026-03-30T00');
  });

  test('the day summer time ends has 25 hours; the repeated 02:00 hour is one bucket', () => {
    // 25 October 2026 local: 00:00 CEST = 24 October 22:00 UTC; the day lasts 25 real hours.
    const keys = keysFrom('2026-10-24T22:00:00Z', 25);
    expect(keys.every((k) => k.startsWith('2026-10-25T'))).toBe(true);
    expect(new Set(keys).size).toBe(24);
    expect(keys.filter((k) => k === '2026-10-25T02')).toHaveLength(2);
    expect(hourKey(Date.parse('2026-10-25T23:00:00Z'), TZ)).toBe('2026-10-26T00');
  });

  test('validates keys as real dates and hours', () => {
    expect(isValidDayKey('2026-02-28')).toBe(true);
    expect(isValidDayKey('2026-02-29')).toBe(false);
    expect(isValidDayKey('2026-2-1')).toBe(false);
    expect(isValidHourKey('2026-03-29T23')).toBe(true);
    expect(isValidHourKey('2026-03-29T24')).toBe(false);
    expect(isValidHourKey('2026-03-29T02:15')).toBe(false);
  });

  test('day arithmetic ignores time zones', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-10-24', '2026-10-27')).toEqual(['2026-10-24', '2026-10-25', '2026-10-26', '2026-10-27']);
    expect(isoWeekday('2026-03-29')).toBe(7);
    expect(isoWeekday('2026-03-30')).toBe(1);
    expect(weekStart('2026-03-29')).toBe('2026-03-23');
  });
});
