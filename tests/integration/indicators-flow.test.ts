/**
 * A scripted afternoon in the real chat server (port 0, fake clock, file-backed indicators): the
 * statistiek API must report exactly what happened, protected, and the stored file must hold
 * nothing that points to anyone.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { addAccount } from '../../chat-server/accounts/account-file.ts';
import { hashPassword } from '../../chat-server/accounts/password.ts';
import { createChatServer, type ChatServer } from '../../chat-server/chat-server.ts';
import { createLogger } from '../../chat-server/log.ts';
import { createPortalServer } from '../../chat-server/server.ts';
import { FileIndicatorStore } from '../../chat-server/indicators/file-store.ts';
import { IndicatorRecorder } from '../../chat-server/indicators/recorder.ts';
import { createIndicatorsHttp } from '../../chat-server/indicators/http.ts';
import { isKnownCounter } from '../../shared/indicators/counters.ts';
import { SMALL } from '../../shared/indicators/suppression.ts';
import type { Report } from '../../shared/indicators/report-types.ts';
import { defined } from '../support/defined.ts';
import { jsonObject } from '../support/json.ts';
import { staffLogin } from '../support/staff-login.ts';

const PASSWORD = 'een-lang-wachtwoord';
const SECRET_TEXT = 'mijn geheime zin over thuis';
let now = Date.parse('2026-03-02T14:00:00+01:00');
const minutes = (n: number) => (now += n * 60_000);

const dataDir = mkdtempSync(join(tmpdir(), 'cjg-indicators-flow-'));
const distDir = mkdtempSync(join(tmpdir(), 'cjg-indicators-dist-'));
const store = new FileIndicatorStore({ dataDir, debounceMs: 5 });
const recorder = new IndicatorRecorder({ store, timeZone: 'Europe/Amsterdam', now: () => now });
const logger = createLogger(() => {});
let chat: ChatServer;
let server: ReturnType<typeof createPortalServer>;
let base = '';
const sockets: Socket[] = [];
const youthTokens: string[] = [];
const staffTokens: string[] = [];

async function login(name: string): Promise<string> {
  const token = await staffLogin(base, name, PASSWORD);
  staffTokens.push(token);
  return token;
}

function connect(namespace: string, auth: Record<string, unknown>): Promise<Socket> {
  const socket = io(`${base}${namespace}`, { path: '/socket.io', auth, transports: ['websocket'], reconnection: false });
  sockets.push(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

const emit = <T = Record<string, unknown>>(socket: Socket, event: string, payload: unknown): Promise<T & { ok: boolean; code?: string }> =>
  socket.timeout(5000).emitWithAck(event, payload);

async function youth(topic?: string, ageBand?: string) {
  const token = randomBytes(32).toString('base64url');
  youthTokens.push(token);
  const socket = await connect('/jongeren', { token });
  const ack = await emit(socket, 'queue:join', { ...(topic ? { topic } : {}), ...(ageBand ? { ageBand } : {}) });
  return { socket, ack };
}

beforeAll(async () => {
  const fast = { N: 2 ** 10, r: 8, p: 1 };
  addAccount(dataDir, 'Sanne', 'counsellor', await hashPassword(PASSWORD, fast));
  addAccount(dataDir, 'Lotte', 'supervisor', await hashPassword(PASSWORD, fast));
  let handleIndicators: ReturnType<typeof createIndicatorsHttp> | undefined;
  server = createPortalServer({
    distDir,
    logger,
    api: async (req, res) => (await chat.handleHttp(req, res)) || (await defined(handleIndicators, 'the indicators handler')(req, res)),
  });
  chat = createChatServer(server, {
    logger,
    dataDir,
    now: () => now,
    alwaysOpen: true,
    indicators: recorder,
    sweepTimer: false,
    config: { queueCap: 7, queuePerNetwork: 100 },
  });
  handleIndicators = createIndicatorsHttp({ recorder, distDir, checkStaff: (req) => chat.staffFromRequest(req) });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await chat.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('indicators from a scripted afternoon', () => {
  let report: Report;

  test('the chats happen', async () => {
    const staff = await connect('/medewerkers', { token: await login('Sanne') });
    // 14:00: seven young people ask (six about school, one about veiligheid); the eighth finds the queue full.
    const waiting = [];
    for (let i = 0; i < 6; i++) waiting.push(await youth('school', '12-18'));
    waiting.push(await youth('veiligheid', '12-18'));
    expect(waiting.every((w) => w.ack.ok)).toBe(true);
    const full = await youth('school');
    expect(full.ack.code).toBe('busy');

    // 14:01: the last two give up, one of them with "Snel weg".
    minutes(1);
    expect((await emit(waiting[5].socket, 'session:end', { reason: 'stop' })).ok).toBe(true);
    expect((await emit(waiting[6].socket, 'session:end', { reason: 'quickExit' })).ok).toBe(true);

    // Then Sanne answers the other five one by one: after 2, 14, 26, 38 and 50 minutes; each talk lasts 10 minutes.
    minutes(1);
    const ratings = [5, 5, 4, 3, 5];
    for (let i = 0; i < 5; i++) {
      const taken = await emit<{ conversation: { conversationId: string } }>(staff, 'conversation:take', {});
      expect(taken.ok, JSON.stringify(taken)).toBe(true);
      const young = waiting[i].socket;
      await emit(young, 'message:send', { text: SECRET_TEXT });
      minutes(10);
      const ended = new Promise<{ feedbackId?: string }>((resolve) => young.once('conversation:ended', resolve));
      expect((await emit(staff, 'conversation:end', { conversationId: taken.conversation.conversationId })).ok).toBe(true);
      const { feedbackId } = await ended;
      expect(feedbackId).toBeTruthy();
      expect((await emit(young, 'feedback:send', { feedbackId, rating: ratings[i] })).ok).toBe(true);
      minutes(2);
    }
  });

  test('a counsellor without the supervisor role gets no figures', async () => {
    const res = await fetch(`${base}/api/medewerkers/statistiek?van=2026-03-01&tot=2026-03-31`, {
      headers: { Authorization: `Bearer ${staffTokens[0]}` },
    });
    expect(res.status).toBe(403);
    expect((await jsonObject(res)).message).toMatch(/^Geen toegang/);
  });

  test('the supervisor sees exactly what happened, protected', async () => {
    const token = await login('Lotte');
    const res = await fetch(`${base}/api/medewerkers/statistiek?van=2026-03-01&tot=2026-03-31`, { headers: { Authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    report = (await res.json()) as Report;
    expect(report.totals).toEqual({
      requested: 8,
      started: 5,
      abandoned: SMALL,
      turnedAway: SMALL,
      ended: 5,
      ratings: 5,
      quickExits: SMALL,
      flagged: 0,
      transferred: 0,
    });
    // started 5, abandoned 2, closed 0, busy 1, unknown 0: small counts, so the zeros are hidden too.
    expect(report.outcomes.rows.map((r) => [r.id, r.count])).toEqual([
      ['started', 5],
      ['abandoned', SMALL],
      ['turnedAway:closed', SMALL],
      ['turnedAway:busy', SMALL],
      ['unknown', SMALL],
    ]);
    expect(report.outcomes.total).toBe(8);
    // 5 of 8 answered: both are in the outcome table, so the share tells nothing new. 1 of 8 within
    // 5 minutes (small, hidden in the waiting table) → only the range the table allows.
    expect(report.shares.answered).toEqual({ kind: 'exact', percent: 63 });
    expect(report.shares.within5).toEqual({ kind: 'atMost', percent: 63 });
    // Ratings 5, 5, 4, 3, 5: four satisfied and one not are both small counts, so no share at all.
    expect(report.shares.satisfied).toEqual({ kind: 'hidden' });
    // Waits 2, 14, 26, 38, 50 minutes: every bin is small.
    expect(report.waiting.rows.map((r) => r.count)).toEqual([SMALL, SMALL, SMALL, SMALL, SMALL, SMALL]);
    expect(report.waiting.total).toBe(5);
    expect(report.duration.rows.find((r) => r.id === '5-15')?.count).toBe(5);
    // school 7 (incl. the one turned away), veiligheid 1: never shown as 1.
    expect(Object.fromEntries(report.topics.rows.map((r) => [r.id, r.count]))).toEqual({
      problemen: SMALL,
      middelengebruik: SMALL,
      gezondheid: SMALL,
      veiligheid: SMALL,
      school: 7,
      hulp: SMALL,
      geen: SMALL,
    });
    // 12-18: 7, geen: 1 (the one turned away chose no age) → hidden with the zeros.
    expect(report.ageBands.rows.map((r) => r.count)).toEqual([SMALL, 7, SMALL, SMALL]);
    expect(report.perDay.requested[1]).toBe(8);
    expect(report.perHourOfWeek[0][14]).toBe(8);
    expect(JSON.stringify(report)).not.toMatch(/"count":[1-4][,}]/);
    expect(JSON.stringify(report)).not.toContain('"x"');
  });

  test('the CSV holds the same protected figures', async () => {
    const token = defined(staffTokens.at(-1), "the supervisor's token");
    const csv = await (
      await fetch(`${base}/api/medewerkers/statistiek.csv?van=2026-03-01&tot=2026-03-31`, { headers: { Authorization: `Bearer ${token}` } })
    ).text();
    expect(csv).toContain('In het kort;Jongeren die wilden chatten;8');
    expect(csv).toContain('Onderwerpen;Veiligheid;<5');
    expect(csv).toContain('Onderwerpen;School;7');
  });

  test('the stored file identifies nobody', async () => {
    await store.flush();
    const raw = readFileSync(join(dataDir, 'indicators.json'), 'utf8');
    for (const secret of [...youthTokens, ...staffTokens, SECRET_TEXT, 'Sanne', 'Lotte', '127.0.0.1']) expect(raw).not.toContain(secret);
    const { buckets } = JSON.parse(raw) as { buckets: Record<string, Record<string, number>> };
    for (const [key, counts] of Object.entries(buckets)) {
      expect(key).toMatch(/^\d{4}-\d{2}-\d{2}(T\d{2})?$/);
      for (const [name, value] of Object.entries(counts)) {
        expect(isKnownCounter(name), name).toBe(true);
        expect(Number.isInteger(value)).toBe(true);
      }
    }
    expect(Object.keys(buckets)).toEqual(['2026-03-02T14', '2026-03-02T15']);
  });
});
