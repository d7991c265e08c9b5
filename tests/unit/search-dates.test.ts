import { describe, expect, test } from 'vitest';
import { encodeDates, nextDate } from '../../src/lib/search-dates.ts';

describe('the next date of an activity in search results (review 17: results had no date)', () => {
  const meta = encodeDates([
    { endMs: 1000, label: 'Eerstvolgende: donderdag 28 januari 2027, 19.30 tot 21.00 uur' },
    { endMs: 2000, label: 'Eerstvolgende: donderdag 18 maart | 2027 ~ 19.30' },
  ]);

  test('the first session not yet over, also after one passed between builds', () => {
    expect(nextDate(meta, 500)).toBe('Eerstvolgende: donderdag 28 januari 2027, 19.30 tot 21.00 uur');
    expect(nextDate(meta, 1000)).toBe('Eerstvolgende: donderdag 18 maart   2027   19.30');
  });

  test('nothing left: the ongoing text, or nothing at all (articles have no dates)', () => {
    expect(nextDate(meta, 3000)).toBeUndefined();
    expect(nextDate('', 0, 'Doorlopend')).toBe('Doorlopend');
    expect(nextDate(undefined, 0)).toBeUndefined();
    expect(nextDate('rommel|~x|abc~', 0)).toBeUndefined();
  });
});
