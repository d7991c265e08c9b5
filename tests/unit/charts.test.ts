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
    const g = barChart({ labels: ['a', 'b', 'c', 'd'], values: [10, 5, null, 0], width: 440, height: 240, padding: { top: 20, right: 0, bottom: 20, left: 40 } });
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
