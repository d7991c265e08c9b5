/**
 * Geometry for the dashboard's SVG charts: pure functions from figures to shapes, so they can be
 * unit-tested and rendered by any component. A hidden figure ("<5", "×") is `null`: it gets no
 * bar or point, only a marker, because drawing it at any height would claim a number we do not show.
 */

export interface BarChartInput {
  labels: readonly string[];
  values: readonly (number | null)[];
  width: number;
  height: number;
  /** Room for axis labels. */
  padding?: { top: number; right: number; bottom: number; left: number };
}

export interface Bar {
  label: string;
  x: number;
  y: number;
  width: number;
  height: number;
  value: number | null;
}

export interface Tick {
  value: number;
  y: number;
}

export interface BarChartGeometry {
  bars: Bar[];
  ticks: Tick[];
  baseline: number;
  plot: { left: number; right: number; top: number; bottom: number };
}

const DEFAULT_PADDING = { top: 12, right: 8, bottom: 40, left: 40 };

/** The smallest "nice" number (1, 2, 5 × 10^n) at or above n; at least 5, the smallest shown count. */
export function niceMax(n: number): number {
  const target = Math.max(5, n);
  const magnitude = 10 ** Math.floor(Math.log10(target));
  for (const step of [1, 2, 5, 10]) if (step * magnitude >= target) return step * magnitude;
  return 10 * magnitude;
}

/** Whole-number ticks from 0 to max in a 1-2-5 step, at most `count` intervals. */
export function tickValues(max: number, count = 5): number[] {
  const magnitude = 10 ** Math.floor(Math.log10(Math.max(1, max / count)));
  const step = [1, 2, 5, 10].map((s) => s * magnitude).find((s) => max / s <= count) ?? max;
  const values: number[] = [];
  for (let v = 0; v <= max; v += step) values.push(v);
  return values;
}

export function barChart({ labels, values, width, height, padding = DEFAULT_PADDING }: BarChartInput): BarChartGeometry {
  const plot = { left: padding.left, right: width - padding.right, top: padding.top, bottom: height - padding.bottom };
  const max = niceMax(Math.max(0, ...values.map((v) => v ?? 0)));
  const scale = (v: number) => plot.bottom - ((plot.bottom - plot.top) * v) / max;
  const slot = (plot.right - plot.left) / Math.max(1, labels.length);
  const barWidth = Math.max(1, slot * 0.7);
  const bars = labels.map((label, i) => {
    const value = values[i] ?? null;
    const y = value === null ? plot.bottom : scale(value);
    return { label, value, x: plot.left + i * slot + (slot - barWidth) / 2, y, width: barWidth, height: plot.bottom - y };
  });
  return { bars, ticks: tickValues(max).map((value) => ({ value, y: scale(value) })), baseline: plot.bottom, plot };
}

export interface LinePoint {
  label: string;
  x: number;
  y: number | null;
  value: number | null;
}

/** Points of a 0–100% line; a hidden value leaves a gap. */
export function percentLine(
  labels: readonly string[],
  values: readonly (number | null)[],
  width: number,
  height: number,
  padding = DEFAULT_PADDING,
): { points: LinePoint[]; path: string; ticks: Tick[] } {
  const top = padding.top;
  const bottom = height - padding.bottom;
  const left = padding.left;
  const right = width - padding.right;
  const step = labels.length > 1 ? (right - left) / (labels.length - 1) : 0;
  const scale = (v: number) => bottom - ((bottom - top) * v) / 100;
  const points = labels.map((label, i) => {
    const value = values[i] ?? null;
    return { label, value, x: labels.length > 1 ? left + i * step : (left + right) / 2, y: value === null ? null : scale(value) };
  });
  let path = '';
  let pen = false;
  for (const p of points) {
    if (p.y === null) {
      pen = false;
      continue;
    }
    path += `${pen ? 'L' : 'M'}${round(p.x)} ${round(p.y)} `;
    pen = true;
  }
  return { points, path: path.trim(), ticks: [0, 25, 50, 75, 100].map((value) => ({ value, y: scale(value) })) };
}

/**
 * Shade step 0–4 of a heat-map cell (0 = none); hidden cells are `null` and drawn hatched.
 * `min` is the smallest count ever shown (with small-cell protection, MIN_CELL): the shades share out
 * `min`…`max`, so no shade stands for counts that are never displayed.
 */
export function heatLevel(value: number | null, max: number, min = 1): number | null {
  if (value === null) return null;
  if (value <= 0 || max < min) return 0;
  return Math.min(4, Math.max(1, Math.ceil(((value - min + 1) / (max - min + 1)) * 4)));
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/**
 * A chart label in at most `maxLines` lines of about `maxChars`, broken between words, so labels are
 * never cut off by their neighbours. A word longer than a line, or text beyond the last line, ends
 * in "…"; the full label stays in the label's tooltip and in the table beside the chart.
 */
export function wrapLabel(label: string, maxChars = 12, maxLines = 2): string[] {
  const fit = (text: string) => (text.length > maxChars ? `${text.slice(0, maxChars - 1)}…` : text);
  const lines: string[] = [];
  for (const word of label.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && `${last} ${word}`.length <= maxChars) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(fit(word));
  }
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const tail = kept[maxLines - 1];
  kept[maxLines - 1] = tail.endsWith('…') ? tail : `${tail.slice(0, maxChars - 1)}…`;
  return kept;
}

/** The heat map's legend: which counts each shade stands for, given the largest and smallest count shown (see heatLevel). */
export function heatLegend(max: number, min = 1): { level: number; from: number; to: number }[] {
  const legend = [{ level: 0, from: 0, to: 0 }];
  if (max < min) return legend;
  const span = max - min + 1;
  for (let level = 1; level <= 4; level++) {
    const from = Math.floor((span * (level - 1)) / 4) + min;
    const to = Math.floor((span * level) / 4) + min - 1;
    if (from <= to) legend.push({ level, from, to });
  }
  return legend;
}

/** True when a series has nothing to draw: every value is zero (suppressed small counts are something). */
export function isEmptySeries(values: readonly (number | string)[]): boolean {
  return values.every((v) => v === 0);
}
