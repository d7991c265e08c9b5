import { describe, expect, test } from 'vitest';
import { HIDDEN, SMALL, protectGroup, protectShare, protectValue } from '../../shared/indicators/suppression.ts';

describe('small-cell protection', () => {
  test('a single figure from 1 to 4 reads "<5"; 0 and 5+ are shown', () => {
    expect([0, 1, 4, 5, 120].map(protectValue)).toEqual([0, SMALL, SMALL, 5, 120]);
  });

  test('a table without small counts is shown as it is, zeros included', () => {
    expect(protectGroup([0, 5, 12, 0])).toEqual([0, 5, 12, 0]);
  });

  test('with a small count, zeros are hidden too, so subtraction only gives a sum of several cells', () => {
    // Total 22 is known: 22 - 8 - 10 = 4 spread over three cells that may each be 0..4.
    expect(protectGroup([3, 8, 0, 10, 1])).toEqual([SMALL, 8, SMALL, 10, SMALL]);
  });

  test('a lone small count is hidden together with the next smallest cell, both as "×"', () => {
    // Without this, 3 = total 30 - 7 - 20 could be computed.
    expect(protectGroup([3, 7, 20])).toEqual([HIDDEN, HIDDEN, 20]);
    expect(protectGroup([20, 9, 2, 6])).toEqual([20, 9, HIDDEN, HIDDEN]);
  });

  test('no small count can be recovered from the total in any protected table', () => {
    // Exhaustive over small tables: whenever a table has a small count, at least two cells are
    // hidden, so the known total only gives their sum.
    const values = [0, 1, 2, 4, 5, 9];
    for (const a of values)
      for (const b of values)
        for (const c of values) {
          const group = [a, b, c];
          const cells = protectGroup(group);
          const hidden = cells.map((cell, i) => (typeof cell === 'number' ? -1 : i)).filter((i) => i >= 0);
          if (group.some((v) => v > 0 && v < 5)) expect(hidden.length, group.join(',')).toBeGreaterThanOrEqual(2);
        }
  });

  test('shares never reveal a small count, and say so with a bound', () => {
    expect(protectShare(8, 13)).toEqual({ kind: 'exact', percent: 62 });
    expect(protectShare(8, 10)).toEqual({ kind: 'atLeast', percent: 60 });
    expect(protectShare(3, 4)).toEqual({ kind: 'hidden' });
    expect(protectShare(3, 6)).toEqual({ kind: 'hidden' });
    expect(protectShare(98, 100)).toEqual({ kind: 'atLeast', percent: 96 });
    expect(protectShare(2, 100)).toEqual({ kind: 'atMost', percent: 4 });
    expect(protectShare(0, 20)).toEqual({ kind: 'exact', percent: 0 });
    expect(protectShare(0, 0)).toEqual({ kind: 'none' });
    expect(protectShare(20, 20)).toEqual({ kind: 'exact', percent: 100 });
  });
});
