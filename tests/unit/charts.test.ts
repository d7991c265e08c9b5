import { describe, expect, test } from 'vitest';
import { barChart, heatLevel, niceMax, percentLine, tickValues } from '../../src/lib/charts.ts';

describe('chart geometry', () => {
  test('nice axis maxima and ticks', () => {
    expect([0, 3, 5, 6, 12, 48, 51, 130].map(niceMax)).toEqual([5, 5, 5, 10, 20, 50, 100, 200]);
    expect(tickValues(5)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(tickValues(20)).toEqual([0, 5, 10, 15, 20]);
    expect(tickValues(200)).toEqual([0, 50, 100, 150, 200]);
    expect(tickValues(1000)).toEqual([0, 200, 400, 600, 800, 1000]);
  });

  test('bars scale to the plot; a hidden value gets no bar', () => {
    const g = barChart({
      labels: ['a', 'b', 'c', 'd'],
      values: [10, 5, null, 0],
      width: 440,
      height: 240,
      padding: { top: 20, right: 0, bottom: 20, left: 40 },
    });
    expect(g.plot).toEqual({ left: 40, right: 440, top: 20, bottom: 220 });
    expect(g.bars.map((b) => b.height)).toEqual([200, 100, 0, 0]);
    expect(g.bars[2]).toMatchObject({ value: null, y: 220 });
    expect(g.bars.map((b) => b.x)).toEqual([55, 155, 255, 355]);
    expect(g.ticks.at(-1)).toEqual({ value: 10, y: 20 });
  });

  test('a percentage line breaks at hidden values', () => {
    const { path, points } = percentLine(['w1', 'w2', 'w3', 'w4'], [50, null, 100, 75], 340, 140, { top: 20, right: 0, bottom: 20, left: 40 });
    expect(points.map((p) => p.x)).toEqual([40, 140, 240, 340]);
    expect(path).toBe('M40 70 M240 20 L340 45');
  });

  test('heat levels', () => {
    expect([null, 0, 1, 10, 20].map((v) => heatLevel(v, 20))).toEqual([null, 0, 1, 2, 4]);
  });
});

describe('chart labels, legend and empty series', async () => {
  const { wrapLabel, heatLegend, isEmptySeries, heatLevel } = await import('../../src/lib/charts.ts');
  test('a long label wraps between words instead of being cut off', () => {
    expect(wrapLabel('Nog aan het wachten of verbinding verbroken', 14)).toEqual(['Nog aan het', 'wachten of…']);
    expect(wrapLabel('Gesprek gevoerd', 12)).toEqual(['Gesprek', 'gevoerd']);
    expect(wrapLabel('School', 12)).toEqual(['School']);
    expect(wrapLabel('Middelengebruikverslaving', 12)).toEqual(['Middelengeb…']);
  });
  test('the legend covers every count the shades stand for, without gaps', () => {
    const legend = heatLegend(8);
    expect(legend).toEqual([
      { level: 0, from: 0, to: 0 },
      { level: 1, from: 1, to: 2 },
      { level: 2, from: 3, to: 4 },
      { level: 3, from: 5, to: 6 },
      { level: 4, from: 7, to: 8 },
    ]);
    for (let n = 1; n <= 8; n++) expect(legend.find((l) => n >= l.from && n <= l.to)?.level).toBe(heatLevel(n, 8));
    expect(heatLegend(0)).toEqual([{ level: 0, from: 0, to: 0 }]);
    expect(heatLegend(2).map((l) => l.level)).toEqual([0, 2, 4]);
  });
  test('with small-cell protection the legend starts at 5: no shade for 1 to 4, counts never shown', () => {
    // The review saw the bands 1, 2–3 and 4–5 next to "afgeschermd (minder dan 5)".
    const legend = heatLegend(12, 5);
    // [level, from, to]
    expect(legend.map((l) => [l.level, l.from, l.to])).toEqual([
      [0, 0, 0],
      [1, 5, 6],
      [2, 7, 8],
      [3, 9, 10],
      [4, 11, 12],
    ]);
    for (let n = 5; n <= 12; n++) expect(legend.find((l) => n >= l.from && n <= l.to)?.level, String(n)).toBe(heatLevel(n, 12, 5));
    expect(heatLegend(5, 5)).toEqual([
      { level: 0, from: 0, to: 0 },
      { level: 4, from: 5, to: 5 },
    ]);
    expect(heatLevel(5, 5, 5)).toBe(4);
    // Nothing shown above zero (all hidden or empty): only "none" and the hatching.
    expect(heatLegend(0, 5)).toEqual([{ level: 0, from: 0, to: 0 }]);
    expect(heatLevel(0, 0, 5)).toBe(0);
  });
  test('only all zeros is empty; a hidden small count is not', () => {
    expect(isEmptySeries([0, 0, 0])).toBe(true);
    expect(isEmptySeries([0, '<5', 0])).toBe(false);
    expect(isEmptySeries([])).toBe(true);
  });
});
