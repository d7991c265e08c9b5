/**
 * The question store's behaviour, against both real engines: node:sqlite in a temporary data folder and
 * a real redis-server WITH persistence (append-only file, fsync on every write), as the indicators' Redis
 * is run. Both must survive a restart, and a crash in the middle of writing must lose nothing acknowledged.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { RedisQuestionStore } from '../../chat-server/questions/redis-store.ts';
import { SqliteQuestionStore } from '../../chat-server/questions/sqlite-store.ts';
import type { QuestionStore } from '../../chat-server/questions/store.ts';
import { startRedis, type TestRedis } from '../support/redis.ts';
import { sampleRecord } from '../support/question-record.ts';
import { defined } from '../support/defined.ts';

const PERSISTENT = (dir: string) => ['--appendonly', 'yes', '--appendfsync', 'always', '--dir', dir];

let redis: TestRedis;
let redisDir: string;
const folders: string[] = [];
const opened: QuestionStore[] = [];
let n = 0;

beforeAll(async () => {
  redisDir = mkdtempSync(join(tmpdir(), 'cjg-vraag-redis-'));
  redis = await startRedis({ extraArgs: PERSISTENT(redisDir) });
});
afterAll(async () => {
  for (const store of opened) await store.close().catch(() => undefined);
  await redis.stop();
  for (const dir of [redisDir, ...folders]) rmSync(dir, { recursive: true, force: true });
});

interface Engine {
  make(): Promise<QuestionStore>;
  /** A new store on the same data (after a restart of the process or the engine). */
  reopen(): Promise<QuestionStore>;
}

const engines: [string, () => Engine][] = [
  [
    'sqlite',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'cjg-vraag-sqlite-'));
      folders.push(dir);
      const open = async () => {
        const store = new SqliteQuestionStore(dir);
        opened.push(store);
        return store;
      };
      return { make: open, reopen: open };
    },
  ],
  [
    'redis',
    () => {
      const prefix = `t${++n}:`;
      const open = async () => {
        const store = await RedisQuestionStore.connect(redis.url, prefix);
        opened.push(store);
        return store;
      };
      return { make: open, reopen: open };
    },
  ],
];

describe.each(engines)('QuestionStore contract: %s', (_name, engine) => {
  test('stores, finds by id and by locator, refuses a taken locator', async () => {
    const store = await engine().make();
    const record = sampleRecord({ locator: 'ABCD' });
    expect(await store.insert(record)).toBe(true);
    expect(await store.get(record.id)).toEqual(record);
    expect(await store.findByLocator('ABCD')).toEqual(record);
    expect(await store.insert(sampleRecord({ locator: 'ABCD' }))).toBe(false);
    expect(await store.insert({ ...record, locator: 'WXYZ' })).toBe(false);
    expect(await store.findByLocator('WXYZ')).toBeNull();
    expect(await store.get('onbekend-id')).toBeNull();
  });

  test('replace is compare-and-set: of two concurrent writers exactly one wins', async () => {
    const store = await engine().make();
    const record = sampleRecord();
    await store.insert(record);
    const results = await Promise.all([
      store.replace({ ...record, status: 'claimed', claimedBy: 'sanne' }, 1),
      store.replace({ ...record, status: 'claimed', claimedBy: 'kees' }, 1),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    const stored = await store.get(record.id);
    expect(stored?.version).toBe(2);
    expect(['sanne', 'kees']).toContain(stored?.claimedBy);
    expect(await store.replace({ ...record, status: 'open' }, 1)).toBe(false);
    expect(await store.replace({ ...defined(stored, 'the stored record'), status: 'open', claimedBy: null }, 2)).toBe(true);
    expect((await store.get(record.id))?.version).toBe(3);
    expect(await store.replace(sampleRecord(), 1)).toBe(false); // not stored at all
  });

  test('delete removes the record and frees its locator; list and dueForDeletion follow deleteAt', async () => {
    const store = await engine().make();
    const early = sampleRecord({ deleteAt: 1000, createdAt: 1 });
    const late = sampleRecord({ deleteAt: 5000, createdAt: 2 });
    await store.insert(early);
    await store.insert(late);
    expect((await store.list()).map((r) => r.id)).toEqual([early.id, late.id]);
    expect(await store.count()).toBe(2);
    expect(await store.dueForDeletion(999)).toEqual([]);
    expect(await store.dueForDeletion(1000)).toEqual([early.id]);
    await store.replace({ ...late, deleteAt: 500 }, 1);
    expect((await store.dueForDeletion(1000)).sort()).toEqual([early.id, late.id].sort());
    await store.delete(early.id);
    expect(await store.get(early.id)).toBeNull();
    expect(await store.findByLocator(early.locator)).toBeNull();
    expect(await store.count()).toBe(1);
    expect(await store.insert(sampleRecord({ locator: early.locator }))).toBe(true);
    await store.delete('bestaat-niet');
  });

  test('what was written is there after a restart', async () => {
    const e = engine();
    const first = await e.make();
    const record = sampleRecord();
    await first.insert(record);
    await first.replace({ ...record, status: 'answered', open: null, sealed: 'c2VhbGVk' }, 1);
    await first.close();
    const second = await e.reopen();
    expect(await second.get(record.id)).toEqual({ ...record, status: 'answered', open: null, sealed: 'c2VhbGVk', version: 2 });
  });
});

describe('a crash in the middle of writing loses nothing acknowledged', () => {
  test('sqlite: a writer killed with SIGKILL mid-stream', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cjg-vraag-crash-'));
    folders.push(dir);
    const script = `
      import { SqliteQuestionStore } from ${JSON.stringify(new URL('../../chat-server/questions/sqlite-store.ts', import.meta.url).pathname)};
      import { sampleRecord } from ${JSON.stringify(new URL('../support/question-record.ts', import.meta.url).pathname)};
      const store = new SqliteQuestionStore(${JSON.stringify(dir)});
      for (let i = 0; ; i++) {
        const record = sampleRecord({ locator: 'L' + String(i).padStart(6, '0') });
        await store.insert(record);
        await store.replace({ ...record, status: 'claimed' }, 1);
        process.stdout.write(record.id + '\\n');
      }`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acknowledged: string[] = [];
    let buffer = '';
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (d: Buffer) => reject(new Error(d.toString())));
      child.stdout.on('data', (d: Buffer) => {
        buffer += d.toString();
        const lines = buffer.split('\n');
        buffer = lines.pop() ?? '';
        acknowledged.push(...lines);
        if (acknowledged.length >= 300 && child.exitCode === null) {
          child.kill('SIGKILL');
          resolve();
        }
      });
    });
    await new Promise((r) => child.once('exit', r));
    const store = new SqliteQuestionStore(dir);
    opened.push(store);
    for (const id of acknowledged) expect((await store.get(id))?.status).toBe('claimed');
    expect(new Set((await store.list()).map((r) => r.id)).size).toBeGreaterThanOrEqual(acknowledged.length);
  });

  test('redis: the server killed with SIGKILL, restarted on the same append-only file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cjg-vraag-redis-crash-'));
    folders.push(dir);
    const first = await startRedis({ extraArgs: PERSISTENT(dir) });
    const store = await RedisQuestionStore.connect(first.url, 'crash:');
    const written: string[] = [];
    for (let i = 0; i < 200; i++) {
      const record = sampleRecord({ locator: `R${String(i).padStart(4, '0')}` });
      await store.insert(record);
      written.push(record.id);
    }
    await first.stop(); // SIGKILL: no shutdown save
    await store.close();
    const second = await startRedis({ extraArgs: PERSISTENT(dir) });
    try {
      const after = await RedisQuestionStore.connect(second.url, 'crash:');
      for (const id of written) expect(await after.get(id)).not.toBeNull();
      await after.close();
    } finally {
      await second.stop();
    }
  });
});
