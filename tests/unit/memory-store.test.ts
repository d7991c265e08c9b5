/**
 * What only the in-memory store does (the Redis store uses TTLs instead): pruning, and the edges of
 * its lifetimes. The behaviour both stores share is in tests/integration/store-contract.test.ts.
 */
import { describe, expect, test } from 'vitest';
import { MemoryChatStore } from '../../chat-server/store/memory.ts';
import type { YouthSession } from '../../chat-server/store/types.ts';
import { defined } from '../support/defined.ts';

const MINUTE = 60_000;

describe('in-memory chat store', () => {
  test('prune drops ended blocks, idle buckets and forgotten throttles, and keeps the rest', async () => {
    const store = new MemoryChatStore();
    const now = 10 * MINUTE + 1000;
    await store.putBlock('ended', 1000);
    await store.putBlock('running', now + 5000);
    // Both buckets emptied, with a refill too slow to matter here.
    for (let i = 0; i < 2; i++) await store.takeToken('idle', 2, 0.0001, 0);
    for (let i = 0; i < 2; i++) await store.takeToken('busy', 2, 0.0001, now - 1);
    await store.putThrottle('forgotten', { failures: 3, lockedUntil: 500, resetAt: 1000 });
    await store.putThrottle('still-locked', { failures: 9, lockedUntil: now + 1, resetAt: 1000 });
    await store.putThrottle('remembered', { failures: 2, lockedUntil: 0, resetAt: now + 1 });

    store.prune(now);
    // A dropped bucket starts full again; a kept one is still empty.
    expect((await store.takeToken('idle', 2, 0.0001, now)).ok).toBe(true);
    expect((await store.takeToken('busy', 2, 0.0001, now)).ok).toBe(false);
    expect(await store.getBlock('running', now)).toBe(now + 5000);
    expect(await store.getThrottle('forgotten')).toBeNull();
    expect(await store.getThrottle('still-locked')).toMatchObject({ failures: 9 });
    expect(await store.getThrottle('remembered')).toMatchObject({ failures: 2 });
  });

  test('a throttle is forgotten by the sweep at the moment both its lock and its quiet period end', async () => {
    const store = new MemoryChatStore();
    await store.putThrottle('both-end-now', { failures: 7, lockedUntil: 5000, resetAt: 5000 });
    await store.putThrottle('quiet-not-over', { failures: 7, lockedUntil: 5000, resetAt: 5001 });
    store.prune(5000);
    expect(await store.getThrottle('both-end-now')).toBeNull();
    expect(await store.getThrottle('quiet-not-over')).toMatchObject({ failures: 7 });
  });

  test('a bucket idle exactly ten minutes is kept; a minute more and it is dropped', async () => {
    const store = new MemoryChatStore();
    for (let i = 0; i < 5; i++) await store.takeToken('k', 5, 0.001, 0);
    store.prune(10 * MINUTE);
    expect((await store.takeToken('k', 5, 0.001, 10 * MINUTE)).ok).toBe(false);
    store.prune(21 * MINUTE);
    expect((await store.takeToken('k', 5, 0.001, 21 * MINUTE)).ok).toBe(true);
  });

  test('the token bucket refills only up to its burst', async () => {
    const store = new MemoryChatStore();
    for (let i = 0; i < 3; i++) expect((await store.takeToken('k', 3, 2, 0)).ok).toBe(true);
    const hourLater = 60 * MINUTE;
    for (let i = 0; i < 3; i++) expect((await store.takeToken('k', 3, 2, hourLater)).ok).toBe(true);
    expect(await store.takeToken('k', 3, 2, hourLater)).toEqual({ ok: false, retryAfterMs: 500 });
  });

  test('a block ends at its end time exactly, and a shorter block never shortens a longer one', async () => {
    const store = new MemoryChatStore();
    await store.putBlock('k', 2000);
    await store.putBlock('k', 1000);
    expect(await store.getBlock('k', 1999)).toBe(2000);
    expect(await store.getBlock('k', 2000)).toBeNull();
    expect(await store.getBlock('k', 0)).toBeNull();
    expect(await store.getBlock('never', 0)).toBeNull();
  });

  test('repeat blocks are counted within the window only, and forgotten with the daily secret', async () => {
    const store = new MemoryChatStore();
    const first = await store.dailySecret('2026-03-02');
    expect(await store.countBlock('net', 0, 1000)).toBe(1);
    expect(await store.countBlock('net', 999, 1000)).toBe(2);
    expect(await store.countBlock('net', 1000, 1000)).toBe(2);
    expect(await store.dailySecret('2026-03-02')).toBe(first);
    expect(await store.countBlock('net', 1001, 1000)).toBe(3);
    expect(await store.dailySecret('2026-03-03')).not.toEqual(first);
    expect(await store.countBlock('net', 1002, 1000)).toBe(1);
  });

  test('a staff login ends at its expiry exactly, also when expired in bulk', async () => {
    const store = new MemoryChatStore();
    await store.putStaffSession('a', { counsellorKey: 'sanne', expiresAt: 1000, accountVersion: 'v1' });
    await store.putStaffSession('b', { counsellorKey: 'sanne', expiresAt: 3000, accountVersion: 'v1' });
    await store.putStaffSession('c', { counsellorKey: 'kees', expiresAt: 3000, accountVersion: 'v1' });
    expect(await store.getStaffSession('a', 999)).toMatchObject({ counsellorKey: 'sanne' });
    expect(await store.expireStaffSessions(999)).toEqual([]);
    expect(await store.expireStaffSessions(1000)).toEqual(['a']);
    expect(await store.getStaffSession('a', 0)).toBeNull();
    expect(await store.getStaffSession('b', 3000)).toBeNull();
    expect(await store.deleteStaffSessionsOf('sanne')).toEqual([]);
    expect(await store.deleteStaffSessionsOf('kees')).toEqual(['c']);
  });

  test('answers for the estimate are kept two hours; since is inclusive', async () => {
    const store = new MemoryChatStore();
    await store.recordAnswer(0, 60_000);
    await store.recordAnswer(60 * MINUTE, 30_000);
    expect(await store.answersSince(0)).toHaveLength(2);
    expect(await store.answersSince(60 * MINUTE)).toEqual([{ at: 60 * MINUTE, waitMs: 30_000 }]);
    await store.recordAnswer(120 * MINUTE, 10_000);
    expect((await store.answersSince(0)).map((a) => a.at)).toEqual([60 * MINUTE, 120 * MINUTE]);
  });

  test('a feedback ticket works once, before it expires; expired tickets are cleared on the way', async () => {
    const store = new MemoryChatStore();
    await store.putFeedbackTicket('old', 1000);
    await store.putFeedbackTicket('new', 5000);
    await store.putFeedbackTicket('edge', 2000);
    expect(await store.takeFeedbackTicket('edge', 2000)).toBe(false);
    expect(await store.takeFeedbackTicket('new', 4999)).toBe(true);
    expect(await store.takeFeedbackTicket('new', 4999)).toBe(false);
    expect(await store.takeFeedbackTicket('old', 0)).toBe(false);
  });

  test('a feedback ticket that expires exactly now is cleared on the way, like one that expired earlier', async () => {
    const store = new MemoryChatStore();
    await store.putFeedbackTicket('now', 2000);
    await store.putFeedbackTicket('later', 3000);
    await store.putFeedbackTicket('taken', 3000);
    expect(await store.takeFeedbackTicket('taken', 2000)).toBe(true);
    // Cleared at 2000 although asked about with an earlier clock now: expiry is final.
    expect(await store.takeFeedbackTicket('now', 1000)).toBe(false);
    expect(await store.takeFeedbackTicket('later', 1000)).toBe(true);
  });

  test('what comes out is a copy: changing it changes nothing stored', async () => {
    const store = new MemoryChatStore();
    const session: YouthSession = { sessionKey: 's', networkKey: 'n', phase: 'queued', topic: null, ageBand: null, requestedAt: 0, connected: true };
    await store.putSession(session);
    session.phase = 'chatting';
    const got = defined(await store.getSession('s'), 'the stored session');
    expect(got.phase).toBe('queued');
    got.connected = false;
    expect((await store.getSession('s'))?.connected).toBe(true);
    await store.putThrottle('t', { failures: 1, lockedUntil: 0, resetAt: 10 });
    defined(await store.getThrottle('t'), 'the stored throttle').failures = 99;
    expect((await store.getThrottle('t'))?.failures).toBe(1);
  });

  test('close forgets sessions, queue, conversations and message logs', async () => {
    const store = new MemoryChatStore();
    await store.putSession({ sessionKey: 's', networkKey: 'n', phase: 'queued', topic: null, ageBand: null, requestedAt: 0, connected: true });
    await store.enqueue({ entryId: 'e', sessionKey: 's', joinedAt: 0, topic: null, ageBand: null, requeued: false });
    await store.putPresence({
      counsellorKey: 'sanne',
      name: 'Sanne',
      role: 'counsellor',
      available: true,
      online: true,
      maxConversations: 3,
      conversationIds: [],
    });
    await store.close();
    expect(store.counts()).toEqual({ sessions: 0, conversations: 0, messageLogs: 0, queue: 0 });
    expect(await store.listPresence()).toEqual([]);
  });
});
