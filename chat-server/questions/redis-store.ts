/**
 * Questions for several nodes, in the Redis that already keeps the indicators (CJG_INDICATORS_REDIS_URL):
 * it is configured WITH persistence, unlike the chat's Redis (which must not persist message text). That
 * is fine here because a question record holds only ciphertext and hashes. For "a crash loses nothing",
 * run it with `appendonly yes` and `appendfsync always` (README); `everysec` may lose the last second.
 *
 * Keys (prefix `cjg:`): `vq:<id>` the record (JSON), `vql:<locator>` → id, sorted set `vqd` of ids by
 * deleteAt. Insert, replace and delete are Lua scripts, so each is atomic across nodes.
 */
import { createClient } from 'redis';
import type { QuestionRecord, QuestionStore } from './store.ts';

type Client = ReturnType<typeof createClient>;

const INSERT = `
if redis.call('EXISTS', KEYS[2]) == 1 or redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('SET', KEYS[1], ARGV[1])
redis.call('SET', KEYS[2], ARGV[2])
redis.call('ZADD', KEYS[3], ARGV[3], ARGV[2])
return 1`;

const REPLACE = `
local current = redis.call('GET', KEYS[1])
if not current then return 0 end
if tonumber(cjson.decode(current)['version']) ~= tonumber(ARGV[2]) then return 0 end
redis.call('SET', KEYS[1], ARGV[1])
redis.call('ZADD', KEYS[2], ARGV[3], ARGV[4])
return 1`;

const DELETE = `
local current = redis.call('GET', KEYS[1])
if current then redis.call('DEL', ARGV[2] .. cjson.decode(current)['locator']) end
redis.call('DEL', KEYS[1])
redis.call('ZREM', KEYS[2], ARGV[1])
return 1`;

export class RedisQuestionStore implements QuestionStore {
  private readonly client: Client;
  private readonly prefix: string;

  private constructor(client: Client, prefix: string) {
    this.client = client;
    this.prefix = prefix;
  }

  static async connect(url: string, prefix = 'cjg:'): Promise<RedisQuestionStore> {
    const client: Client = createClient({ url });
    client.on('error', () => {});
    await client.connect();
    return new RedisQuestionStore(client, prefix);
  }

  private key(id: string): string {
    return `${this.prefix}vq:${id}`;
  }
  private get locatorPrefix(): string {
    return `${this.prefix}vql:`;
  }
  private get dueIndex(): string {
    return `${this.prefix}vqd`;
  }

  async insert(record: QuestionRecord): Promise<boolean> {
    const result = await this.client.eval(INSERT, {
      keys: [this.key(record.id), this.locatorPrefix + record.locator, this.dueIndex],
      arguments: [JSON.stringify(record), record.id, String(record.deleteAt)],
    });
    return Number(result) === 1;
  }

  async get(id: string): Promise<QuestionRecord | null> {
    const raw = await this.client.get(this.key(id));
    return raw ? (JSON.parse(raw) as QuestionRecord) : null;
  }

  async findByLocator(locator: string): Promise<QuestionRecord | null> {
    const id = await this.client.get(this.locatorPrefix + locator);
    return id ? this.get(id) : null;
  }

  async replace(record: QuestionRecord, expectedVersion: number): Promise<boolean> {
    const next = { ...record, version: expectedVersion + 1 };
    const result = await this.client.eval(REPLACE, {
      keys: [this.key(record.id), this.dueIndex],
      arguments: [JSON.stringify(next), String(expectedVersion), String(next.deleteAt), record.id],
    });
    return Number(result) === 1;
  }

  async delete(id: string): Promise<void> {
    await this.client.eval(DELETE, { keys: [this.key(id), this.dueIndex], arguments: [id, this.locatorPrefix] });
  }

  async list(): Promise<QuestionRecord[]> {
    const ids = await this.client.zRange(this.dueIndex, 0, -1);
    if (ids.length === 0) return [];
    const docs = await this.client.mGet(ids.map((id) => this.key(id)));
    return docs.flatMap((doc) => (doc ? [JSON.parse(doc) as QuestionRecord] : [])).sort((a, b) => a.createdAt - b.createdAt);
  }

  async count(): Promise<number> {
    return this.client.zCard(this.dueIndex);
  }

  async dueForDeletion(now: number): Promise<string[]> {
    return this.client.zRangeByScore(this.dueIndex, '-inf', now);
  }

  async close(): Promise<void> {
    await this.client.close().catch(() => this.client.destroy());
  }
}
