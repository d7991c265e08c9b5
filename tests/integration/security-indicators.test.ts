/**
 * Security review, finding 8: hidden small cells must not be recoverable from the percentages next
 * to them. The attacker here sees only the published report (as the dashboard, API and CSV show it)
 * and tries every value a hidden cell could have; a cell is re-identified when only one value fits
 * the table's total and the published shares.
 */
import { describe, expect, test } from 'vitest';
import { IndicatorRecorder } from '../../chat-server/indicators/recorder.ts';
import { MemoryIndicatorStore } from '../../chat-server/indicators/store.ts';
import { buildReport } from '../../chat-server/indicators/report.ts';
import { reportToCsv } from '../../chat-server/indicators/csv.ts';
import { RATINGS, SATISFIED_MIN_RATING, WAIT_BINS, WITHIN_5_MIN, WITHIN_15_MIN } from '../../shared/indicators/counters.ts';
import { shareText } from '../../shared/indicators/labels.ts';
import { MIN_CELL, type Cell, type Share } from '../../shared/indicators/suppression.ts';
import type { Report, Table } from '../../shared/indicators/report-types.ts';
import { defined } from '../support/defined.ts';

function fits(share: Share, part: number, whole: number): boolean {
  const percent = (part / whole) * 100;
  switch (share.kind) {
    case 'exact':
      return Math.round(percent) === share.percent;
    case 'atLeast':
      return percent >= share.percent;
    case 'atMost':
      return percent <= share.percent;
    case 'between':
      return percent >= share.low && percent <= share.high;
    default:
      return true;
  }
}

/** For each hidden ("<5") cell of `table`: every value (0–4) that fits its total and the shares. */
function possibleValues(table: Table, shares: { share: Share; partIds: readonly string[]; whole: number }[]): Map<string, Set<number>> {
  const hidden = table.rows.filter((r) => typeof r.count !== 'number').map((r) => r.id);
  const visible = new Map(table.rows.filter((r) => typeof r.count === 'number').map((r) => [r.id, r.count as number]));
  const total = table.total as number;
  const possible = new Map(hidden.map((id) => [id, new Set<number>()]));
  const values = new Map<string, number>();
  const assign = (i: number) => {
    if (i === hidden.length) {
      const all = new Map([...visible, ...values]);
      if ([...all.values()].reduce((a, b) => a + b, 0) !== total) return;
      for (const { share, partIds, whole } of shares) {
        if (
          !fits(
            share,
            partIds.reduce((a, id) => a + (all.get(id) ?? 0), 0),
            whole,
          )
        )
          return;
      }
      for (const [id, v] of values) possible.get(id)?.add(v);
      return;
    }
    for (let v = 0; v < MIN_CELL; v++) {
      values.set(hidden[i], v);
      assign(i + 1);
    }
    values.delete(hidden[i]);
  };
  assign(0);
  return possible;
}

const reidentified = (possible: Map<string, Set<number>>) => [...possible].filter(([, set]) => set.size === 1).map(([id]) => id);

function setup() {
  const now = Date.parse('2026-03-02T14:00:00+01:00');
  const store = new MemoryIndicatorStore();
  return { store, recorder: new IndicatorRecorder({ store, timeZone: 'Europe/Amsterdam', now: () => now }) };
}
const period = { van: '2026-03-02', tot: '2026-03-02' };
const cellOf = (table: Table, id: string): Cell =>
  defined(
    table.rows.find((r) => r.id === id),
    `the row ${id}`,
  ).count;

describe('finding 8: shares do not give hidden cells away', () => {
  test('"satisfied 100 %": six "heel goed", three "goed", no low ratings', async () => {
    const { store, recorder } = setup();
    for (const score of [5, 5, 5, 5, 5, 5, 4, 4, 4]) recorder.rated(score);
    const report: Report = await buildReport(store, period);
    expect(cellOf(report.ratings, '4')).toBe('<5');
    const satisfied = RATINGS.filter((r) => r >= SATISFIED_MIN_RATING).map(String);
    const possible = possibleValues(report.ratings, [{ share: report.shares.satisfied, partIds: satisfied, whole: 9 }]);
    expect(reidentified(possible)).toEqual([]);
    expect(report.shares.satisfied).not.toEqual({ kind: 'exact', percent: 100 });
    expect(reportToCsv(report)).toContain(shareText(report.shares.satisfied));
  });

  test('"within 5 minutes 52 %": 10 within a minute, 3 within five, 12 within ten', async () => {
    const { store, recorder } = setup();
    for (let i = 0; i < 25; i++) recorder.requested({ topic: 'school', ageBand: '12-18' });
    for (let i = 0; i < 10; i++) recorder.started(30);
    for (let i = 0; i < 3; i++) recorder.started(3 * 60);
    for (let i = 0; i < 12; i++) recorder.started(7 * 60);
    const report: Report = await buildReport(store, period);
    expect(cellOf(report.waiting, '1-5')).toBe('<5');
    const possible = possibleValues(report.waiting, [
      { share: report.shares.within5, partIds: WITHIN_5_MIN, whole: 25 },
      { share: report.shares.within15, partIds: WITHIN_15_MIN, whole: 25 },
    ]);
    expect(possible.size).toBe(WAIT_BINS.ids.length - 2);
    expect(reidentified(possible)).toEqual([]);
    expect(report.shares.within5).not.toEqual({ kind: 'exact', percent: 52 });
  });

  test('a share the visible cells already fix is still given exactly', async () => {
    const { store, recorder } = setup();
    for (let i = 0; i < 20; i++) recorder.requested();
    for (let i = 0; i < 12; i++) recorder.started(30);
    for (let i = 0; i < 8; i++) recorder.started(20 * 60);
    const report: Report = await buildReport(store, period);
    expect(report.shares.within5).toEqual({ kind: 'exact', percent: 60 });
  });
});
