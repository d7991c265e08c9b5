import { describe, expect, test } from 'vitest';
import { checkComposer, formatOpensAt, formatWait, formatWaited } from '../../src/lib/chat-format.ts';

const TZ = 'Europe/Amsterdam';

describe('waiting estimate wording', () => {
  test('is rounded and honest about what we do not know', () => {
    expect(formatWait(null)).toBe('We weten nog niet hoe lang het duurt.');
    expect(formatWait(-5)).toBe('We weten nog niet hoe lang het duurt.');
    expect(formatWait(20)).toBe('minder dan een minuut');
    expect(formatWait(70)).toBe('ongeveer 1 minuut');
    expect(formatWait(4 * 60 + 10)).toBe('ongeveer 4 minuten');
    expect(formatWait(13 * 60)).toBe('ongeveer 15 minuten');
    expect(formatWait(3 * 3600)).toBe('meer dan 30 minuten');
  });

  test('counsellor sees how long someone waited', () => {
    expect(formatWaited(0, 45_000)).toBe('45 s');
    expect(formatWaited(0, 3 * 60_000 + 5000)).toBe('3 min');
    expect(formatWaited(0, 65 * 60_000)).toBe('1 u 5 min');
    expect(formatWaited(10_000, 0)).toBe('0 s');
  });
});

describe('opens at', () => {
  // Sunday 22 November 2026, 10:00 in Amsterdam (09:00 UTC).
  const now = new Date('2026-11-22T09:00:00Z');
  test('today, tomorrow, or the weekday, in the chat time zone', () => {
    expect(formatOpensAt(new Date('2026-11-22T13:00:00Z'), now, TZ)).toBe('vandaag om 14:00');
    expect(formatOpensAt(new Date('2026-11-23T13:00:00Z'), now, TZ)).toBe('morgen om 14:00');
    expect(formatOpensAt(new Date('2026-11-24T13:00:00Z'), now, TZ)).toBe('dinsdag om 14:00');
  });
  test('late in the evening, "tomorrow" follows the local date, not UTC', () => {
    const lateEvening = new Date('2026-11-22T22:30:00Z'); // 23:30 local
    expect(formatOpensAt(new Date('2026-11-23T13:00:00Z'), lateEvening, TZ)).toBe('morgen om 14:00');
  });
});

describe('composer check', () => {
  test('shows the counter only near the limit and flags overflow', () => {
    expect(checkComposer('a'.repeat(10), 100)).toEqual({ remaining: 90, showCounter: false, tooLong: false });
    expect(checkComposer('a'.repeat(80), 100)).toEqual({ remaining: 20, showCounter: true, tooLong: false });
    expect(checkComposer('a'.repeat(103), 100)).toEqual({ remaining: -3, showCounter: true, tooLong: true });
  });
  test('counts an emoji as one character', () => {
    expect(checkComposer('😀😀', 2).tooLong).toBe(false);
  });
});
