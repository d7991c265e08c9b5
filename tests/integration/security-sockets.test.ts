/**
 * Security review, findings 6, 7 and 9: one network cannot fill the queue or hold unlimited
 * sockets, the default namespace is closed, and nothing identifying stays on a socket.
 */
import { io, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, test } from 'vitest';
import { ERROR_MESSAGES } from '../../shared/protocol/errors.ts';
import type { ConnectionCheck } from '../../shared/protocol/events.ts';
import { CONNECTION_PATH } from '../../shared/protocol/limits.ts';
import { newSessionToken } from '../../src/lib/chat-session.ts';
import { ack, eventually, next, startChat, type Harness, type YouthSocket } from './chat-harness.ts';
import type { Ack, QueuePosition } from '../../shared/protocol/events.ts';
import { jsonObject } from '../support/json.ts';
import { defined } from '../support/defined.ts';

let h: Harness | undefined;
const opened: Socket[] = [];
afterEach(async () => {
  for (const socket of opened.splice(0)) socket.close();
  await h?.close();
  h = undefined;
});

function youthFrom(harness: Harness, forwardedFor?: string, token = newSessionToken()): YouthSocket {
  const socket: YouthSocket = io(`${harness.url}/jongeren`, {
    auth: { token },
    transports: ['websocket'],
    ...(forwardedFor ? { extraHeaders: { 'X-Forwarded-For': forwardedFor } } : {}),
    reconnection: false,
    forceNew: true,
  });
  opened.push(socket);
  return socket;
}

/** 'connected' or the connect_error's code. */
function outcome(socket: Socket): Promise<string> {
  return new Promise((resolve) => {
    socket.once('connect', () => resolve('connected'));
    socket.once('connect_error', (error: Error & { data?: { code?: string } }) => resolve(error.data?.code ?? error.message));
  });
}

describe('finding 6: one network cannot fill the queue', () => {
  test('waiting places per network are capped with a clear Dutch message; another network still gets in', async () => {
    h = await startChat({ config: { trustProxy: 1, queuePerNetwork: 3 } });
    const answers: Ack<QueuePosition>[] = [];
    for (let i = 0; i < 4; i++) {
      const socket = youthFrom(h, '203.0.113.9');
      await next(socket, 'session:state');
      answers.push(await ack(socket, 'queue:join', {}));
    }
    expect(answers.slice(0, 3).every((a) => a['ok'])).toBe(true);
    const fourth = defined(answers.at(3), 'the answer to the fourth join');
    expect(fourth).toMatchObject({ ok: false, code: 'network_busy' });
    expect(fourth.ok ? undefined : fourth.error).toMatch(/^Er wachten nu al meerdere jongeren via dezelfde internetverbinding/);
    const elsewhere = youthFrom(h, '198.51.100.20');
    await next(elsewhere, 'session:state');
    expect(await ack(elsewhere, 'queue:join', {})).toMatchObject({ ok: true, position: 4 });
  });

  test('join-and-close floods from two networks cannot push out the dropped place of a young person from a third', async () => {
    h = await startChat({ config: { trustProxy: 1, queueCap: 4, queuePerNetwork: 3 } });
    const { store } = h;
    async function joinAndDrop(address: string, token = newSessionToken()): Promise<void> {
      const socket = youthFrom(defined(h, 'the harness'), address, token);
      await next(socket, 'session:state');
      const joined = await ack(socket, 'queue:join', {});
      const before = (await store.queueCounts()).dropped;
      socket.disconnect();
      if (joined['ok']) await eventually(async () => (await store.queueCounts()).dropped === before + 1);
    }
    // A young person on a school network whose connection drops (a tunnel, a phone put away).
    const victim = newSessionToken();
    await joinAndDrop('192.0.2.50', victim);
    // Two attacking networks connect, join and close over and over.
    const refused: unknown[] = [];
    for (let i = 0; i < 6; i++) {
      for (const address of ['198.51.100.61', '198.51.100.62']) {
        const socket = youthFrom(h, address);
        await next(socket, 'session:state');
        const answer = await ack(socket, 'queue:join', {});
        if (!answer['ok']) refused.push(answer.code);
        const before = (await store.queueCounts()).dropped;
        socket.disconnect();
        if (answer['ok']) await eventually(async () => (await store.queueCounts()).dropped === before + 1);
      }
    }
    // Their dropped places count toward their own network's limit: three each, then "network_busy".
    expect(refused).toEqual(Array.from({ length: 6 }, () => 'network_busy'));
    expect(await store.queueCounts()).toEqual({ connected: 0, dropped: 7 });
    // At the global bound (twice the cap) a third network joins: a place goes from the networks holding the most.
    await joinAndDrop('203.0.113.70');
    await joinAndDrop('203.0.113.71');
    expect((await store.queueCounts()).dropped).toBe(8);
    // The victim comes back within the grace period and still has the place.
    const back = youthFrom(h, '192.0.2.50', victim);
    expect(await next(back, 'session:state')).toMatchObject({ phase: 'queued', resumed: true });
  });

  test('a young person who left the queue unanswered frees the place after the short window; a conversation keeps the full one', async () => {
    h = await startChat({ fakeClock: true, sweepTimer: false, accounts: [['Sanne', 'counsellor']], config: { queueCap: 2 } });
    const chatting = await h.youth();
    await ack(chatting.socket, 'queue:join', {});
    const sanne = await h.staff('Sanne');
    await ack(sanne.socket, 'conversation:take', {});
    const waiting = [await h.youth(), await h.youth()];
    for (const w of waiting) await ack(w.socket, 'queue:join', {});
    expect((await jsonObject(await fetch(`${h.url}/api/chat/status`))).state).toBe('busy');
    for (const w of waiting) w.socket.disconnect();
    chatting.socket.disconnect();
    const { store, clock } = h;
    await eventually(async () => (await store.disconnectedSessions(clock.now + 1)).length === 3);
    h.clock.now += 90_000; // well under the 5-minute resume window
    await h.chat.sweep();
    expect(await h.store.queueLength()).toBe(0);
    expect(h.store.counts().conversations).toBe(1);
    h.clock.now += 2000; // past the status cache
    expect((await jsonObject(await fetch(`${h.url}/api/chat/status`))).state).not.toBe('busy');
  });
});

describe('finding 7: the default namespace and per-network sockets', () => {
  test('the default namespace "/" is refused', async () => {
    h = await startChat();
    const root = io(h.url, { transports: ['websocket'], reconnection: false, forceNew: true });
    opened.push(root);
    expect(await outcome(root)).toBe('forbidden');
  });

  test('open connections per network are capped before any namespace; another network still connects', async () => {
    h = await startChat({ config: { trustProxy: 1, openConnectionsPerNetwork: 5 } });
    const results: string[] = [];
    for (let i = 0; i < 7; i++) results.push(await outcome(youthFrom(h, '203.0.113.9')));
    expect(results.slice(0, 5)).toEqual(Array(5).fill('connected'));
    expect(results.slice(5).every((r) => r !== 'connected')).toBe(true);
    // Held sockets on "/" count too (they no longer get in at all).
    expect(await outcome(youthFrom(h, '198.51.100.20'))).toBe('connected');
    // A closed socket frees its place.
    opened[0].close();
    await new Promise((r) => setTimeout(r, 100));
    expect(await outcome(youthFrom(h, '203.0.113.9'))).toBe('connected');
  });
});

describe('a refused connection is explained in Dutch', () => {
  /** What the youth chat asks after a connection fails: was it this network's limit? */
  async function why(harness: Harness, forwardedFor: string) {
    const res = await fetch(`${harness.url}${CONNECTION_PATH}`, { headers: { 'X-Forwarded-For': forwardedFor } });
    expect(res.headers.get('cache-control')).toBe('no-store');
    return (await res.json()) as ConnectionCheck;
  }

  test('over the new-connection limit: the network gets the Dutch reason, another network does not', async () => {
    h = await startChat({ config: { trustProxy: 1, connectionsPerNetwork: { burst: 3, perSecond: 0.001 } } });
    expect(await why(h, '203.0.113.9')).toEqual({ ok: true });
    for (let i = 0; i < 3; i++) expect(await outcome(youthFrom(h, '203.0.113.9'))).toBe('connected');
    // A real Socket.IO client over WebSocket gets no readable body: only the error event.
    expect(await outcome(youthFrom(h, '203.0.113.9'))).not.toBe('connected');
    expect(await why(h, '203.0.113.9')).toEqual({ ok: false, code: 'too_many_connections', error: ERROR_MESSAGES.too_many_connections });
    expect(ERROR_MESSAGES.too_many_connections).toMatch(/netwerk.*Probeer het over een paar minuten opnieuw.*hulplijnen/s);
    expect(await why(h, '198.51.100.20')).toEqual({ ok: true });
    // Long-polling clients read the refusal itself: the code, not an address or anything else.
    const polled = await fetch(`${h.url}/socket.io/?EIO=4&transport=polling`, { headers: { 'X-Forwarded-For': '203.0.113.9' } });
    expect(polled.status).toBe(403);
    expect(await polled.json()).toMatchObject({ message: 'too_many_connections' });
    expect(h.logs.join('\n')).not.toContain('203.0.113.9');
  });

  test('over the open-connection cap: the same reason, and it passes once the network is let in again', async () => {
    const harness = await startChat({ config: { trustProxy: 1, openConnectionsPerNetwork: 2 } });
    h = harness;
    const first = youthFrom(h, '203.0.113.50');
    expect(await outcome(first)).toBe('connected');
    expect(await outcome(youthFrom(h, '203.0.113.50'))).toBe('connected');
    expect(await outcome(youthFrom(h, '203.0.113.50'))).not.toBe('connected');
    expect(await why(h, '203.0.113.50')).toMatchObject({ ok: false, code: 'too_many_connections' });
    // A closed socket frees a place: the reason goes, and the next connection gets in.
    first.close();
    await eventually(async () => (await why(harness, '203.0.113.50')).ok);
    expect(await outcome(youthFrom(h, '203.0.113.50'))).toBe('connected');
  });
});

describe('finding 9: nothing identifying is kept per socket', () => {
  /** Every string reachable from `root` (bounded), without walking into the whole server. */
  function strings(root: unknown): string[] {
    const found: string[] = [];
    const seen = new Set<unknown>();
    const skip = new Set(['nsp', 'server', 'adapter', 'srv', 'parent', '_server', 'sockets', 'nsps', 'engine']);
    const walk = (value: unknown, depth: number) => {
      if (typeof value === 'string') found.push(value);
      if (!value || typeof value !== 'object' || seen.has(value) || depth > 6) return;
      seen.add(value);
      if (Buffer.isBuffer(value)) return;
      for (const key of Object.keys(value)) if (!skip.has(key)) walk((value as Record<string, unknown>)[key], depth + 1);
      if (value instanceof Map) for (const v of value.values()) walk(v, depth + 1);
    };
    walk(root, 0);
    return found;
  }

  test('after the handshake the server socket holds no raw token, user agent or forwarded address', async () => {
    h = await startChat({ accounts: [['Sanne', 'counsellor']], config: { trustProxy: 1 } });
    const token = newSessionToken();
    const socket: YouthSocket = io(`${h.url}/jongeren`, {
      auth: { token },
      transports: ['websocket'],
      extraHeaders: { 'User-Agent': 'Sentinel-Agent/1.0', 'X-Forwarded-For': '203.0.113.77' },
      reconnection: false,
      forceNew: true,
    });
    opened.push(socket);
    await next(socket, 'session:state');
    const staff = await h.staff('Sanne');
    const serverSockets = [...h.chat.io.of('/jongeren').sockets.values(), ...h.chat.io.of('/medewerkers').sockets.values()];
    expect(serverSockets.length).toBe(2);
    const all = serverSockets.flatMap((s) => strings(s)).join('\n');
    expect(all).not.toContain(token);
    expect(all).not.toContain(staff.token);
    expect(all).not.toContain('Sentinel-Agent');
    expect(all).not.toContain('203.0.113.77');
    // What fetchSockets would send to other nodes: the handshake, now empty of anything identifying.
    for (const s of serverSockets) {
      expect(JSON.stringify(s.handshake)).not.toMatch(/auth":\{"token|user-agent|forwarded/i);
      expect(s.handshake).toMatchObject({ headers: {}, query: {}, address: '', url: '' });
    }
  });
});
