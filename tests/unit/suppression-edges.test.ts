import { describe, expect, test } from 'vitest';
import { HIDDEN, SMALL, isSmall, protectGroup, protectShare, protectValue, sum } from '../../shared/indicators/suppression.ts';

describe('small-cell protection at its edges', () => {
  test('a two-cell table (page feedback ja/nee): a lone small count hides both cells', () => {
    // Shown with its total (ja + nee), one visible cell would give the other away by subtraction.
    expect(protectGroup([3, 10])).toEqual([HIDDEN, HIDDEN]);
    expect(protectGroup([12, 1])).toEqual([HIDDEN, HIDDEN]);
    expect(protectGroup([0, 4])).toEqual([SMALL, SMALL]);
    expect(protectGroup([2, 3])).toEqual([SMALL, SMALL]);
    expect(protectGroup([5, 0])).toEqual([5, 0]);
  });

  test('a one-cell table cannot be paired and reads "<5"', () => {
    expect(protectGroup([3])).toEqual([SMALL]);
    expect(protectGroup([])).toEqual([]);
  });

  test('the partner of a lone small count is the smallest other cell, the first of equals', () => {
    expect(protectGroup([9, 2, 7, 7])).toEqual([9, HIDDEN, HIDDEN, 7]);
    expect(protectGroup([7, 9, 2, 7])).toEqual([HIDDEN, 9, HIDDEN, 7]);
    expect(protectGroup([2, 30, 6, 8])).toEqual([HIDDEN, 30, HIDDEN, 8]);
  });

  test('the boundary is 5: 4 is small, 5 is shown; the input is never changed', () => {
    expect([0, 1, 4, 5].map(isSmall)).toEqual([false, true, true, false]);
    const values = [4, 5, 6];
    expect(protectGroup(values)).toEqual([HIDDEN, HIDDEN, 6]);
    expect(values).toEqual([4, 5, 6]);
    const plain = [5, 6];
    expect(protectGroup(plain)).not.toBe(plain);
    expect(protectValue(4)).toBe(SMALL);
    expect(sum([4, 5, 6])).toBe(15);
    expect(sum([])).toBe(0);
  });

  test('shares at the bounds: a small rest gives "at least", a small part "at most", both hidden', () => {
    expect(protectShare(0, 4)).toEqual({ kind: 'hidden' });
    expect(protectShare(0, 5)).toEqual({ kind: 'exact', percent: 0 });
    expect(protectShare(5, 5)).toEqual({ kind: 'exact', percent: 100 });
    expect(protectShare(1, 5)).toEqual({ kind: 'hidden' });
    expect(protectShare(1, 6)).toEqual({ kind: 'atMost', percent: 67 });
    expect(protectShare(5, 6)).toEqual({ kind: 'atLeast', percent: 33 });
    // 4 of 7: 57%; also 3 of 7 is small: both sides small → hidden.
    expect(protectShare(4, 7)).toEqual({ kind: 'hidden' });
    // Ceil for "at most", floor for "at least": the bound holds for every hidden count.
    expect(protectShare(1, 9)).toEqual({ kind: 'atMost', percent: 45 });
    expect(protectShare(8, 9)).toEqual({ kind: 'atLeast', percent: 55 });
    // Exact shares are rounded to the nearest whole percent.
    expect(protectShare(7, 12)).toEqual({ kind: 'exact', percent: 58 });
    expect(protectShare(6, 11)).toEqual({ kind: 'exact', percent: 55 });
  });
});
