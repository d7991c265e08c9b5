/**
 * Fuzz and abuse suite (stays in CI, bounded): while one real conversation goes on, other clients
 * send malformed events, floods, oversized frames, broken Socket.IO packets, many sockets and a
 * login storm. Afterwards `/healthz` answers, the conversation still works both ways and every one
 * of its messages arrived once, in order. The payloads come from a seeded generator, so a failure
 * can be replayed.
 */
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ChatMessage } from '../../shared/protocol/events.ts';
import { MAX_PACKET_BYTES } from '../../shared/protocol/limits.ts';
import { newSessionToken } from '../../src/lib/chat-session.ts';
import { ack, ackOk, eventually, next, rawAck, startChat, PASSWORD, type Harness, type StaffSocket, type YouthSocket } from './chat-harness.ts';

const SEED = 20261202;
let h: Harness;
let control: { youth: YouthSocket; staff: StaffSocket; conversationId: string };
const youthReceived: ChatMessage[] = [];
const staffReceived: ChatMessage[] = [];
const sent: { from: 'youth' | 'counsellor'; text: string }[] = [];
const extra: Socket[] = [];
let network = 0;

/** Each test is its own network (behind the trusted proxy), so one test's limits do not starve the next. */
function client(namespace: string, auth: object): Socket {
  network++;
  const socket = io(`${h.url}${namespace}`, {
    auth,
    transports: ['websocket'],
    extraHeaders: { 'X-Forwarded-For': `198.18.${network >> 8}.${network & 255}` },
    reconnection: false,
    forceNew: true,
  });
  extra.push(socket);
  return socket;
}

function outcome(socket: Socket): Promise<'connected' | 'refused'> {
  return new Promise((resolve) => {
    socket.once('connect', () => resolve('connected'));
    socket.once('connect_error', () => resolve('refused'));
  });
}

function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Odd values of every kind, including the shapes of real payloads with wrong fields. */
function junk(random: () => number, depth = 0): unknown {
  const pick = Math.floor(random() * 14);
  switch (pick) {
    case 0:
      return null;
    case 1:
      return undefined;
    case 2:
      return Math.floor(random() * 2 ** 53) * (random() < 0.5 ? -1 : 1);
    case 3:
      return Number.NaN;
    case 4:
      return 'x'.repeat(Math.floor(random() * 3000));
    case 5:
      return '<script>alert(1)</script>\u0000\u202e';
    case 6:
      return depth > 3 ? {} : { text: junk(random, depth + 1), conversationId: junk(random, depth + 1), clientId: junk(random, depth + 1) };
    case 7:
      return JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}');
    case 8:
      return depth > 3 ? [] : Array.from({ length: 5 }, () => junk(random, depth + 1));
    case 9:
      return { text: '', topic: 'nonsense', ageBand: 99, rating: 'vijf', reason: 'weg', available: 'ja', entryId: 12 };
    case 10:
      return { text: 'a'.repeat(2001) };
    case 11:
      return true;
    case 12:
      return new Uint8Array(Math.floor(random() * 512));
    default:
      return { nested: depth > 3 ? 1 : junk(random, depth + 1) };
  }
}

const EVENTS = [
  'queue:join',
  'message:send',
  'typing',
  'session:end',
  'feedback:send',
  'conversation:take',
  'conversation:end',
  'conversation:observe',
  'presence:set',
  'conversation:transfer',
  'conversation:block',
  'nope',
  '__proto__',
  'constructor',
  'disconnect',
  'connect',
];

async function healthy(): Promise<void> {
  const res = await fetch(`${h.url}/healthz`);
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ status: 'ok' });
}

/** One message each way in the control conversation, checked on arrival. */
async function conversationStillWorks(label: string): Promise<void> {
  const id = `${sent.length}`;
  const fromYouth = `${label}: van de jongere`;
  const fromStaff = `${label}: van de medewerker`;
  sent.push({ from: 'youth', text: fromYouth });
  expect(await ack(control.youth, 'message:send', { text: fromYouth, clientId: `y-${id}` })).toMatchObject({ ok: true });
  sent.push({ from: 'counsellor', text: fromStaff });
  expect(await ack(control.staff, 'message:send', { conversationId: control.conversationId, text: fromStaff, clientId: `s-${id}` })).toMatchObject({
    ok: true,
  });
  await eventually(
    () => youthReceived.some((m) => m.from === 'counsellor' && m.text === fromStaff) && staffReceived.some((m) => m.from === 'youth' && m.text === fromYouth),
  );
}

beforeAll(async () => {
  h = await startChat({ accounts: [['Sanne', 'counsellor']], config: { trustProxy: 1 } });
  const youth = await h.youth();
  await ack(youth.socket, 'queue:join', {});
  const staff = await h.staff('Sanne');
  const taken = await ackOk(staff.socket, 'conversation:take', {});
  control = { youth: youth.socket, staff: staff.socket, conversationId: taken.conversation.conversationId };
  youth.socket.on('message', (m) => youthReceived.push(m));
  staff.socket.on('message', ({ message }) => staffReceived.push(message));
});

afterAll(async () => {
  for (const socket of extra) socket.close();
  await h.close();
});

describe('abuse while a conversation goes on', () => {
  test('malformed events on both namespaces are answered or ignored, never crash anything', async () => {
    const random = mulberry32(SEED);
    const youth = client('/jongeren', { token: newSessionToken() }) as YouthSocket;
    await next(youth, 'session:state');
    const staffLogin = await h.login('Sanne', PASSWORD);
    const staff = client('/medewerkers', { token: staffLogin.body.ok ? staffLogin.body.token : '' }) as StaffSocket;
    await next(staff, 'session:state');
    for (let i = 0; i < 60; i++) {
      const socket = i % 2 === 0 ? youth : staff;
      const event = EVENTS[Math.floor(random() * EVENTS.length)];
      const args = Array.from({ length: Math.floor(random() * 3) }, () => junk(random));
      if (event === 'disconnect' || event === 'connect') {
        // Reserved names: socket.io-client refuses to send them; the raw packet test below covers the server.
        continue;
      }
      const answer: unknown = await (socket as Socket)
        .timeout(2000)
        .emitWithAck(event, ...args)
        .catch((error: unknown) => ({ timeout: String(error) }));
      // A success (junk that happens to fit, extra fields dropped), a refusal with a code and a Dutch
      // sentence, or (quiet events like typing) no answer at all.
      if (answer && typeof answer === 'object' && 'ok' in answer) {
        const a = answer as { ok: boolean; code?: unknown; error?: unknown };
        expect(a.ok || (typeof a.code === 'string' && typeof a.error === 'string')).toBe(true);
      }
    }
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    await healthy();
    await conversationStillWorks('na rommel');
  });

  test('broken Socket.IO packets and oversized frames close only that connection', async () => {
    const broken = client('/jongeren', { token: newSessionToken() });
    await next(broken, 'session:state');
    const closed = next(broken, 'disconnect');
    // A raw engine.io message that is no Socket.IO packet at all.
    (broken.io.engine as unknown as { write(data: string): void }).write('2["message:send",{"text":');
    await closed;
    const big = client('/jongeren', { token: newSessionToken() });
    await next(big, 'session:state');
    const bigClosed = next(big, 'disconnect');
    big.emit('message:send', { text: 'x'.repeat(MAX_PACKET_BYTES + 1) });
    await bigClosed;
    await healthy();
    await conversationStillWorks('na kapotte pakketten');
  });

  test('an event flood from one socket is rate-limited with a Dutch answer', async () => {
    const flooder = client('/jongeren', { token: newSessionToken() }) as YouthSocket;
    await next(flooder, 'session:state');
    const answers = await Promise.all(Array.from({ length: 200 }, () => rawAck(flooder, 'queue:join', {}, 5000).catch(() => ({ ok: false, code: 'timeout' }))));
    const limited = answers.filter((a) => !a.ok && 'code' in a && a.code === 'rate_limited');
    expect(limited.length).toBeGreaterThan(100);
    expect(answers.every((a) => a.ok || ('error' in a && typeof a.error === 'string'))).toBe(true);
    await healthy();
    await conversationStillWorks('na flood');
  });

  test('many sockets from one network: the cap refuses the rest before any namespace', async () => {
    const sockets = Array.from({ length: 130 }, (_, i) => {
      const socket = io(`${h.url}${i % 3 === 0 ? '/' : '/jongeren'}`, {
        auth: { token: newSessionToken() },
        transports: ['websocket'],
        extraHeaders: { 'X-Forwarded-For': '198.19.0.1' },
        reconnection: false,
        forceNew: true,
      });
      extra.push(socket);
      return socket;
    });
    const results = await Promise.all(sockets.map(outcome));
    const connected = results.filter((r) => r === 'connected').length;
    expect(connected).toBeLessThanOrEqual(60);
    expect(connected).toBeGreaterThan(0);
    for (const socket of sockets) socket.close();
    await healthy();
    await conversationStillWorks('na veel sockets');
  });

  test('a login storm during the conversation: refused before checking, the conversation goes on', async () => {
    const storm = Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        fetch(`${h.url}/api/medewerkers/login`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': `198.20.0.${i % 4}` },
          body: JSON.stringify({ name: i % 2 ? 'Sanne' : `Onbekend${i}`, password: `fout-${i}-wachtwoord` }),
        }).then((r) => r.status),
      ),
    );
    await conversationStillWorks('tijdens inlogstorm');
    const statuses = await storm;
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(50);
    await healthy();
  });

  test('nothing of the conversation was lost or doubled', async () => {
    await conversationStillWorks('aan het eind');
    const stored = await h.store.messagesAfter(control.conversationId, 0);
    const texts = stored.filter((m) => m.from !== 'system').map((m) => ({ from: m.from, text: (m as { text: string }).text }));
    expect(texts).toEqual(sent);
    expect(stored.map((m) => m.seq)).toEqual(stored.map((_, i) => i + 1));
    const seenByStaff = staffReceived.filter((m) => m.from !== 'system').map((m) => (m as { text: string }).text);
    expect(seenByStaff).toEqual(sent.map((m) => m.text));
    expect(control.youth.connected && control.staff.connected).toBe(true);
  });
});
