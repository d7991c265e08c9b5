/** The indicator store's behaviour, for the in-memory store and Redis (a real redis-server). */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MemoryIndicatorStore, type IndicatorStore } from '../../chat-server/indicators/store.ts';
import { RedisIndicatorStore } from '../../chat-server/redis/indicator-store.ts';
import { startRedis, type TestRedis } from '../support/redis.ts';

let redis: TestRedis;
let n = 0;
const opened: IndicatorStore[] = [];
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  for (const s of opened) await s.close();
  await redis.stop();
});

const makers: [string, () => Promise<IndicatorStore>][] = [
  ['memory', async () => new MemoryIndicatorStore()],
  [
    'redis',
    async () => {
      const s = await RedisIndicatorStore.connect(redis.url, `i${++n}:`);
      opened.push(s);
      return s;
    },
  ],
];

describe.each(makers)('IndicatorStore contract: %s', (_name, make) => {
  test('merges counts, reads a range in key order (day keys before their hours), prunes', async () => {
    const store = await make();
    await store.merge('2026-03-29T14', { requested: 2, 'wait:0-1': 1 });
    await Promise.all([store.merge('2026-03-29T14', { requested: 1 }), store.merge('2026-03-29T14', { requested: 1 })]);
    await store.merge('2026-03-29', { 'feedback:ja:/ouders/pesten/': 3 });
    await store.merge('2026-03-30T09', { requested: 5 });
    const range = await store.get('2026-03-29', '2026-03-30');
    expect([...range.keys()].sort()).toEqual(['2026-03-29', '2026-03-29T14']);
    expect(range.get('2026-03-29T14')).toEqual({ requested: 4, 'wait:0-1': 1 });
    await store.prune('2026-03-30');
    expect([...(await store.get('2026-01-01', '2027-01-01')).keys()]).toEqual(['2026-03-30T09']);
  });
});
