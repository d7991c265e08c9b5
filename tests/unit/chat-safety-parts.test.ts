import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { AccountBook, addAccount } from '../../chat-server/accounts/account-file.ts';
import { forgiveAttempt, NAME_NETWORK_THROTTLE as POLICY, recordFailure, throttleWait } from '../../chat-server/accounts/login-throttle.ts';
import { hashPassword } from '../../chat-server/accounts/password.ts';
import { throttledMessage } from '../../shared/protocol/errors.ts';
import { networkKey } from '../../chat-server/safety/network-key.ts';
import { TokenBucket } from '../../chat-server/safety/token-bucket.ts';
import { MemoryChatStore } from '../../chat-server/store/memory.ts';
import { defined } from '../support/defined.ts';

describe('token bucket', () => {
  test('allows the burst, then refills at the set rate', () => {
    const bucket = new TokenBucket({ burst: 3, perSecond: 2 }, 0);
    expect([bucket.take(0), bucket.take(0), bucket.take(0)]).toEqual([0, 0, 0]);
    expect(bucket.take(0)).toBe(500);
    expect(bucket.take(500)).toBe(0);
    expect(bucket.take(500)).toBeGreaterThan(0);
  });
});

describe('login throttle', () => {
  test('five free failures, then waits that double up to the maximum', async () => {
    const store = new MemoryChatStore();
    const waits: number[] = [];
    for (let i = 0; i < 12; i++) waits.push(await recordFailure(store, 'login:name-net:sanne:net', POLICY, 0));
    expect(waits.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
    expect(waits.slice(5, 9)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(Math.max(...waits)).toBe(POLICY.maxMs);
    expect(await throttleWait(store, 'login:name-net:sanne:net', 1000)).toBe(POLICY.maxMs - 1000);
    // Forgotten after an hour of quiet.
    expect(await throttleWait(store, 'login:name-net:sanne:net', POLICY.resetMs + 1)).toBe(0);
  });

  test('an attempt counted before its check is taken back after a success', async () => {
    const store = new MemoryChatStore();
    for (let i = 0; i < 6; i++) await recordFailure(store, 'k', POLICY, 0);
    expect(await throttleWait(store, 'k', 0)).toBe(30_000);
    await forgiveAttempt(store, 'k', POLICY, 0);
    // Back to five failures: no wait any more, and the count is one lower.
    expect(await throttleWait(store, 'k', 0)).toBe(0);
    expect((await store.getThrottle('k'))?.failures).toBe(5);
    for (let i = 0; i < 5; i++) await forgiveAttempt(store, 'k', POLICY, 0);
    expect(await store.getThrottle('k')).toBeNull();
  });

  test('the message says how long to wait, in Dutch', () => {
    expect(throttledMessage(30_000)).toBe('Te veel mislukte pogingen. Wacht 30 seconden en probeer het dan opnieuw.');
    expect(throttledMessage(60_000)).toBe('Te veel mislukte pogingen. Wacht 1 minuut en probeer het dan opnieuw.');
    expect(throttledMessage(240_000)).toBe('Te veel mislukte pogingen. Wacht 4 minuten en probeer het dan opnieuw.');
  });
});

describe('network key', () => {
  test('same address same day: same key; next day: another; never the address itself', async () => {
    const store = new MemoryChatStore();
    const day1 = Date.parse('2026-03-02T10:00:00Z');
    const a = await networkKey(store, '::ffff:192.0.2.7', day1);
    expect(await networkKey(store, '192.0.2.7', day1 + 60_000)).toBe(a);
    expect(await networkKey(store, '192.0.2.8', day1)).not.toBe(a);
    expect(a).not.toContain('192');
    expect(a).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(await networkKey(store, '192.0.2.7', day1 + 24 * 60 * 60_000)).not.toBe(a);
  });
});

describe('account book', () => {
  test('re-reads counsellors.json when it changes; a broken file keeps the last good list', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cjg-accounts-'));
    const errors: unknown[] = [];
    const book = new AccountBook(dir, (e) => errors.push(e));
    expect(book.get('Sanne')).toBeUndefined();
    addAccount(dir, 'Sanne', 'counsellor', await hashPassword('een-lang-wachtwoord', { N: 1024, r: 8, p: 1 }));
    expect(book.get('SANNE')?.name).toBe('Sanne');
    expect(() => addAccount(dir, 'sanne', 'counsellor', defined(book.get('Sanne'), 'the account Sanne').password)).toThrow(/al een account/);
    writeFileSync(join(dir, 'counsellors.json'), '{ half bewerkt');
    expect(book.get('Sanne')?.name).toBe('Sanne');
    expect(String(errors[0])).toContain('geen geldige JSON');
    // The CLI refuses to write over a broken file rather than lose accounts.
    expect(() => addAccount(dir, 'Kees', 'supervisor', defined(book.get('Sanne'), 'the account Sanne').password)).toThrow(/geen geldige JSON/);
    writeFileSync(join(dir, 'counsellors.json'), JSON.stringify({ version: 1, counsellors: [] }));
    utimesSync(join(dir, 'counsellors.json'), new Date(), new Date(Date.now() + 5000));
    expect(book.get('Sanne')).toBeUndefined();
  });
});
