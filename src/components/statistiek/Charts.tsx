/** Accessible SVG charts: role="img" named by a title and described by a desc; the numbers are in the table beside. */
import { barChart, heatLegend, heatLevel, isEmptySeries, percentLine, wrapLabel } from '../../lib/charts.ts';
import { t } from './strings.ts';
import { MIN_CELL, type Cell, type Share } from '../../../shared/indicators/suppression.ts';
import { cellText } from '../../../shared/indicators/labels.ts';

export const cellValue = (cell: Cell): number | null => (typeof cell === 'number' ? cell : null);
/** A bound or hidden share, short enough for a chart. */
const shortShare = (share: Share): string =>
  share.kind === 'hidden'
    ? '×'
    : share.kind === 'none'
      ? '–'
      : share.kind === 'atLeast'
        ? `≥${share.percent}%`
        : share.kind === 'atMost'
          ? `≤${share.percent}%`
          : share.kind === 'between'
            ? `${share.low}–${share.high}%`
            : `${share.percent}%`;

export const shareValue = (share: Share): number | null => (share.kind === 'exact' ? share.percent : null);

interface ChartText {
  id: string;
  title: string;
  desc: string;
}

/** Lines a bar label may take: enough for "Nog aan het wachten of verbinding verbroken" under a narrow bar. */
const LABEL_LINES = 4;
const LABEL_LINE_HEIGHT = 15;
const PLOT_HEIGHT = 204;
const BAR_PADDING = { top: 12, right: 8, left: 44 };

export function BarChartSvg({ id, title, desc, labels, cells, shortLabels }: ChartText & { labels: string[]; cells: Cell[]; shortLabels?: string[] }) {
  const width = 560;
  const every = Math.max(1, Math.ceil(labels.length / 14));
  // Characters that fit in one bar's slot at the chart's font size (about 7 units a character).
  const perLine = Math.max(4, Math.floor((width - BAR_PADDING.left - BAR_PADDING.right) / Math.max(1, labels.length) / 7));
  // Labels wrap between words; the chart grows to fit the longest, so none is cut off.
  const lines = (shortLabels ?? labels).map((label) => wrapLabel(label, perLine * every, LABEL_LINES));
  const bottom = 26 + LABEL_LINE_HEIGHT * Math.max(1, ...lines.map((l) => l.length));
  const height = PLOT_HEIGHT + bottom;
  const g = barChart({ labels, values: cells.map(cellValue), width, height, padding: { ...BAR_PADDING, bottom } });
  const empty = isEmptySeries(cells);
  return (
    <svg class="chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-t ${id}-d`}>
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{empty ? `${desc} ${t('statistiek.empty')}` : desc}</desc>
      {empty && <EmptyText width={width} y={height / 2 - 20} />}
      {g.ticks.map((tick) => (
        <g key={tick.value} aria-hidden="true">
          <line class="chart__grid" x1={g.plot.left} x2={g.plot.right} y1={tick.y} y2={tick.y} />
          <text class="chart__tick" x={g.plot.left - 6} y={tick.y + 4} text-anchor="end">
            {tick.value}
          </text>
        </g>
      ))}
      {g.bars.map((bar, i) => (
        <g key={bar.label} aria-hidden="true">
          {bar.value === null ? (
            <text class="chart__hidden" x={bar.x + bar.width / 2} y={g.baseline - 4} text-anchor="middle">
              {cellText(cells[i])}
            </text>
          ) : (
            <rect class="chart__bar" x={bar.x} y={bar.y} width={bar.width} height={bar.height} />
          )}
          {i % every === 0 && (
            <text class="chart__label" x={bar.x + bar.width / 2} y={g.baseline + 16} text-anchor="middle">
              <title>{labels[i]}</title>
              {(lines[i] ?? []).map((line, n) => (
                <tspan key={n} x={bar.x + bar.width / 2} dy={n === 0 ? 0 : LABEL_LINE_HEIGHT}>
                  {line}
                </tspan>
              ))}
            </text>
          )}
        </g>
      ))}
      <line class="chart__axis" x1={g.plot.left} x2={g.plot.right} y1={g.baseline} y2={g.baseline} aria-hidden="true" />
    </svg>
  );
}

export function LineChartSvg({ id, title, desc, labels, shares, shortLabels }: ChartText & { labels: string[]; shares: Share[]; shortLabels: string[] }) {
  const width = 560;
  const height = 240;
  const line = percentLine(labels, shares.map(shareValue), width, height, { top: 12, right: 16, bottom: 40, left: 48 });
  const empty = shares.every((share) => share.kind === 'none');
  return (
    <svg class="chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-t ${id}-d`}>
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{empty ? `${desc} ${t('statistiek.empty')}` : desc}</desc>
      {empty && <EmptyText width={width} y={height / 2 - 20} />}
      {line.ticks.map((tick) => (
        <g key={tick.value} aria-hidden="true">
          <line class="chart__grid" x1={48} x2={width - 16} y1={tick.y} y2={tick.y} />
          <text class="chart__tick" x={42} y={tick.y + 4} text-anchor="end">
            {tick.value}%
          </text>
        </g>
      ))}
      <path class="chart__line" d={line.path} aria-hidden="true" />
      {line.points.map((p, i) => (
        <g key={p.label} aria-hidden="true">
          {p.y === null ? (
            <text class="chart__hidden" x={p.x} y={height - 44} text-anchor="middle">
              {shortShare(shares[i])}
            </text>
          ) : (
            <circle class="chart__point" cx={p.x} cy={p.y} r={4} />
          )}
          <text class="chart__label" x={p.x} y={height - 22} text-anchor="middle">
            {shortLabels[i]}
          </text>
        </g>
      ))}
    </svg>
  );
}

function EmptyText({ width, y }: { width: number; y: number }) {
  return (
    <text class="chart__empty" x={width / 2} y={y} text-anchor="middle" aria-hidden="true">
      {t('statistiek.empty')}
    </text>
  );
}

/** Weekday × hour. Hidden cells are hatched; the legend below says what each shade counts. */
export function HeatMapSvg({ id, title, desc, rows, rowLabels }: ChartText & { rows: Cell[][]; rowLabels: string[] }) {
  const cellW = 22;
  const cellH = 22;
  const left = 96;
  const top = 22;
  const values = rows.flat().map(cellValue);
  const max = Math.max(0, ...values.map((v) => v ?? 0));
  const empty = isEmptySeries(rows.flat());
  const width = left + 24 * cellW + 4;
  return (
    <figure class="chart-figure">
      <svg class="chart chart--heat" viewBox={`0 0 ${width} ${top + rows.length * cellH + 4}`} role="img" aria-labelledby={`${id}-t ${id}-d`}>
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{empty ? `${desc} ${t('statistiek.empty')}` : desc}</desc>
        <defs>
          <pattern id={`${id}-hatch`} width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <line x1="0" y1="0" x2="0" y2="4" class="chart__hatch" />
          </pattern>
        </defs>
        {Array.from({ length: 24 }, (_, h) =>
          h % 3 === 0 ? (
            <text key={`h${h}`} class="chart__tick" x={left + h * cellW + cellW / 2} y={14} text-anchor="middle" aria-hidden="true">
              {h}
            </text>
          ) : null,
        )}
        {rows.map((row, d) => (
          <g key={d} aria-hidden="true">
            <text class="chart__label" x={left - 6} y={top + d * cellH + 15} text-anchor="end">
              {rowLabels[d]}
            </text>
            {row.map((cell, h) => {
              const level = heatLevel(cellValue(cell), max, MIN_CELL);
              return (
                <rect
                  key={h}
                  x={left + h * cellW + 1}
                  y={top + d * cellH + 1}
                  width={cellW - 2}
                  height={cellH - 2}
                  class={level === null ? 'chart__heat chart__heat--hidden' : `chart__heat chart__heat--${level}`}
                  fill={level === null ? `url(#${id}-hatch)` : undefined}
                />
              );
            })}
          </g>
        ))}
        {empty && <EmptyText width={width} y={top + (rows.length * cellH) / 2 + 6} />}
      </svg>
      <figcaption class="chart-legend">
        <span class="chart-legend__title">{t('statistiek.legend.title')}</span>
        <ul>
          {heatLegend(max, MIN_CELL).map((l) => (
            <li key={l.level}>
              <svg class="chart-legend__swatch" viewBox="0 0 16 16" aria-hidden="true">
                <rect class={`chart__heat chart__heat--${l.level}`} x="1" y="1" width="14" height="14" />
              </svg>
              {l.level === 0 ? t('statistiek.legend.none') : l.from === l.to ? String(l.from) : t('statistiek.legend.range', { from: l.from, to: l.to })}
            </li>
          ))}
          <li>
            <svg class="chart-legend__swatch" viewBox="0 0 16 16" aria-hidden="true">
              <defs>
                <pattern id={`${id}-legend-hatch`} width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                  <line x1="0" y1="0" x2="0" y2="4" class="chart__hatch" />
                </pattern>
              </defs>
              <rect class="chart__heat chart__heat--hidden" x="1" y="1" width="14" height="14" fill={`url(#${id}-legend-hatch)`} />
            </svg>
            {t('statistiek.legend.hidden')}
          </li>
        </ul>
      </figcaption>
    </figure>
  );
}
