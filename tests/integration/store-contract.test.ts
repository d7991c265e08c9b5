/**
 * One behaviour suite, two stores: the in-memory default and Redis (a real redis-server started
 * here on 127.0.0.1, without persistence). What the chat logic relies on must hold for both.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { MemoryChatStore } from '../../chat-server/store/memory.ts';
import { RedisChatStore } from '../../chat-server/store/redis.ts';
import type { ChatStore, Conversation, QueueEntry, YouthSession } from '../../chat-server/store/types.ts';
import { startRedis, type TestRedis } from '../support/redis.ts';
import { eventually } from './chat-harness.ts';
import { defined } from '../support/defined.ts';

let redis: TestRedis;
let prefixCounter = 0;
const opened: ChatStore[] = [];
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  for (const store of opened) await store.close();
  await redis.stop();
});

const makers: [string, () => Promise<ChatStore>][] = [
  ['memory', async () => new MemoryChatStore()],
  [
    'redis',
    async () => {
      const store = await RedisChatStore.connect({ url: redis.url, prefix: `t${++prefixCounter}:` });
      opened.push(store);
      return store;
    },
  ],
];

const T0 = Date.now();
const entry = (entryId: string, requeued = false): QueueEntry => ({ entryId, sessionKey: `s-${entryId}`, joinedAt: T0, topic: null, ageBand: null, requeued });
const session = (sessionKey: string, extra: Partial<YouthSession> = {}): YouthSession => ({
  sessionKey,
  networkKey: 'net',
  phase: 'queued',
  topic: 'school',
  ageBand: '12-18',
  requestedAt: T0,
  connected: true,
  ...extra,
});
const conversation = (conversationId: string): Conversation => ({
  conversationId,
  sessionKey: 's1',
  counsellorKey: 'sanne',
  counsellorName: 'Sanne',
  requestedAt: T0,
  startedAt: T0,
  topic: null,
  ageBand: null,
  youthConnected: true,
  flagged: false,
  observers: [],
  number: 1,
});

describe.each(makers)('ChatStore contract: %s', (_name, make) => {
  let store: ChatStore;
  beforeEach(async () => {
    store = await make();
  });

  test('sessions: put, get a copy, list the ones that dropped before a moment, delete', async () => {
    const s = session('a');
    await store.putSession(s);
    s.phase = 'chatting';
    expect((await store.getSession('a'))?.phase).toBe('queued');
    await store.putSession(session('b', { connected: false, disconnectedAt: T0 + 100 }));
    await store.putSession(session('c', { connected: false, disconnectedAt: T0 + 500 }));
    expect((await store.disconnectedSessions(T0 + 200)).map((x) => x.sessionKey)).toEqual(['b']);
    await store.putSession(session('b', { connected: true }));
    expect(await store.disconnectedSessions(T0 + 1000)).toHaveLength(1);
    await store.deleteSession('c');
    expect(await store.getSession('c')).toBeNull();
    expect(await store.disconnectedSessions(T0 + 1000)).toEqual([]);
  });

  test('queue: order, requeued entries go after other requeued ones but before the rest, take and remove', async () => {
    expect(await store.enqueue(entry('1'))).toBe(1);
    expect(await store.enqueue(entry('2'))).toBe(2);
    expect(await store.enqueue(entry('r1', true))).toBe(3);
    expect(await store.enqueue(entry('r2', true))).toBe(4);
    await store.enqueue(entry('3'));
    expect((await store.listQueue()).map((e) => e.entryId)).toEqual(['r1', 'r2', '1', '2', '3']);
    expect(await store.queueLength()).toBe(5);
    expect((await store.takeFromQueue())?.entryId).toBe('r1');
    expect((await store.takeFromQueue('2'))?.entryId).toBe('2');
    expect(await store.takeFromQueue('2')).toBeNull();
    expect(await store.removeFromQueue('3')).toMatchObject({ entryId: '3', sessionKey: 's-3', requeued: false });
    expect((await store.listQueue()).map((e) => e.entryId)).toEqual(['r2', '1']);
    await store.takeFromQueue();
    await store.takeFromQueue();
    expect(await store.takeFromQueue()).toBeNull();
    expect(await store.queueLength()).toBe(0);
  });

  test('queue: connected young people first in arrival order; a dropped one keeps its turn and is taken only when nobody connected waits', async () => {
    await store.enqueue(entry('1'));
    await store.enqueue(entry('2'));
    await store.enqueue(entry('3'));
    expect(await store.setQueueConnected('1', false)).toBe(true);
    expect(await store.setQueueConnected('gone', false)).toBe(false);
    const listed = await store.listQueue();
    expect(listed.map((e) => [e.entryId, e.connected])).toEqual([
      ['2', true],
      ['3', true],
      ['1', false],
    ]);
    // A requeued conversation whose young person is away waits behind every connected one, too.
    await store.enqueue({ ...entry('r1', true), connected: false });
    expect((await store.listQueue()).map((e) => e.entryId)).toEqual(['2', '3', 'r1', '1']);
    expect(await store.queueLength()).toBe(4);
    // Capacity counts only who is there: two connected, two dropped.
    expect(await store.queueCounts()).toEqual({ connected: 2, dropped: 2 });
    // Chosen explicitly, a dropped entry can still be taken.
    expect(await store.takeFromQueue('1')).toMatchObject({ entryId: '1', connected: false });
    expect((await store.takeFromQueue())?.entryId).toBe('2');
    // Back online: the turn it had (requeued first) counts again.
    await store.setQueueConnected('r1', true);
    expect((await store.listQueue()).map((e) => e.entryId)).toEqual(['r1', '3']);
    await store.setQueueConnected('r1', false);
    await store.setQueueConnected('3', false);
    // Nobody connected: the first dropped one in turn order is offered.
    expect(await store.takeFromQueue()).toMatchObject({ entryId: 'r1', connected: false });
    expect(await store.takeFromQueue()).toMatchObject({ entryId: '3', connected: false });
    expect(await store.takeFromQueue()).toBeNull();
    // A taken entry leaves no trace in the dropped marks.
    await store.enqueue(entry('3'));
    expect((await store.listQueue())[0]).toMatchObject({ entryId: '3', connected: true });
  });

  test('numbers: one counter per day, never the same number twice, even when asked at once', async () => {
    const numbers = await Promise.all(Array.from({ length: 10 }, () => store.nextNumber('2026-12-02')));
    expect([...numbers].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(await store.nextNumber('2026-12-03')).toBe(1);
  });

  test('queue: concurrent takes never hand out the same young person twice', async () => {
    for (let i = 0; i < 20; i++) await store.enqueue(entry(`e${i}`));
    const taken = await Promise.all(Array.from({ length: 30 }, () => store.takeFromQueue()));
    const ids = taken.filter((e) => e !== null).map((e) => e.entryId);
    expect(ids).toHaveLength(20);
    expect(new Set(ids).size).toBe(20);
  });

  test('messages: sequence numbers, retried sends stored once, only for existing conversations, deleted with the conversation', async () => {
    expect(await store.appendMessage('nope', { from: 'youth', at: T0, text: 'x' })).toBeNull();
    await store.putConversation(conversation('c1'));
    const first = await store.appendMessage('c1', { from: 'youth', at: T0, text: 'hoi' }, 'm1');
    expect(first).toMatchObject({ duplicate: false, message: { seq: 1, from: 'youth', text: 'hoi', at: T0 } });
    const second = await store.appendMessage('c1', { from: 'counsellor', name: 'Sanne', at: T0 + 1, text: 'hallo "jij" \u00e9\u00e9n 🙂' }, 'm1');
    expect(second).toMatchObject({ duplicate: false, message: { seq: 2, name: 'Sanne', text: 'hallo "jij" \u00e9\u00e9n 🙂' } });
    const retry = await store.appendMessage('c1', { from: 'youth', at: T0 + 2, text: 'hoi' }, 'm1');
    expect(retry).toEqual({ duplicate: true, message: defined(first, 'the first append').message });
    await store.appendMessage('c1', { from: 'system', at: T0 + 3, notice: 'requeued' });
    expect((await store.messagesAfter('c1', 0)).map((m) => m.seq)).toEqual([1, 2, 3]);
    expect((await store.messagesAfter('c1', 2)).map((m) => m.from)).toEqual(['system']);
    expect(await store.listConversations()).toHaveLength(1);
    await store.deleteConversation('c1');
    expect(await store.getConversation('c1')).toBeNull();
    expect(await store.messagesAfter('c1', 0)).toEqual([]);
    expect(await store.listConversations()).toEqual([]);
    expect(await store.appendMessage('c1', { from: 'youth', at: T0, text: 'te laat' })).toBeNull();
  });

  test('messages: only a sent client id makes a retry; a message without one is always new, whatever ids came before', async () => {
    await store.putConversation(conversation('c3'));
    // "undefined" is a valid client id (base64url characters): it must not match messages sent without an id.
    await store.appendMessage('c3', { from: 'youth', at: T0, text: 'eerste' }, 'undefined');
    const plain = await store.appendMessage('c3', { from: 'youth', at: T0 + 1, text: 'tweede' });
    expect(plain).toMatchObject({ duplicate: false, message: { seq: 2, text: 'tweede' } });
    const again = await store.appendMessage('c3', { from: 'youth', at: T0 + 2, text: 'derde' });
    expect(again).toMatchObject({ duplicate: false, message: { seq: 3, text: 'derde' } });
  });

  test('sessions: one that dropped exactly at the moment asked about is not yet listed', async () => {
    await store.putSession(session('d', { connected: false, disconnectedAt: T0 + 100 }));
    expect(await store.disconnectedSessions(T0 + 100)).toEqual([]);
    expect((await store.disconnectedSessions(T0 + 101)).map((x) => x.sessionKey)).toEqual(['d']);
  });

  test('staff login: logging out ends that login only', async () => {
    await store.putStaffSession('l1', { counsellorKey: 'sanne', expiresAt: T0 + 5000, accountVersion: 'v1' });
    await store.putStaffSession('l2', { counsellorKey: 'sanne', expiresAt: T0 + 5000, accountVersion: 'v1' });
    await store.deleteStaffSession('l1');
    expect(await store.getStaffSession('l1', T0)).toBeNull();
    expect(await store.getStaffSession('l2', T0)).toMatchObject({ counsellorKey: 'sanne' });
  });

  test('messages: concurrent appends get distinct, gapless sequence numbers', async () => {
    await store.putConversation(conversation('c2'));
    const results = await Promise.all(Array.from({ length: 25 }, (_, i) => store.appendMessage('c2', { from: 'youth', at: T0, text: `m${i}` }, `id${i}`)));
    expect(results.map((r) => defined(r, 'an append').message.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
  });

  test('presence and staff login sessions, with expiry that reports the ended logins', async () => {
    await store.putPresence({
      counsellorKey: 'sanne',
      name: 'Sanne',
      role: 'counsellor',
      available: true,
      online: true,
      maxConversations: 3,
      conversationIds: ['c1'],
    });
    expect((await store.listPresence()).map((p) => p.name)).toEqual(['Sanne']);
    expect((await store.getPresence('sanne'))?.conversationIds).toEqual(['c1']);
    await store.deletePresence('sanne');
    expect(await store.listPresence()).toEqual([]);

    await store.putStaffSession('h1', { counsellorKey: 'sanne', expiresAt: T0 + 1000, accountVersion: 'v1' });
    await store.putStaffSession('h2', { counsellorKey: 'sanne', expiresAt: T0 + 5000, accountVersion: 'v1' });
    await store.putStaffSession('h3', { counsellorKey: 'kees', expiresAt: T0 + 5000, accountVersion: 'v1' });
    expect(await store.getStaffSession('h1', T0)).toEqual({ counsellorKey: 'sanne', expiresAt: T0 + 1000, accountVersion: 'v1' });
    expect(await store.expireStaffSessions(T0 + 2000)).toEqual(['h1']);
    expect(await store.getStaffSession('h1', T0)).toBeNull();
    expect(await store.getStaffSession('h2', T0 + 6000)).toBeNull();
    expect(await store.deleteStaffSessionsOf('kees')).toEqual(['h3']);
    expect(await store.getStaffSession('h3', T0)).toBeNull();
  });

  test('blocks keep the latest end, count repeats within a window, and end', async () => {
    await store.putBlock('n:x', T0 + 60_000);
    await store.putBlock('n:x', T0 + 30_000);
    expect(await store.getBlock('n:x', T0)).toBe(T0 + 60_000);
    expect(await store.getBlock('n:x', T0 + 60_000)).toBeNull();
    expect(await store.getBlock('n:other', T0)).toBeNull();
    expect(await store.countBlock('n:x', T0, 10_000)).toBe(1);
    expect(await store.countBlock('n:x', T0 + 5_000, 10_000)).toBe(2);
    expect(await store.countBlock('n:x', T0 + 20_000, 10_000)).toBe(1);
  });

  test('token bucket: burst, refusal with a retry time, refill', async () => {
    const takes = [];
    for (let i = 0; i < 4; i++) takes.push(await store.takeToken('k', 3, 2, T0));
    expect(takes.map((t) => t.ok)).toEqual([true, true, true, false]);
    expect(takes[3].retryAfterMs).toBe(500);
    expect((await store.takeToken('k', 3, 2, T0 + 500)).ok).toBe(true);
    expect((await store.takeToken('k', 3, 2, T0 + 500)).ok).toBe(false);
    expect((await store.takeToken('other', 3, 2, T0)).ok).toBe(true);
  });

  test('throttles, the daily secret, answers for estimates, one-time feedback tickets', async () => {
    await store.putThrottle('login:x', { failures: 3, lockedUntil: T0 + 1000, resetAt: T0 + 60_000 });
    expect(await store.getThrottle('login:x')).toEqual({ failures: 3, lockedUntil: T0 + 1000, resetAt: T0 + 60_000 });
    await store.deleteThrottle('login:x');
    expect(await store.getThrottle('login:x')).toBeNull();

    const today = await store.dailySecret('2026-11-22');
    expect(today).toHaveLength(32);
    expect((await store.dailySecret('2026-11-22')).equals(today)).toBe(true);
    expect((await store.dailySecret('2026-11-23')).equals(today)).toBe(false);

    await store.recordAnswer(T0, 60_000);
    await store.recordAnswer(T0 + 1000, 120_000);
    expect(await store.answersSince(T0 + 500)).toEqual([{ at: T0 + 1000, waitMs: 120_000 }]);

    await store.putFeedbackTicket('f1', T0 + 1000);
    await store.putFeedbackTicket('f2', T0 + 1000);
    expect(await store.takeFeedbackTicket('f1', T0)).toBe(true);
    expect(await store.takeFeedbackTicket('f1', T0)).toBe(false);
    expect(await store.takeFeedbackTicket('f2', T0 + 2000)).toBe(false);
  });
});

describe('Redis store specifics', () => {
  test('two nodes share one secret per day and one queue; everything transient has a TTL', async () => {
    const prefix = `shared${++prefixCounter}:`;
    const a = await RedisChatStore.connect({ url: redis.url, prefix });
    const b = await RedisChatStore.connect({ url: redis.url, prefix });
    opened.push(a, b);
    expect((await a.dailySecret('2026-11-22')).equals(await b.dailySecret('2026-11-22'))).toBe(true);
    await a.enqueue(entry('x'));
    expect((await b.takeFromQueue())?.entryId).toBe('x');
    expect(await a.takeFromQueue()).toBeNull();

    await a.putSession(session('s1'));
    await a.putSession(session('s2', { connected: false, disconnectedAt: T0 }));
    await a.putConversation(conversation('c1'));
    await a.appendMessage('c1', { from: 'youth', at: T0, text: 'geheim' }, 'm1');
    await a.putBlock('s:x', T0 + 60_000);
    await a.takeToken('k', 3, 1, T0);
    await a.putFeedbackTicket('f', T0 + 60_000);
    await a.enqueue(entry('y'));
    const keys = (await redis.command(['KEYS', `${prefix}*`])) as string[];
    const withoutTtl: string[] = [];
    for (const key of keys) {
      const ttl = (await redis.command(['PTTL', key])) as number;
      if (ttl < 0) withoutTtl.push(key);
    }
    // Index sets (ids only, no text) are the only keys without their own lifetime.
    expect(withoutTtl.map((k) => k.slice(prefix.length)).sort()).toEqual(['away', 'cs']);
    const away = (await redis.command(['PTTL', `${prefix}s:s2`])) as number;
    expect(away).toBeLessThanOrEqual(15 * 60_000);
    const secret = (await redis.command(['PTTL', `${prefix}sec:2026-11-22`])) as number;
    expect(secret).toBeGreaterThan(47 * 60 * 60_000);
    expect(secret).toBeLessThanOrEqual(48 * 60 * 60_000);
  });

  test('Redis paused: calls fail fast as unavailable, health says degraded, and recovers after', async () => {
    const store = await RedisChatStore.connect({ url: redis.url, prefix: `p${++prefixCounter}:`, commandTimeoutMs: 300 });
    opened.push(store);
    await store.putConversation(conversation('c1'));
    await redis.command(['CLIENT', 'PAUSE', '1200', 'ALL']);
    // A PING on its own connection answers only when the pause is over: "fast" means before that.
    let pauseOver = false;
    const ping = redis.command(['PING']).then(() => (pauseOver = true));
    await expect(store.appendMessage('c1', { from: 'youth', at: T0, text: 'tijdens de pauze' }, 'm1')).rejects.toMatchObject({ code: 'store_unavailable' });
    expect(pauseOver).toBe(false);
    expect(store.health()).toBe('degraded');
    await ping;
    await eventually(() => store.health() === 'ok');
    // The send was executed after the pause; the retry finds it, and since it was never
    // confirmed it is reported as new (so it gets pushed once), with the same sequence number.
    const retry = await store.appendMessage('c1', { from: 'youth', at: T0, text: 'tijdens de pauze' }, 'm1');
    expect(retry).toMatchObject({ duplicate: false, message: { seq: 1, text: 'tijdens de pauze' } });
    expect(await store.appendMessage('c1', { from: 'youth', at: T0, text: 'tijdens de pauze' }, 'm1')).toMatchObject({ duplicate: true });
    expect(await store.messagesAfter('c1', 0)).toHaveLength(1);
  });
});
