/**
 * The sign-up store's behaviour, against both real engines: node:sqlite in a temporary data folder and a
 * real redis-server WITH persistence (append-only file, fsync on every write), as the indicators' Redis is
 * run. Places and the waiting list are decided atomically; both keep everything across a reopen, and a
 * Redis restarted on its append-only file has lost nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { RedisSignupStore } from '../../chat-server/signups/redis-store.ts';
import { SIGNUP_SQLITE_FILE, SqliteSignupStore } from '../../chat-server/signups/sqlite-store.ts';
import type { NewSignup, PlacementRule, SignupStore } from '../../chat-server/signups/store.ts';
import { startRedis, type TestRedis } from '../support/redis.ts';

const PERSISTENT = (dir: string) => ['--appendonly', 'yes', '--appendfsync', 'always', '--dir', dir];

let redis: TestRedis;
let redisDir: string;
const folders: string[] = [];
const opened: SignupStore[] = [];
let n = 0;

beforeAll(async () => {
  redisDir = mkdtempSync(join(tmpdir(), 'cjg-aanmelden-redis-'));
  redis = await startRedis({ extraArgs: PERSISTENT(redisDir) });
});
afterAll(async () => {
  for (const store of opened) await store.close().catch(() => undefined);
  await redis.stop();
  for (const dir of [redisDir, ...folders]) rmSync(dir, { recursive: true, force: true });
});

interface Engine {
  make(): Promise<SignupStore>;
  reopen(): Promise<SignupStore>;
}

const engines: [string, () => Engine][] = [
  [
    'sqlite',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'cjg-aanmelden-sqlite-'));
      folders.push(dir);
      const open = () => {
        const store = new SqliteSignupStore(dir);
        opened.push(store);
        return Promise.resolve(store);
      };
      return { make: open, reopen: open };
    },
  ],
  [
    'redis',
    () => {
      const prefix = `s${++n}:`;
      const open = async () => {
        const store = await RedisSignupStore.connect(redis.url, prefix);
        opened.push(store);
        return store;
      };
      return { make: open, reopen: open };
    },
  ],
];

let id = 0;
const signup = (over: Partial<NewSignup> = {}): NewSignup => {
  id++;
  return {
    id: `id-${id}`,
    activityId: 'triple-p',
    option: 'reeks',
    people: 1,
    createdAt: 1_800_000_000_000 + id,
    deleteAt: 1_900_000_000_000,
    dedupe: `hash-${id}`,
    box: 'AQID',
    ...over,
  };
};
const rule = (over: Partial<PlacementRule> = {}): PlacementRule => ({
  places: 4,
  waitlistCapacity: 10,
  allowWaiting: true,
  maxStored: 1000,
  perNetwork: 1000,
  ...over,
});

describe.each(engines)('SignupStore contract: %s', (_name, engine) => {
  test('a place while it fits, the waiting list after, and nothing when both are full', async () => {
    const store = await engine().make();
    expect(await store.add(signup({ people: 3 }), rule())).toMatchObject({ outcome: 'added', record: { status: 'placed', people: 3 } });
    expect(await store.add(signup({ people: 2 }), rule({ allowWaiting: false }))).toEqual({ outcome: 'needs_waitlist' });
    expect(await store.add(signup({ people: 2 }), rule())).toMatchObject({ outcome: 'added', record: { status: 'waiting' } });
    // One place is free and only a family of 2 waits (it does not fit): one person gets that place, it
    // does not stay empty until staff cancel someone (attacker review 17-3, m1).
    expect(await store.add(signup({ people: 1 }), rule({ allowWaiting: false }))).toMatchObject({ outcome: 'added', record: { status: 'placed' } });
    expect(await store.add(signup({ people: 1 }), rule({ allowWaiting: false }))).toEqual({ outcome: 'needs_waitlist' });
    expect(await store.add(signup({ people: 1 }), rule())).toMatchObject({ outcome: 'added', record: { status: 'waiting' } });
    expect(await store.add(signup({ people: 6 }), rule())).toMatchObject({ outcome: 'added', record: { status: 'waiting' } });
    expect(await store.add(signup({ people: 2 }), rule())).toEqual({ outcome: 'full' });
    expect(await store.taken('triple-p')).toEqual(new Map([['reeks', { placedPeople: 4, waitingPeople: 9, smallestWaiting: 1 }]]));
    expect(await store.count()).toBe(5);
  });

  test('a waiting group that fits in a free place keeps it from a new sign-up; one network stores at most its cap', async () => {
    const store = await engine().make();
    await store.add(signup({ people: 3 }), rule());
    await store.add(signup({ people: 1 }), rule());
    // 4 places taken; a group of 1 waits. A place comes free in a way that moves nobody up (the content
    // gave the course 5 places): the waiting one is first, a new sign-up of 1 waits behind it.
    expect(await store.add(signup({ people: 1 }), rule())).toMatchObject({ record: { status: 'waiting' } });
    expect(await store.add(signup({ people: 1 }), rule({ places: 5 }))).toMatchObject({ record: { status: 'waiting' } });
    // Two sign-ups from one network for this option are stored, the third is refused; another network goes on.
    expect(await store.add(signup({ option: '2027-01-28T19:30', network: 'net-a' }), rule())).toMatchObject({ outcome: 'added' });
    expect(await store.add(signup({ option: '2027-01-28T19:30', network: 'net-a' }), rule())).toMatchObject({ outcome: 'added' });
    expect(await store.add(signup({ option: '2027-01-28T19:30', network: 'net-a' }), rule({ perNetwork: 2 }))).toEqual({ outcome: 'network_limit' });
    expect(await store.add(signup({ option: '2027-01-28T19:30', network: 'net-b' }), rule({ perNetwork: 2 }))).toMatchObject({ outcome: 'added' });
    // The same submission again is its first answer, also over the cap.
    expect(await store.bySubmission(`hash-${id}`)).toMatchObject({ network: 'net-b', status: 'placed' });
    expect(await store.bySubmission('hash-nooit')).toBeNull();
  });

  test('options and activities are counted apart; no limit places everyone', async () => {
    const store = await engine().make();
    await store.add(signup({ option: '2027-01-28T19:30', people: 2 }), rule({ places: 2 }));
    expect((await store.add(signup({ option: '2027-03-18T19:30', people: 2 }), rule({ places: 2 }))).outcome).toBe('added');
    expect((await store.add(signup({ activityId: 'ander', people: 6 }), rule({ places: null }))).outcome).toBe('added');
    expect((await store.add(signup({ activityId: 'ander', people: 6 }), rule({ places: null }))).outcome).toBe('added');
    expect(await store.taken('triple-p')).toEqual(
      new Map([
        ['2027-01-28T19:30', { placedPeople: 2, waitingPeople: 0 }],
        ['2027-03-18T19:30', { placedPeople: 2, waitingPeople: 0 }],
      ]),
    );
    expect((await store.activityIds()).sort()).toEqual(['ander', 'triple-p']);
  });

  test('the same submission twice is one sign-up with the first answer; the same contact twice is two sign-ups', async () => {
    const store = await engine().make();
    const first = await store.add(signup({ dedupe: 'same-form', contact: 'anna', people: 3 }), rule());
    if (first.outcome !== 'added') throw new Error(first.outcome);
    // A refresh or a double click: the record of the first send, whatever the rule says now.
    expect(await store.add(signup({ dedupe: 'same-form', contact: 'anna', people: 1 }), rule())).toEqual({ outcome: 'duplicate', record: first.record });
    expect(await store.add(signup({ dedupe: 'same-form', people: 2 }), rule({ allowWaiting: false, waitlistCapacity: 0 }))).toEqual({
      outcome: 'duplicate',
      record: first.record,
    });
    expect(await store.count()).toBe(1);
    // Another form with the same contact is a sign-up of its own (the staff view marks it; the store does not decide).
    const again = await store.add(signup({ dedupe: 'other-form', contact: 'anna', people: 1 }), rule());
    expect(again).toMatchObject({ outcome: 'added', record: { status: 'placed', contact: 'anna' } });
    expect(await store.count()).toBe(2);
    expect(await store.taken('triple-p')).toEqual(new Map([['reeks', { placedPeople: 4, waitingPeople: 0 }]]));
  });

  test('cancel: deleted, and each waiting group that fits moves up in order; a bigger one keeps its place; the rest untouched', async () => {
    const store = await engine().make();
    const add = async (people: number, option = 'reeks') => {
      const r = await store.add(signup({ people, option }), rule());
      if (r.outcome !== 'added') throw new Error(r.outcome);
      return r.record;
    };
    const anna = await add(3);
    const bert = await add(1);
    const cor = await add(2);
    const dirk = await add(2);
    const eva = await add(1);
    const other = await add(2, '2027-01-28T19:30');
    const at = 1_850_000_000_000;
    // 3 places free: Cor (2) moves up; Dirk (2) does not fit in the 1 left and keeps his first place; Eva (1) behind him takes it.
    const result = await store.cancel(anna.id, at, () => 4);
    expect(result).toEqual({
      cancelled: anna,
      promoted: [
        { ...cor, status: 'placed', promotedAt: at },
        { ...eva, status: 'placed', promotedAt: at },
      ],
    });
    expect(await store.cancel(anna.id, at + 1, () => 4)).toBeNull();
    expect(await store.count()).toBe(5);
    const after = await store.list();
    expect(after.find((r) => r.id === dirk.id)).toEqual(dirk);
    expect(after.find((r) => r.id === other.id)).toEqual(other);
    expect(await store.taken('triple-p')).toEqual(
      new Map([
        ['reeks', { placedPeople: 4, waitingPeople: 2, smallestWaiting: 2 }],
        ['2027-01-28T19:30', { placedPeople: 2, waitingPeople: 0 }],
      ]),
    );
    // Bert cancels: 1 place free, Dirk (2) still does not fit; a new sign-up of 1 fits and takes it, as
    // Eva did on the cancel (the same rule on arrival; attacker review 17-3, m1). Dirk keeps place 1.
    expect(await store.cancel(bert.id, at + 2, () => 4)).toEqual({ cancelled: bert, promoted: [] });
    expect(await store.add(signup({ people: 1 }), rule())).toMatchObject({ outcome: 'added', record: { status: 'placed' } });
    expect(await store.add(signup({ people: 1 }), rule())).toMatchObject({ outcome: 'added', record: { status: 'waiting' } });
    // The submission id of a cancelled sign-up is free again.
    expect((await store.add(signup({ dedupe: anna.dedupe, people: 1 }), rule())).outcome).toBe('added');
  });

  test('thirty at once for four places: exactly four placed, ten waiting, the rest refused', async () => {
    const store = await engine().make();
    const results = await Promise.all(Array.from({ length: 30 }, () => store.add(signup(), rule())));
    const outcomes = results.map((r) => (r.outcome === 'added' ? r.record.status : r.outcome));
    expect(outcomes.filter((o) => o === 'placed')).toHaveLength(4);
    expect(outcomes.filter((o) => o === 'waiting')).toHaveLength(10);
    expect(outcomes.filter((o) => o === 'full')).toHaveLength(16);
  });

  test('the store cap refuses before anything is counted', async () => {
    const store = await engine().make();
    await store.add(signup(), rule({ maxStored: 2 }));
    await store.add(signup(), rule({ maxStored: 2 }));
    expect(await store.add(signup(), rule({ maxStored: 2 }))).toEqual({ outcome: 'store_full' });
  });

  test('deleting an activity, or only what is due, frees places and the double check', async () => {
    const store = await engine().make();
    await store.add(signup({ dedupe: 'a', deleteAt: 100 }), rule());
    await store.add(signup({ dedupe: 'b', deleteAt: 200 }), rule());
    await store.add(signup({ activityId: 'ander', deleteAt: 100 }), rule());
    expect(await store.deleteDue('triple-p', 150)).toBe(1);
    expect((await store.list()).map((r) => r.dedupe)).toEqual(['b', expect.any(String)]);
    expect(await store.add(signup({ dedupe: 'a' }), rule())).toMatchObject({ outcome: 'added' });
    expect(await store.deleteActivity('triple-p')).toBe(2);
    expect(await store.activityIds()).toEqual(['ander']);
    expect(await store.deleteDue('ander', 100)).toBe(1);
    expect(await store.activityIds()).toEqual([]);
    expect(await store.count()).toBe(0);
  });

  test('deleting one option (one evening of a series) leaves the other evenings and activities alone', async () => {
    const store = await engine().make();
    await store.add(signup({ option: '2027-01-28T19:30', dedupe: 'jan' }), rule());
    await store.add(signup({ option: '2027-03-18T19:30', dedupe: 'mrt' }), rule());
    await store.add(signup({ activityId: 'ander', option: '2027-01-28T19:30', dedupe: 'ander' }), rule());
    expect(await store.deleteActivity('triple-p', '2027-01-28T19:30')).toBe(1);
    expect((await store.list()).map((r) => r.dedupe).sort()).toEqual(['ander', 'mrt']);
    // The double check is freed for that evening only.
    expect(await store.add(signup({ option: '2027-01-28T19:30', dedupe: 'jan' }), rule())).toMatchObject({ outcome: 'added' });
    expect(await store.deleteActivity('triple-p', '2027-03-18T19:30')).toBe(1);
    expect(await store.deleteActivity('triple-p', '2027-01-28T19:30')).toBe(1);
    expect(await store.activityIds()).toEqual(['ander']);
  });

  test('a reopened store has every sign-up, with its box as stored', async () => {
    const e = engine();
    const store = await e.make();
    await store.add(signup({ box: 'versleuteld-1', people: 2 }), rule());
    await store.close();
    const again = await e.reopen();
    expect(await again.list()).toEqual([expect.objectContaining({ box: 'versleuteld-1', people: 2, status: 'placed' })]);
    expect((await again.taken('triple-p')).get('reeks')).toEqual({ placedPeople: 2, waitingPeople: 0 });
  });
});

test('Redis restarted on its append-only file has lost no sign-up', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cjg-aanmelden-aof-'));
  folders.push(dir);
  const first = await startRedis({ extraArgs: PERSISTENT(dir) });
  const store = await RedisSignupStore.connect(first.url, 'aof:');
  for (let i = 0; i < 5; i++) await store.add(signup(), rule());
  await store.close();
  await first.stop();
  const second = await startRedis({ extraArgs: PERSISTENT(dir) });
  const reopened = await RedisSignupStore.connect(second.url, 'aof:');
  expect((await reopened.taken('triple-p')).get('reeks')).toEqual({ placedPeople: 4, waitingPeople: 1, smallestWaiting: 1 });
  await reopened.close();
  await second.stop();
});

test('a SQLite file from before one-time ids: its contact hashes move to `contact`, and a second sign-up with that contact is stored', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cjg-aanmelden-oud-'));
  folders.push(dir);
  const old = new DatabaseSync(join(dir, SIGNUP_SQLITE_FILE));
  old.exec(`CREATE TABLE signups (id TEXT PRIMARY KEY, activity TEXT NOT NULL, option TEXT NOT NULL, people INTEGER NOT NULL, status TEXT NOT NULL,
    created_at INTEGER NOT NULL, delete_at INTEGER NOT NULL, dedupe TEXT NOT NULL UNIQUE, box TEXT NOT NULL) STRICT;
    INSERT INTO signups VALUES ('oud-1', 'triple-p', 'reeks', 2, 'placed', 1, 2000000000000, 'contact-van-anna', 'AQID');`);
  old.close();
  const store = new SqliteSignupStore(dir);
  opened.push(store);
  expect(await store.list()).toEqual([expect.objectContaining({ id: 'oud-1', dedupe: 'contact-van-anna', contact: 'contact-van-anna' })]);
  expect(await store.add(signup({ dedupe: 'nieuw-formulier', contact: 'contact-van-anna' }), rule())).toMatchObject({ outcome: 'added' });
  expect((await store.list()).map((r) => r.contact)).toEqual(['contact-van-anna', 'contact-van-anna']);
});
