import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createIndicatorsHttp } from '../../chat-server/indicators/http.ts';
import { IndicatorRecorder } from '../../chat-server/indicators/recorder.ts';
import { MemoryIndicatorStore } from '../../chat-server/indicators/store.ts';
import { jsonObject } from '../support/json.ts';

const dist = mkdtempSync(join(tmpdir(), 'cjg-dist-'));
mkdirSync(join(dist, 'ouders', 'pesten'), { recursive: true });
writeFileSync(join(dist, 'ouders', 'pesten', 'index.html'), '<h1>Pesten</h1>');

const store = new MemoryIndicatorStore();
const recorder = new IndicatorRecorder({ store, timeZone: 'Europe/Amsterdam', now: () => Date.parse('2026-03-02T10:00:00+01:00') });
const roles: Record<string, string> = { 'token-supervisor': 'supervisor', 'token-counsellor': 'counsellor' };
const handle = createIndicatorsHttp({
  recorder,
  distDir: dist,
  checkStaff: async (req) => {
    const token = /^Bearer (.+)$/.exec(req.headers['authorization'] ?? '')?.[1];
    return token && roles[token] ? { role: roles[token] } : null;
  },
  feedbackLimit: { burst: 3, perSecond: 0 },
});
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    void handle(req, res).then((handled) => {
      if (!handled) {
        res.statusCode = 404;
        res.end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const post = (body: string, headers: Record<string, string> = {}) =>
  fetch(`${base}/api/feedback`, {
    method: 'POST',
    body,
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
  });

describe('POST /api/feedback', () => {
  test('a form post counts the answer and redirects back to the thanks', async () => {
    const res = await post('pagina=%2Fouders%2Fpesten%2F&nuttig=ja', { 'Sec-Fetch-Site': 'same-origin', Origin: 'null' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/ouders/pesten/?feedback=bedankt#feedback-bedankt');
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(store.buckets.get('2026-03-02')).toEqual({ 'feedback:ja:/ouders/pesten/': 1 });
  });

  test('a fetch gets 204', async () => {
    const res = await post('pagina=/ouders/pesten/&nuttig=nee', { Accept: 'application/json' });
    expect(res.status).toBe(204);
    expect(store.buckets.get('2026-03-02')).toMatchObject({ 'feedback:nee:/ouders/pesten/': 1 });
  });

  test('pages that do not exist, bad answers, other sites and oversized bodies count nothing', async () => {
    const before = JSON.stringify([...store.buckets]);
    for (const [body, headers] of [
      ['pagina=/ouders/bestaat-niet/&nuttig=ja', {}],
      ['pagina=/../etc/passwd&nuttig=ja', {}],
      ['pagina=/ouders/pesten/&nuttig=misschien', {}],
      ['pagina=/ouders/pesten/&nuttig=ja', { 'Sec-Fetch-Site': 'cross-site' }],
      [`pagina=/ouders/pesten/&nuttig=ja&x=${'a'.repeat(2000)}`, {}],
    ] as const) {
      const res = await post(body, headers);
      expect(res.status, body.slice(0, 40)).toBeGreaterThanOrEqual(400);
      expect(await res.text()).toMatch(/Kies ja of nee/);
    }
    expect(JSON.stringify([...store.buckets])).toBe(before);
  });

  test('a flood is capped site-wide', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await post('pagina=/ouders/pesten/&nuttig=ja', { Accept: 'application/json' })).status);
    expect(statuses).toContain(429);
  });
});

describe('GET /api/medewerkers/statistiek', () => {
  const get = (path: string, token?: string) => fetch(`${base}${path}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });

  test('without login: 401 in Dutch; as counsellor: 403 "Geen toegang"', async () => {
    const anonymous = await get('/api/medewerkers/statistiek?van=2026-03-01&tot=2026-03-31');
    expect(anonymous.status).toBe(401);
    expect((await jsonObject(anonymous)).message).toMatch(/niet ingelogd/);
    const counsellor = await get('/api/medewerkers/statistiek?van=2026-03-01&tot=2026-03-31', 'token-counsellor');
    expect(counsellor.status).toBe(403);
    expect((await jsonObject(counsellor)).message).toMatch(/^Geen toegang/);
  });

  test('a supervisor gets the report and the CSV; a bad period is explained', async () => {
    const json = await get('/api/medewerkers/statistiek?van=2026-03-01&tot=2026-03-31', 'token-supervisor');
    expect(json.status).toBe(200);
    expect((await jsonObject(json)).period).toEqual({ van: '2026-03-01', tot: '2026-03-31', days: 31 });
    const csv = await get('/api/medewerkers/statistiek.csv?van=2026-03-01&tot=2026-03-31', 'token-supervisor');
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toContain('cjg-chat-cijfers-2026-03-01-2026-03-31.csv');
    expect(await csv.text()).toContain('Periode;van;2026-03-01');
    const bad = await get('/api/medewerkers/statistiek?van=2026-03-31&tot=2026-03-01', 'token-supervisor');
    expect(bad.status).toBe(400);
    expect((await jsonObject(bad)).message).toBe('De begindatum moet voor de einddatum liggen.');
  });
});
