import { describe, expect, test } from 'vitest';
import { answerDueAt, answeredDeleteAt, dueDayText, unansweredDeleteAt } from '../../shared/vraag/deadline.ts';

const TZ = 'Europe/Amsterdam';
/** A local Amsterdam time as an instant. */
const at = (iso: string) => new Date(iso).getTime();

describe('answer promise and retention clock', () => {
  test('the day of asking does not count; weekends do not count', () => {
    // Friday 4 December 2026, 22:00 local (21:00 UTC) with 3 working days → end of Wednesday 9 December.
    const due = answerDueAt(at('2026-12-04T21:00:00Z'), 3, TZ);
    expect(due).toBe(at('2026-12-09T23:00:00Z')); // midnight local = 23:00 UTC in winter
    expect(dueDayText(due, TZ)).toBe('woensdag 9 december');
    // Monday morning, 1 working day → end of Tuesday.
    expect(answerDueAt(at('2026-12-07T08:00:00Z'), 1, TZ)).toBe(at('2026-12-08T23:00:00Z'));
  });

  test('Dutch public holidays do not count', () => {
    // Wednesday 23 December 2026, 3 working days: 24 (Thu), [25 Kerst, 26 Sat, 27 Sun], 28 (Mon), 29 (Tue).
    expect(dueDayText(answerDueAt(at('2026-12-23T10:00:00Z'), 3, TZ), TZ)).toBe('dinsdag 29 december');
    // Koningsdag 2027 is Tuesday 27 April: asked Monday 26 April, 1 working day → Wednesday 28.
    expect(dueDayText(answerDueAt(at('2027-04-26T10:00:00Z'), 1, TZ), TZ)).toBe('woensdag 28 april');
  });

  test('local midnight is right across the change to summer time', () => {
    // Friday 26 March 2027; clocks go forward on Sunday 28 March (Eerste Paasdag), Monday 29 is Tweede
    // Paasdag. 1 working day → end of Tuesday 30 March, which is 22:00 UTC (summer time).
    expect(answerDueAt(at('2027-03-26T12:00:00Z'), 1, TZ)).toBe(at('2027-03-30T22:00:00Z'));
    // And back to winter time: asked Friday 29 October 2027, clocks go back Sunday 31 → end of Monday 1 November, 23:00 UTC.
    expect(answerDueAt(at('2027-10-29T12:00:00Z'), 1, TZ)).toBe(at('2027-11-01T23:00:00Z'));
  });

  test('unanswered questions go after the promise plus margin; answered threads N days after the answer', () => {
    const due = at('2026-12-09T23:00:00Z');
    expect(unansweredDeleteAt(due, 2)).toBe(at('2026-12-11T23:00:00Z'));
    expect(answeredDeleteAt(at('2026-12-08T10:00:00Z'), 14)).toBe(at('2026-12-22T10:00:00Z'));
  });
});
