/**
 * The limits that protect the chat from floods and guessing: the per-socket token bucket, login
 * throttling per name and per network, the daily network key and the Origin check. Each test pins a
 * boundary a one-character change would move.
 */
import type { IncomingMessage } from 'node:http';
import { describe, expect, test } from 'vitest';
import {
  clearFailures,
  NAME_NETWORK_THROTTLE,
  NAME_THROTTLE,
  NETWORK_THROTTLE,
  recordFailure,
  throttleWait,
  type ThrottlePolicy,
} from '../../chat-server/accounts/login-throttle.ts';
import { clientAddress, networkKey, normaliseAddress } from '../../chat-server/safety/network-key.ts';
import { originAllowed } from '../../chat-server/safety/origin.ts';
import { TokenBucket } from '../../chat-server/safety/token-bucket.ts';
import { MemoryChatStore } from '../../chat-server/store/memory.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('token bucket', () => {
  test('a long quiet spell refills only up to the burst, not beyond', () => {
    const bucket = new TokenBucket({ burst: 3, perSecond: 2 }, 0);
    // An hour of silence would be 7200 tokens uncapped; a flood after it still stops after the burst.
    const hourLater = 3_600_000;
    expect([bucket.take(hourLater), bucket.take(hourLater), bucket.take(hourLater)]).toEqual([0, 0, 0]);
    expect(bucket.take(hourLater)).toBe(500);
  });

  test('the wait is until one whole token is back, rounded up to the millisecond', () => {
    const bucket = new TokenBucket({ burst: 1, perSecond: 3 }, 0);
    expect(bucket.take(0)).toBe(0);
    expect(bucket.take(0)).toBe(334);
    // A third of the way there: two thirds of a token (222.3 ms) still to wait.
    expect(bucket.take(111)).toBe(223);
    expect(bucket.take(333)).toBe(1);
    expect(bucket.take(334)).toBe(0);
  });

  test('a refused take costs nothing: refusals do not push the next token further away', () => {
    const bucket = new TokenBucket({ burst: 2, perSecond: 1 }, 0);
    bucket.take(0);
    bucket.take(0);
    for (let i = 0; i < 50; i++) expect(bucket.take(10 * i)).toBeGreaterThan(0);
    expect(bucket.take(1000)).toBe(0);
  });
});

describe('login throttle', () => {
  const policy: ThrottlePolicy = { free: 2, baseMs: 1000, maxMs: 5000, resetMs: 60_000 };

  test('failed logins are forgotten after a quiet hour: the count starts again from one', async () => {
    const store = new MemoryChatStore();
    const key = 'login:name-net:sanne:net';
    for (let i = 0; i < 6; i++) await recordFailure(store, key, NAME_NETWORK_THROTTLE, 0);
    expect(await recordFailure(store, key, NAME_NETWORK_THROTTLE, 1000)).toBeGreaterThan(0);
    // An hour after the last failure, the next one is the first again: free.
    const later = 1000 + NAME_NETWORK_THROTTLE.resetMs;
    expect(await throttleWait(store, key, later)).toBe(0);
    expect(await recordFailure(store, key, NAME_NETWORK_THROTTLE, later)).toBe(0);
    expect((await store.getThrottle(key))?.failures).toBe(1);
  });

  test('a failure just inside the quiet period still counts', async () => {
    const store = new MemoryChatStore();
    for (let i = 0; i < 2; i++) await recordFailure(store, 'k', policy, 0);
    expect(await recordFailure(store, 'k', policy, policy.resetMs - 1)).toBe(1000);
    expect((await store.getThrottle('k'))?.failures).toBe(3);
  });

  test('the wait starts after the free failures, doubles, is capped, and counts down', async () => {
    const store = new MemoryChatStore();
    const waits: number[] = [];
    for (let i = 0; i < 7; i++) waits.push(await recordFailure(store, 'k', policy, 0));
    expect(waits).toEqual([0, 0, 1000, 2000, 4000, 5000, 5000]);
    expect(await throttleWait(store, 'k', 1200)).toBe(3800);
    expect(await throttleWait(store, 'k', 5000)).toBe(0);
    expect(await throttleWait(store, 'k', 9000)).toBe(0);
  });

  test('no wait while failures are still free, and none for a key never seen', async () => {
    const store = new MemoryChatStore();
    await recordFailure(store, 'k', policy, 0);
    expect(await throttleWait(store, 'k', 0)).toBe(0);
    expect(await throttleWait(store, 'other', 0)).toBe(0);
  });

  test('a wait ends exactly when the reset comes, even if the lock would run longer', async () => {
    const store = new MemoryChatStore();
    await store.putThrottle('k', { failures: 9, lockedUntil: 100_000, resetAt: 50_000 });
    expect(await throttleWait(store, 'k', 49_999)).toBe(50_001);
    expect(await throttleWait(store, 'k', 50_000)).toBe(0);
  });

  test('a good login clears the count', async () => {
    const store = new MemoryChatStore();
    for (let i = 0; i < 4; i++) await recordFailure(store, 'k', policy, 0);
    await clearFailures(store, 'k');
    expect(await store.getThrottle('k')).toBeNull();
    expect(await recordFailure(store, 'k', policy, 0)).toBe(0);
  });

  test.each([
    ['name + network', NAME_NETWORK_THROTTLE],
    ['network', NETWORK_THROTTLE],
    ['name', NAME_THROTTLE],
  ])('%s: a wait is never longer than 15 minutes, and an hour of quiet forgets every failure', async (_kind, throttlePolicy) => {
    const store = new MemoryChatStore();
    const waits: number[] = [];
    for (let i = 0; i < throttlePolicy.free + 20; i++) waits.push(await recordFailure(store, 'k', throttlePolicy, 0));
    expect(waits.at(-1)).toBe(15 * MINUTE);
    expect(Math.max(...waits)).toBe(15 * MINUTE);
    // One millisecond short of an hour after the last failure: still counted, still the longest wait.
    expect(await recordFailure(store, 'k', throttlePolicy, HOUR - 1)).toBe(15 * MINUTE);
    // A full hour after that one: a first failure again.
    expect(await recordFailure(store, 'k', throttlePolicy, 2 * HOUR - 1)).toBe(0);
    expect((await store.getThrottle('k'))?.failures).toBe(1);
  });

  test('guessing from one network is slowed first; the real person on another network keeps getting in', () => {
    expect(NAME_NETWORK_THROTTLE.free).toBeLessThan(NETWORK_THROTTLE.free);
    expect(NETWORK_THROTTLE.free).toBeLessThan(NAME_THROTTLE.free);
    expect(NAME_NETWORK_THROTTLE.baseMs).toBe(NAME_THROTTLE.baseMs);
  });
});

describe('network key', () => {
  test('the day changes at midnight UTC, not at any other hour', async () => {
    const store = new MemoryChatStore();
    const a = await networkKey(store, '198.51.100.4', Date.parse('2026-03-02T00:00:00Z'));
    expect(await networkKey(store, '198.51.100.4', Date.parse('2026-03-02T23:59:59Z'))).toBe(a);
    expect(await networkKey(store, '198.51.100.4', Date.parse('2026-03-03T00:00:00Z'))).not.toBe(a);
  });

  test('an IPv6 address counts as its /64, in every spelling; IPv4 stays per address', async () => {
    const store = new MemoryChatStore();
    const now = Date.parse('2026-03-02T10:00:00Z');
    const key = (address: string) => networkKey(store, address, now);
    const home = await key('2001:db8:3::1');
    for (const same of [
      '2001:db8:3::2',
      '2001:db8:3::1:1',
      '2001:db8:3:0:ffff:ffff:ffff:ffff',
      '2001:0db8:0003:0000:0000:0000:0000:0001',
      '2001:DB8:3::1',
      ' 2001:db8:3::1 ',
      '[2001:db8:3::1]:443',
      '[2001:db8:3::1]',
      '2001:db8:3::1%eth0',
      '2001:db8:3:0::1.2.3.4',
    ]) {
      expect(await key(same), same).toBe(home);
    }
    for (const other of ['2001:db8:3:1::1', '2001:db8:4::1', 'db8:3::1', '::1', '203.0.113.9']) {
      expect(await key(other), other).not.toBe(home);
    }
    const v4 = await key('203.0.113.9');
    for (const same of [
      '::ffff:203.0.113.9',
      '::FFFF:203.0.113.9',
      '::ffff:cb00:7109',
      '0:0:0:0:0:ffff:cb00:7109',
      '203.0.113.9:51234',
      '[::ffff:203.0.113.9]:80',
    ]) {
      expect(await key(same), same).toBe(v4);
    }
    expect(await key('203.0.113.10')).not.toBe(v4);
    expect(await key('::203.0.113.9')).not.toBe(v4);
    // Garbage from a misconfigured proxy is one network, not one per made-up text.
    expect(await key('x0')).toBe(await key('x1'));
    expect(await key('2001:db8::1::2')).toBe(await key('unknown'));
  });

  test('normaliseAddress writes the network once', () => {
    expect(normaliseAddress('2001:0DB8:0003:0000:0000:0000:0000:0001')).toBe('2001:db8:3:0::/64');
    expect(normaliseAddress('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(normaliseAddress('127.0.0.1:8080')).toBe('127.0.0.1');
    expect(normaliseAddress('::')).toBe('0:0:0:0::/64');
  });

  test('the client address comes from the proxy header only when told to trust it, counted from the right', () => {
    expect(clientAddress('10.0.0.1', '203.0.113.9, 10.0.0.1', 0)).toBe('10.0.0.1');
    // One proxy of ours appended what it saw; anything to its left was written by the client.
    expect(clientAddress('10.0.0.1', '6.6.6.6, 203.0.113.9', 1)).toBe('203.0.113.9');
    expect(clientAddress('10.0.0.1', ['  203.0.113.9 ', '198.51.100.1'], 2)).toBe('203.0.113.9');
    expect(clientAddress('10.0.0.1', ' , 10.0.0.2', 1)).toBe('10.0.0.2');
    // Empty entries (a stray or trailing comma) are skipped, not counted as a hop.
    expect(clientAddress('10.0.0.1', '203.0.113.9, , ', 1)).toBe('203.0.113.9');
    // A header with no address in it at all: the connection's own address.
    expect(clientAddress('10.0.0.1', ' , ', 1)).toBe('10.0.0.1');
    expect(clientAddress('10.0.0.1', undefined, 1)).toBe('10.0.0.1');
    expect(clientAddress(undefined, undefined, 0)).toBe('unknown');
  });
});

describe('origin check', () => {
  const request = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage;

  test('own host and listed origins pass; another site, a look-alike and garbage do not', () => {
    expect(originAllowed(request({ host: 'cjg.example.nl' }), [])).toBe(true);
    expect(originAllowed(request({ host: 'cjg.example.nl', origin: 'https://cjg.example.nl' }), [])).toBe(true);
    expect(originAllowed(request({ host: 'cjg.example.nl', origin: 'https://evil.example' }), [])).toBe(false);
    expect(originAllowed(request({ host: 'cjg.example.nl', origin: 'https://cjg.example.nl.evil.example' }), [])).toBe(false);
    expect(originAllowed(request({ host: 'cjg.example.nl', origin: 'https://app.example' }), ['https://app.example'])).toBe(true);
    expect(originAllowed(request({ host: 'cjg.example.nl', origin: 'null' }), [])).toBe(false);
  });
});
