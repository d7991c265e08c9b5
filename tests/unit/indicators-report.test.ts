import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { IndicatorRecorder } from '../../chat-server/indicators/recorder.ts';
import { MemoryIndicatorStore } from '../../chat-server/indicators/store.ts';
import { FileIndicatorStore } from '../../chat-server/indicators/file-store.ts';
import { buildReport, parsePeriod } from '../../chat-server/indicators/report.ts';
import { reportToCsv } from '../../chat-server/indicators/csv.ts';
import { csvField as sharedCsvField } from '../../shared/csv.ts';

const csvField = (value: string) => sharedCsvField(value, ';');
import { HIDDEN, SMALL } from '../../shared/indicators/suppression.ts';

const TZ = 'Europe/Amsterdam';
const WEEK = { van: '2026-03-02', tot: '2026-03-08' };
const repeat = (times: number, action: () => void) => {
  for (let i = 0; i < times; i++) action();
};
/** Monday 2 March 2026, 14:10: so many requests, and so many of them answered within a minute. */
function onMonday(counts: { requested: number; started: number }) {
  const run = setup();
  run.at('2026-03-02T14:10:00+01:00');
  repeat(counts.requested, () => run.recorder.requested());
  repeat(counts.started, () => run.recorder.started(30));
  return run;
}

function setup(start = '2026-03-02T14:00:00+01:00') {
  let now = Date.parse(start);
  const store = new MemoryIndicatorStore();
  const recorder = new IndicatorRecorder({ store, timeZone: TZ, now: () => now });
  return {
    store,
    recorder,
    at: (iso: string) => (now = Date.parse(iso)),
    advance: (seconds: number) => (now += seconds * 1000),
  };
}

describe('IndicatorRecorder', () => {
  test('counts only closed-vocabulary counters per local hour', async () => {
    const { store, recorder } = setup();
    recorder.requested({ topic: 'school', ageBand: '12-18' });
    recorder.requested({ topic: 'iets-anders-<script>', ageBand: undefined });
    recorder.rated(5);
    recorder.rated(9);
    expect([...store.buckets.keys()]).toEqual(['2026-03-02T14']);
    expect(store.buckets.get('2026-03-02T14')).toEqual({
      requested: 2,
      'topic:school': 1,
      'topic:geen': 1,
      'ageBand:12-18': 1,
      'ageBand:geen': 1,
      'rating:5': 1,
    });
  });

  test('an answer is counted in the hour the young person asked, with its waiting bin', async () => {
    const { store, recorder, at } = setup();
    at('2026-03-02T14:58:00+01:00');
    recorder.requested();
    at('2026-03-02T15:04:00+01:00');
    recorder.started(6 * 60);
    expect(store.buckets.get('2026-03-02T14')).toMatchObject({ requested: 1, started: 1, 'wait:5-10': 1 });
    expect(store.buckets.has('2026-03-02T15')).toBe(false);
  });

  test('page feedback is kept per day, not per hour', () => {
    const { store, recorder } = setup();
    recorder.pageFeedback('/ouders/pesten/', 'ja');
    expect(store.buckets.get('2026-03-02')).toEqual({ 'feedback:ja:/ouders/pesten/': 1 });
  });

  test('retention drops buckets older than the configured number of days', async () => {
    let now = Date.parse('2026-01-01T12:00:00+01:00');
    const store = new MemoryIndicatorStore();
    const recorder = new IndicatorRecorder({ store, timeZone: TZ, now: () => now, retentionDays: 30 });
    recorder.requested();
    now = Date.parse('2026-01-31T12:00:00+01:00');
    recorder.requested();
    await recorder.prune();
    expect([...store.buckets.keys()]).toEqual(['2026-01-01T12', '2026-01-31T12']);
    now = Date.parse('2026-02-01T12:00:00+01:00');
    await recorder.prune();
    expect([...store.buckets.keys()]).toEqual(['2026-01-31T12']);
  });
});

describe('report of a period', () => {
  test('rejects bad periods with a reason', () => {
    expect(parsePeriod('2026-03-01', '2026-03-31')).toEqual({ van: '2026-03-01', tot: '2026-03-31' });
    expect(parsePeriod('2026-03-31', '2026-03-01')).toBe('order');
    expect(parsePeriod('2026-02-30', '2026-03-01')).toBe('format');
    expect(parsePeriod(null, '2026-03-01')).toBe('format');
    expect(parsePeriod('2024-01-01', '2026-03-01')).toBe('length');
  });

  test('aggregates a scripted week exactly, with protection applied', async () => {
    const { store, recorder, at } = setup();
    // Monday 2 March 2026, 14:xx: 12 requests; 9 answered (6 within a minute, 3 after 7 minutes),
    // 2 gave up after 3 minutes, 1 still waiting. 1 turned away at 22:00 (closed).
    at('2026-03-02T14:10:00+01:00');
    for (let i = 0; i < 12; i++) recorder.requested({ topic: i < 7 ? 'school' : 'problemen', ageBand: '12-18' });
    at('2026-03-02T14:40:00+01:00');
    for (let i = 0; i < 6; i++) recorder.started(30);
    for (let i = 0; i < 3; i++) recorder.started(7 * 60);
    recorder.abandoned(180);
    recorder.abandoned(200);
    at('2026-03-02T15:30:00+01:00');
    for (let i = 0; i < 9; i++) recorder.ended(20 * 60);
    for (const score of [5, 5, 4, 4, 4, 3, 5]) recorder.rated(score);
    recorder.flagged();
    at('2026-03-02T22:00:00+01:00');
    recorder.turnedAway('closed', { topic: 'school' });
    // Outside the period: must not count.
    at('2026-03-09T14:00:00+01:00');
    recorder.requested();

    const report = await buildReport(store, { van: '2026-03-02', tot: '2026-03-08' });
    expect(report.period.days).toBe(7);
    expect(report.totals).toEqual({
      requested: 13,
      started: 9,
      abandoned: SMALL,
      turnedAway: SMALL,
      ended: 9,
      ratings: 7,
      quickExits: 0,
      flagged: SMALL,
      transferred: 0,
    });
    // 9 of 13 answered: the outcome table shows both, so the share is exact.
    expect(report.shares.answered).toEqual({ kind: 'exact', percent: 69 });
    // 6 in the first bin, the "1-5" bin hidden: an exact 46 % would show that it is 0.
    expect(report.shares.within5).toEqual({ kind: 'between', low: 46, high: 70 });
    expect(report.shares.within15).toEqual({ kind: 'between', low: 46, high: 70 });
    // Every rating cell is hidden: the table allows anything from 0 to 100 %, so no share is given.
    expect(report.shares.satisfied).toEqual({ kind: 'hidden' });
    // started 9, abandoned 2, closed 1, busy 0, unknown 1 → total 13.
    expect(report.outcomes.rows.map((r) => r.count)).toEqual([9, SMALL, SMALL, SMALL, SMALL]);
    expect(report.outcomes.total).toBe(13);
    expect(report.perDay.requested).toEqual([13, 0, 0, 0, 0, 0, 0]);
    expect(report.perHourOfWeek[0][14]).toBe(12);
    expect(report.perHourOfWeek[0][22]).toBe(SMALL);
    expect(report.perHourOfWeek[1][14]).toBe(SMALL); // a zero, hidden because the table has a small count
    expect(report.waiting.rows).toEqual([
      { id: '0-1', count: 6 },
      { id: '1-5', count: SMALL },
      { id: '5-10', count: SMALL },
      { id: '10-15', count: SMALL },
      { id: '15-30', count: SMALL },
      { id: '30+', count: SMALL },
    ]);
    expect(report.duration.rows.find((r) => r.id === '15-30')?.count).toBe(9);
    // school 8 (7 + turned away), problemen 5, rest 0: no small counts, so zeros are shown.
    expect(report.topics.rows.filter((r) => r.count !== 0)).toEqual([
      { id: 'problemen', count: 5 },
      { id: 'school', count: 8 },
    ]);
    // 12-18: 12, geen: 1 (turned away without age) → lone small count hidden with its partner.
    expect(report.ageBands.rows).toEqual([
      { id: '4-12', count: SMALL },
      { id: '12-18', count: 12 },
      { id: '18-23', count: SMALL },
      { id: 'geen', count: SMALL },
    ]);
    expect(report.ratings.rows.map((r) => r.count)).toEqual([SMALL, SMALL, SMALL, SMALL, SMALL]);
  });

  test('a lone small count next to large ones is hidden together with the smallest other cell', async () => {
    const { store, recorder } = setup();
    for (let i = 0; i < 30; i++) recorder.started(10);
    for (let i = 0; i < 6; i++) recorder.started(120);
    for (let i = 0; i < 7; i++) recorder.started(400);
    for (let i = 0; i < 8; i++) recorder.started(700);
    for (let i = 0; i < 9; i++) recorder.started(1000);
    recorder.started(5000);
    const report = await buildReport(store, { van: '2026-03-02', tot: '2026-03-02' });
    expect(report.waiting.rows.map((r) => r.count)).toEqual([30, HIDDEN, 7, 8, 9, HIDDEN]);
    expect(report.waiting.total).toBe(61);
  });

  test('headline figures say what the outcomes table says: never 0 above a row shown as "<5" (suppression rule 5)', async () => {
    // 10 requests, 7 answered, 3 still waiting; nobody gave up or was turned away. The 3 makes the
    // table hide its zeros, so the summary must not publish them either.
    const { store } = onMonday({ requested: 10, started: 7 });
    const report = await buildReport(store, WEEK);
    expect(report.outcomes.rows.map((r) => r.count)).toEqual([7, SMALL, SMALL, SMALL, SMALL]);
    expect(report.totals).toMatchObject({ requested: 10, started: 7, abandoned: SMALL, turnedAway: SMALL });
    const row = (id: string) => report.outcomes.rows.find((r) => r.id === id)?.count;
    expect(report.totals.abandoned).toBe(row('abandoned'));
    expect(report.totals.started).toBe(row('started'));
  });

  test('turned away sums two rows: "×" when the table does not already cap it below 5', async () => {
    const { store, recorder } = onMonday({ requested: 20, started: 10 });
    repeat(3, () => recorder.turnedAway('closed'));
    repeat(3, () => recorder.turnedAway('busy'));
    const report = await buildReport(store, WEEK);
    // started 10, abandoned 0, closed 3, busy 3, unknown 10 (turned-away requests are counted too: 26 in all).
    expect(report.outcomes.rows.map((r) => r.count)).toEqual([10, SMALL, SMALL, SMALL, 10]);
    // 6 in truth; the table only says abandoned + closed + busy is 6, so "<5" would be false and 6 would show abandoned = 0.
    expect(report.totals.turnedAway).toBe(HIDDEN);
    expect(report.totals.abandoned).toBe(SMALL);
  });

  test('a day without requests shows 0 chats too, and the other days are protected among themselves (rule 6)', async () => {
    const { store, recorder, at } = onMonday({ requested: 6, started: 3 });
    let report = await buildReport(store, WEEK);
    // Before: "Aanvragen 0 / Gesprekken <5" on the empty days.
    expect(report.perDay.requested).toEqual([6, 0, 0, 0, 0, 0, 0]);
    expect(report.perDay.started).toEqual([SMALL, 0, 0, 0, 0, 0, 0]);

    at('2026-03-03T14:10:00+01:00');
    repeat(6, () => recorder.requested());
    repeat(6, () => recorder.started(30));
    report = await buildReport(store, WEEK);
    // Two days with chats, one of them small: hidden in pairs, since the total (9) would give the 3 away.
    expect(report.perDay.started).toEqual([HIDDEN, HIDDEN, 0, 0, 0, 0, 0]);
    for (const [i, cell] of report.perDay.requested.entries()) if (cell === 0) expect(report.perDay.started[i]).toBe(0);
  });

  test('page feedback per page, protected', async () => {
    const { store, recorder } = setup();
    for (let i = 0; i < 7; i++) recorder.pageFeedback('/ouders/pesten/', 'ja');
    for (let i = 0; i < 5; i++) recorder.pageFeedback('/ouders/pesten/', 'nee');
    recorder.pageFeedback('/jongeren/alcohol/', 'nee');
    const report = await buildReport(store, { van: '2026-03-01', tot: '2026-03-31' });
    expect(report.feedback).toEqual([
      { page: '/ouders/pesten/', ja: 7, nee: 5, useful: { kind: 'exact', percent: 58 } },
      { page: '/jongeren/alcohol/', ja: SMALL, nee: SMALL, useful: { kind: 'hidden' } },
    ]);
  });
});

describe('page feedback order', () => {
  test('pages with the most answers (yes and no together) come first; equal ones in path order', async () => {
    const { store, recorder } = setup();
    const give = (page: string, ja: number, nee: number) => {
      for (let i = 0; i < ja; i++) recorder.pageFeedback(page, 'ja');
      for (let i = 0; i < nee; i++) recorder.pageFeedback(page, 'nee');
    };
    give('/ouders/broers-en-zussen/', 6, 0);
    give('/ouders/slapen/', 2, 8);
    give('/jongeren/alcohol/', 0, 6);
    give('/jongeren/pesten/', 9, 0);
    give('/ouders/eten/', 3, 3);
    const report = await buildReport(store, { van: '2026-03-01', tot: '2026-03-31' });
    expect(report.feedback.map((f) => f.page)).toEqual([
      '/ouders/slapen/',
      '/jongeren/pesten/',
      '/jongeren/alcohol/',
      '/ouders/broers-en-zussen/',
      '/ouders/eten/',
    ]);
  });
});

describe('CSV', () => {
  test('quotes separators and defuses spreadsheet formulas', () => {
    expect(csvField('gewoon')).toBe('gewoon');
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('zei "hoi"')).toBe('"zei ""hoi"""');
    expect(csvField('=SUM(A1)')).toBe(`"'=SUM(A1)"`);
  });

  test('holds the protected figures, one per line, for Dutch Excel', async () => {
    const { store, recorder } = setup();
    for (let i = 0; i < 6; i++) recorder.requested({ topic: 'school' });
    recorder.requested({ topic: 'veiligheid' });
    const csv = reportToCsv(await buildReport(store, { van: '2026-03-01', tot: '2026-03-31' }));
    expect(csv.startsWith('\uFEFFOnderdeel;Categorie;Waarde\r\n')).toBe(true);
    const lines = csv.slice(1).trim().split('\r\n');
    expect(lines).toContain('Periode;van;2026-03-01');
    expect(lines).toContain('In het kort;Jongeren die wilden chatten;7');
    expect(lines).toContain('Onderwerpen;School;6');
    expect(lines).toContain('Onderwerpen;Veiligheid;<5');
    expect(lines).toContain('Onderwerpen;Totaal;7');
    expect(lines).toContain('Aanvragen per uur van de week;maandag 14:00;7');
    expect(lines.every((line) => line.split(';').length === 3 || line.includes('"'))).toBe(true);
    expect(csv).not.toMatch(/;[1-4]\r\n/);
  });
});

describe('FileIndicatorStore', () => {
  test('writes atomically, survives a restart, and holds nothing but hour buckets of counts', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cjg-indicators-'));
    const store = new FileIndicatorStore({ dataDir, debounceMs: 10 });
    await store.merge('2026-03-02T14', { requested: 2, 'topic:school': 2 });
    await store.merge('2026-03-02T14', { requested: 1 });
    await store.close();
    expect(readdirSync(dataDir)).toEqual(['indicators.json']);
    const saved: unknown = JSON.parse(readFileSync(join(dataDir, 'indicators.json'), 'utf8'));
    expect(saved).toEqual({ version: 1, buckets: { '2026-03-02T14': { requested: 3, 'topic:school': 2 } } });

    const again = new FileIndicatorStore({ dataDir });
    expect((await again.get('2026-03-02', '2026-03-03')).get('2026-03-02T14')).toEqual({ requested: 3, 'topic:school': 2 });
  });

  test('drops unknown counters and keys on load, and moves an unreadable file aside', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cjg-indicators-'));
    const file = join(dataDir, 'indicators.json');
    writeFileSync(file, JSON.stringify({ version: 1, buckets: { '2026-03-02T14': { requested: 2, 'token:abc': 1 }, 'sessie-x': { requested: 1 } } }));
    const store = new FileIndicatorStore({ dataDir });
    expect([...(await store.get('2026', '2027')).entries()]).toEqual([['2026-03-02T14', { requested: 2 }]]);

    writeFileSync(file, '{kapot');
    const fresh = new FileIndicatorStore({ dataDir });
    expect((await fresh.get('2026', '2027')).size).toBe(0);
    expect(readdirSync(dataDir).some((name) => name.startsWith('indicators.json.onleesbaar-'))).toBe(true);
  });
});
