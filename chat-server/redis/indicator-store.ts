/**
 * Indicator buckets in Redis, for several nodes counting into one set of figures: one hash per
 * bucket (`HINCRBY` merges atomically from any node) and a lexically sorted index of bucket keys.
 * The figures are aggregates that identify nobody and are meant to be kept, so point this at a
 * Redis WITH persistence (`CJG_INDICATORS_REDIS_URL`), not at the chat's Redis, which must not
 * persist because it holds message text.
 */
import { createClient } from 'redis';
import { knownCounters, type Counters } from '../../shared/indicators/counters.ts';
import type { IndicatorStore } from '../indicators/store.ts';

type Client = ReturnType<typeof createClient>;

export class RedisIndicatorStore implements IndicatorStore {
  private readonly client: Client;
  private readonly prefix: string;

  private constructor(client: Client, prefix: string) {
    this.client = client;
    this.prefix = prefix;
  }

  static async connect(url: string, prefix = 'cjg:'): Promise<RedisIndicatorStore> {
    const client: Client = createClient({ url });
    client.on('error', () => {});
    await client.connect();
    return new RedisIndicatorStore(client, prefix);
  }

  private bucketKey(bucket: string): string {
    return `${this.prefix}ind:${bucket}`;
  }
  private get index(): string {
    return `${this.prefix}ind-index`;
  }

  async merge(bucket: string, counts: Counters): Promise<void> {
    const multi = this.client.multi();
    for (const [name, count] of Object.entries(counts)) multi.hIncrBy(this.bucketKey(bucket), name, count);
    multi.zAdd(this.index, { score: 0, value: bucket });
    await multi.exec();
  }

  private async keysBetween(from: string, to: string): Promise<string[]> {
    return await this.client.sendCommand<string[]>(['ZRANGEBYLEX', this.index, from, to]);
  }

  async get(from: string, toExclusive: string): Promise<Map<string, Counters>> {
    const out = new Map<string, Counters>();
    for (const bucket of await this.keysBetween(`[${from}`, `(${toExclusive}`)) {
      const raw = await this.client.sendCommand<string[] | Record<string, string>>(['HGETALL', this.bucketKey(bucket)]);
      // A flat [field, value, …] list or an object, depending on the protocol version.
      const pairs: [string, string][] = Array.isArray(raw)
        ? raw.flatMap((v, i) => (i % 2 === 0 ? [[v, raw[i + 1] ?? '0'] as [string, string]] : []))
        : Object.entries(raw);
      // Through the same whitelist as the file store: a field someone wrote into Redis by hand
      // (a free-text "page", a formula, a negative count) never reaches a report or a CSV.
      const { clean } = knownCounters(Object.fromEntries(pairs));
      if (Object.keys(clean).length > 0) out.set(bucket, clean);
    }
    return out;
  }

  async prune(before: string): Promise<void> {
    const old = await this.keysBetween('-', `(${before}`);
    if (old.length === 0) return;
    await this.client.sendCommand(['DEL', ...old.map((b) => this.bucketKey(b))]);
    await this.client.sendCommand(['ZREM', this.index, ...old]);
  }

  async close(): Promise<void> {
    if (this.client.isOpen) await this.client.close().catch(() => this.client.destroy());
  }
}
