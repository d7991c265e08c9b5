/**
 * Security review, finding 11: exports and links. Formula injection in the sociale-kaart CSV, script
 * URLs in content, forged figures in Redis, one page-feedback budget for the whole site, and a
 * request line that made the static server answer `Location: //other-host`.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from 'redis';
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { createIndicatorsHttp } from '../../chat-server/indicators/http.ts';
import { IndicatorRecorder } from '../../chat-server/indicators/recorder.ts';
import { MemoryIndicatorStore } from '../../chat-server/indicators/store.ts';
import { RedisIndicatorStore } from '../../chat-server/redis/indicator-store.ts';
import { createPortalServer } from '../../chat-server/server.ts';
import { createLogger } from '../../chat-server/log.ts';
import { siteConfigSchema } from '../../shared/config/site-schema.ts';
import { site } from '../../shared/config/site.ts';
import { toCsv, toHsdsList } from '../../src/lib/hsds-export.ts';
import { organisationSchema } from '../../src/schemas/organisation.ts';
import { startRedis } from '../support/redis.ts';
import { startChat, type Harness } from './chat-harness.ts';

const servers: Server[] = [];
let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});
afterAll(async () => {
  for (const server of servers) await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function listen(server: Server): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const cjg = parse(readFileSync(new URL('../../src/content/sociale-kaart/cjg.yaml', import.meta.url), 'utf8')) as Record<string, unknown>;

describe('finding 11: exports and links', () => {
  test('the sociale-kaart CSV defuses spreadsheet formulas, like the figures CSV', () => {
    const services = cjg['services'] as Record<string, unknown>[];
    const data = organisationSchema.parse({
      ...cjg,
      name: '=HYPERLINK("https://kwaad.example","Klik")',
      services: [{ ...services[0], name: '@SUM(1+1) als naam van een dienst' }, ...services.slice(1)],
    });
    const csv = toCsv(toHsdsList([{ id: 'cjg', data }], { siteUrl: site.siteUrl, chat: site.chat }));
    const cells = csv.split('\r\n')[1];
    expect(cells).toContain(`"'=HYPERLINK(""https://kwaad.example"",""Klik"")"`);
    expect(cells).toContain(`"'@SUM(1+1) als naam van een dienst"`);
    expect(csv).not.toMatch(/(^|,)[=@]/m);
  });

  test('links in content and configuration must be http(s): javascript: and data: are refused with a Dutch message', () => {
    for (const url of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<script>alert(1)</script>']) {
      const result = organisationSchema.safeParse({ ...cjg, url });
      expect(result.success, url).toBe(false);
      expect(result.error?.issues[0]?.message).toBe('url is geen geldige link');
      expect(organisationSchema.safeParse({ ...cjg, sources: [{ title: 'Een bron', publisher: 'Iemand', url }] }).success).toBe(false);
      expect(siteConfigSchema.safeParse({ ...site, quickExitUrl: url }).success).toBe(false);
    }
    expect(organisationSchema.safeParse({ ...cjg, url: 'https://www.voorbeeld.nl/' }).success).toBe(true);
  });

  test('figures read back from Redis go through the counter whitelist', async () => {
    const redis = await startRedis();
    try {
      const store = await RedisIndicatorStore.connect(redis.url, 'sec:');
      await store.merge('2026-03-02', { 'feedback:ja:/ouders/pesten/': 2 });
      const raw = createClient({ url: redis.url });
      await raw.connect();
      // Someone with access to the figures' Redis writes fields the recorder never would.
      await raw.hSet('sec:ind:2026-03-02', { 'feedback:ja:=HYPERLINK("x")': '9', 'naam:Sanne': '1', requested: '-5', started: 'veel' });
      await raw.hSet('sec:ind:2026-03-03', { 'sessie:abc': '3' });
      await raw.zAdd('sec:ind-index', { score: 0, value: '2026-03-03' });
      await raw.close();
      const read = await store.get('2026-03-01', '2026-03-04');
      expect(Object.fromEntries(read)).toEqual({ '2026-03-02': { 'feedback:ja:/ouders/pesten/': 2 } });
      await store.close();
    } finally {
      await redis.stop();
    }
  });

  test('page feedback has a budget per network: a flood from one network does not silence the others', async () => {
    h = await startChat({ config: { trustProxy: 1 } });
    const dist = mkdtempSync(join(tmpdir(), 'cjg-dist-'));
    mkdirSync(join(dist, 'ouders', 'pesten'), { recursive: true });
    writeFileSync(join(dist, 'ouders', 'pesten', 'index.html'), '<h1>Pesten</h1>');
    const recorder = new IndicatorRecorder({ store: new MemoryIndicatorStore(), timeZone: 'Europe/Amsterdam' });
    const chat = h.chat;
    const handle = createIndicatorsHttp({ recorder, distDir: dist, networkOf: (req) => chat.networkOf(req) });
    const base = await listen(createServer((req, res) => void handle(req, res)));
    const post = (from: string) =>
      fetch(`${base}/api/feedback`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Forwarded-For': from },
        body: 'pagina=%2Fouders%2Fpesten%2F&nuttig=ja',
      }).then((r) => r.status);
    const flood: number[] = [];
    for (let i = 0; i < 70; i++) flood.push(await post('203.0.113.9'));
    expect(flood.filter((s) => s === 303).length).toBeLessThanOrEqual(10);
    expect(flood.at(-1)).toBe(429);
    expect(await post('198.51.100.20')).toBe(303);
  });

  test('no request line makes the static server redirect to another host', async () => {
    const dist = mkdtempSync(join(tmpdir(), 'cjg-dist-'));
    mkdirSync(join(dist, 'ouders'), { recursive: true });
    writeFileSync(join(dist, 'ouders', 'index.html'), '<h1>Ouders</h1>');
    const base = await listen(createPortalServer({ distDir: dist, logger: createLogger(() => {}) }));
    const port = new URL(base).port;
    const locationFor = (target: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = connect(Number(port), '127.0.0.1', () => socket.write(`GET ${target} HTTP/1.1\r\nHost: cjg.example\r\nConnection: close\r\n\r\n`));
        let response = '';
        socket.on('data', (d) => (response += d.toString()));
        socket.on('end', () => resolve(/^location: (.*)$/im.exec(response)?.[1]?.trim() ?? ''));
        socket.on('error', reject);
      });
    for (const target of ['/.//ouders', '/.///ouders', '/%2E//ouders', '/ouders']) {
      const location = await locationFor(target);
      expect(location, target).toBe('/ouders/');
    }
  });
});
