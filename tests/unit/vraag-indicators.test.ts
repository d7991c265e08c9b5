import { describe, expect, test } from 'vitest';
import { questionIndicators } from '../../chat-server/questions/indicators.ts';
import { reportToCsv } from '../../chat-server/indicators/csv.ts';
import { buildReport } from '../../chat-server/indicators/report.ts';
import { MemoryIndicatorStore } from '../../chat-server/indicators/store.ts';
import { isKnownCounter } from '../../shared/indicators/counters.ts';
import { hoursLabel } from '../../shared/indicators/labels.ts';

const TZ = 'Europe/Amsterdam';
const monday = Date.UTC(2026, 11, 7, 9);
const H = 3_600_000;

describe('question figures', () => {
  test('are counted in the hour asked, with small cells protected, and go into the CSV', async () => {
    const store = new MemoryIndicatorStore();
    const q = questionIndicators(store, TZ);
    for (let i = 0; i < 12; i++) q.asked(monday, false);
    q.asked(monday + H, true);
    for (let i = 0; i < 9; i++) q.answered(monday, monday + 20 * H, true);
    q.answered(monday, monday + 100 * H, false);
    q.expired(monday);
    q.deleted(monday);
    q.flagged(monday);
    await new Promise((r) => setTimeout(r, 0));
    for (const counts of store.buckets.values()) for (const name of Object.keys(counts)) expect(isKnownCounter(name)).toBe(true);
    expect([...store.buckets.keys()]).toEqual(['2026-12-07T10', '2026-12-07T11']);

    const report = await buildReport(store, { van: '2026-12-07', tot: '2026-12-07' });
    expect(report.questions).toMatchObject({ asked: 12, followUps: '<5', answered: 10, expired: '<5', deleted: '<5', flagged: '<5' });
    // 9 of 13 (questions + follow-ups) in time; the 4 not in time is a small count, so the share is a bound.
    expect(report.questions.inTime.kind).not.toBe('exact');
    const rows = Object.fromEntries(report.questions.answerTime.rows.map((r) => [r.id, r.count]));
    expect(rows['4-24h']).toBe(9);
    expect(rows['72-120h']).not.toBe(1); // a lone 1 is never shown
    const csv = reportToCsv(report);
    expect(csv).toContain('Stel je vraag;Vragen gesteld;12');
    expect(csv).toContain('Hoe snel kwam het antwoord?;4 tot 24 uur;9');
    expect(hoursLabel('0-4h')).toBe('minder dan 4 uur');
    expect(hoursLabel('120h+')).toBe('meer dan 120 uur');
  });
});
