/**
 * The chat store on Redis, for several chat nodes (REDIS_URL). Same behaviour as the in-memory
 * store (tests/integration/store-contract.test.ts runs one suite against both).
 *
 * - Atomic methods are single Lua scripts, so two nodes never take the same young person.
 * - Everything has a lifetime: sessions (the resume window plus a margin once the young person
 *   dropped, a day at most while connected), conversations and their message text (deleted when the
 *   conversation ends; a lifetime of `maxLifetimeMs` as a backstop even if every node is gone),
 *   blocks (≤ 24 h), buckets, throttles, feedback tickets, the daily network secret (48 h).
 * - Redis must run without disk persistence (`--save '' --appendonly no`); see checkPersistence.
 * - Every call has a time limit: when Redis does not answer, the call fails with
 *   StoreUnavailableError and `health()` says degraded until Redis answers a PING again.
 * - Scripts touch keys they compute from the prefix, so this is for a single Redis (or a primary
 *   with replicas), not Redis Cluster.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createClient } from 'redis';
import type { ChatMessage } from '../../shared/protocol/events.ts';
import { StoreUnavailableError } from '../redis/unavailable.ts';
import type { BucketResult, ChatStore, Conversation, NewMessage, Presence, QueueEntry, StaffSession, ThrottleState, YouthSession } from './types.ts';

type Reply = string | number | null | Reply[];
type Client = ReturnType<typeof createClient>;

export interface RedisStoreOptions {
  url: string;
  /** Prefix for every key (several portals may share one Redis). Default `cjg:`. */
  prefix?: string;
  /** A dropped young person's session is kept this long by Redis itself (the sweep ends it earlier). */
  awaySessionTtlMs?: number;
  /** Backstop lifetime of sessions, conversations, messages and presence, refreshed on every write. */
  maxLifetimeMs?: number;
  /** How long one call may take before Redis counts as unavailable. */
  commandTimeoutMs?: number;
  onHealthChange?: (healthy: boolean) => void;
}

const HOUR = 60 * 60_000;
const ANSWER_HISTORY_MS = 2 * HOUR;
const SECRET_TTL_MS = 48 * HOUR;
const BUCKET_TTL_MS = 10 * 60_000;
/** Fake clocks in tests may run ahead of or behind the real one: TTLs from app times get a margin. */
const TTL_MARGIN_MS = 60_000;
/** Normal queue entries are scored after every requeued one. */
const NORMAL_BASE = 1e12;

const SCRIPTS = {
  enqueue: `
local score
if ARGV[3] == '1' then score = redis.call('INCR', KEYS[4]) else score = ${NORMAL_BASE} + redis.call('INCR', KEYS[3]) end
redis.call('ZADD', KEYS[1], score, ARGV[1])
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
if ARGV[5] == '0' then redis.call('SADD', KEYS[5], ARGV[1]) end
for i = 1, 5 do redis.call('PEXPIRE', KEYS[i], ARGV[4]) end
return redis.call('ZCARD', KEYS[1])`,
  // Dropped entries (set KEYS[3]) are skipped unless nobody connected waits or one is named.
  take: `
local id = ARGV[1]
if id == '' then
  if redis.call('SCARD', KEYS[3]) == 0 then
    id = redis.call('ZRANGE', KEYS[1], 0, 0)[1]
  else
    local ids = redis.call('ZRANGE', KEYS[1], 0, -1)
    for _, candidate in ipairs(ids) do
      if redis.call('SISMEMBER', KEYS[3], candidate) == 0 then id = candidate; break end
    end
    if id == '' then id = ids[1] end
  end
  if not id then return false end
elseif not redis.call('ZSCORE', KEYS[1], id) then
  return false
end
local dropped = redis.call('SREM', KEYS[3], id)
redis.call('ZREM', KEYS[1], id)
local json = redis.call('HGET', KEYS[2], id)
redis.call('HDEL', KEYS[2], id)
return {json, dropped}`,
  list: `
local ids = redis.call('ZRANGE', KEYS[1], 0, -1)
local out = {}
for i, id in ipairs(ids) do
  out[2 * i - 1] = redis.call('HGET', KEYS[2], id) or ''
  out[2 * i] = redis.call('SISMEMBER', KEYS[3], id)
end
return out`,
  queueConnected: `
if not redis.call('ZSCORE', KEYS[1], ARGV[1]) then return 0 end
if ARGV[2] == '1' then redis.call('SREM', KEYS[2], ARGV[1]) else
  redis.call('SADD', KEYS[2], ARGV[1])
  redis.call('PEXPIRE', KEYS[2], ARGV[3])
end
return 1`,
  append: `
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
if ARGV[1] ~= '' then
  local known = redis.call('HGET', KEYS[3], ARGV[1])
  if known then return {1, known} end
end
local seq = redis.call('LLEN', KEYS[2]) + 1
local json = '{"seq":' .. seq .. ',' .. ARGV[2]
redis.call('RPUSH', KEYS[2], json)
redis.call('PEXPIRE', KEYS[2], ARGV[3])
if ARGV[1] ~= '' then
  redis.call('HSET', KEYS[3], ARGV[1], json)
  redis.call('PEXPIRE', KEYS[3], ARGV[3])
end
return {0, json}`,
  putBlock: `
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
if tonumber(ARGV[1]) > current then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) end
return 1`,
  countBlock: `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[2])
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return redis.call('ZCARD', KEYS[1])`,
  token: `
local burst = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local now = tonumber(ARGV[3])
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]) or burst
local at = tonumber(state[2]) or now
tokens = math.min(burst, tokens + ((now - at) / 1000) * rate)
local ok, retry = 0, 0
if tokens >= 1 then tokens = tokens - 1; ok = 1 else retry = math.ceil(((1 - tokens) / rate) * 1000) end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return {ok, retry}`,
  expireStaff: `
local hashes = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
for _, h in ipairs(hashes) do
  redis.call('ZREM', KEYS[1], h)
  redis.call('DEL', ARGV[2] .. h)
end
return hashes`,
  staffOf: `
local hashes = redis.call('SMEMBERS', KEYS[1])
local gone = {}
for _, h in ipairs(hashes) do
  if redis.call('ZREM', KEYS[2], h) == 1 then table.insert(gone, h) end
  redis.call('DEL', ARGV[1] .. h)
end
redis.call('DEL', KEYS[1])
return gone`,
  unlock: `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`,
} as const;
type ScriptName = keyof typeof SCRIPTS;
const SHAS = Object.fromEntries(Object.entries(SCRIPTS).map(([name, body]) => [name, createHash('sha1').update(body).digest('hex')])) as Record<
  ScriptName,
  string
>;

/** A stored JSON value, or null for a missing key; the caller names what it stored there. */
const parse = (json: string | null): unknown => (json === null || json === '' ? null : JSON.parse(json));

export class RedisChatStore implements ChatStore {
  private readonly client: Client;
  private readonly prefix: string;
  private readonly awayTtlMs: number;
  private readonly lifetimeMs: number;
  private readonly timeoutMs: number;
  private readonly onHealthChange: ((healthy: boolean) => void) | undefined;
  private healthy = true;
  private probe: NodeJS.Timeout | undefined;
  private secret: { day: string; value: Buffer } | null = null;
  /**
   * Sends that timed out but may still have been stored once Redis answered. A retry with the same
   * clientId then finds the stored copy; it was never pushed to the other side, so it counts as new.
   */
  private readonly unconfirmed = new Set<string>();
  private closed = false;

  private constructor(client: Client, options: RedisStoreOptions) {
    this.client = client;
    this.prefix = options.prefix ?? 'cjg:';
    this.awayTtlMs = options.awaySessionTtlMs ?? 15 * 60_000;
    this.lifetimeMs = options.maxLifetimeMs ?? 12 * HOUR;
    this.timeoutMs = options.commandTimeoutMs ?? 2000;
    this.onHealthChange = options.onHealthChange;
  }

  /** Connects (waiting at most `commandTimeoutMs` × 5) and returns the store. */
  static async connect(options: RedisStoreOptions): Promise<RedisChatStore> {
    const client: Client = createClient({
      url: options.url,
      // Fail fast while disconnected instead of queueing: the caller answers "even geen verbinding".
      disableOfflineQueue: true,
      socket: { connectTimeout: 5000, reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 2000) },
    });
    const store = new RedisChatStore(client, options);
    client.on('error', () => store.markUnhealthy());
    client.on('ready', () => store.markHealthy());
    await client.connect();
    return store;
  }

  /** The Redis client (for the persistence check and locks); not for chat data. */
  get redis(): Client {
    return this.client;
  }

  health(): 'ok' | 'degraded' {
    return this.healthy ? 'ok' : 'degraded';
  }

  private markUnhealthy(): void {
    if (this.closed) return;
    if (this.healthy) {
      this.healthy = false;
      this.onHealthChange?.(false);
    }
    // Probe until Redis answers again; a paused Redis produces no 'ready' event.
    this.probe ??= setInterval(() => {
      void this.withTimeout(this.client.sendCommand(['PING']))
        .then(() => this.markHealthy())
        .catch(() => {});
    }, 500);
    this.probe.unref();
  }

  private markHealthy(): void {
    if (this.probe) clearInterval(this.probe);
    this.probe = undefined;
    if (!this.healthy) {
      this.healthy = true;
      this.onHealthChange?.(true);
    }
  }

  private withTimeout<T>(work: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const limit = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new StoreUnavailableError()), this.timeoutMs);
    });
    return Promise.race([work, limit]).finally(() => clearTimeout(timer));
  }

  private async cmd<T extends Reply = Reply>(args: (string | number)[]): Promise<T> {
    try {
      return await this.withTimeout(this.client.sendCommand<T>(args.map(String)));
    } catch (error) {
      if (error instanceof Error && /^(ERR|WRONGTYPE|NOSCRIPT)/.test(error.message)) throw error;
      this.markUnhealthy();
      throw error instanceof StoreUnavailableError ? error : new StoreUnavailableError(error);
    }
  }

  private async multi(commands: (string | number)[][]): Promise<Reply[]> {
    return this.cmd<Reply[]>([
      'EVAL',
      'local r = {} for i, c in ipairs(cjson.decode(ARGV[1])) do r[i] = redis.call(unpack(c)) end return r',
      '0',
      JSON.stringify(commands.map((c) => c.map(String))),
    ]);
  }

  private async script<T extends Reply = Reply>(name: ScriptName, keys: string[], args: (string | number)[]): Promise<T> {
    try {
      return await this.cmd<T>(['EVALSHA', SHAS[name], keys.length, ...keys, ...args]);
    } catch (error) {
      if (!(error instanceof Error && error.message.startsWith('NOSCRIPT'))) throw error;
      return this.cmd<T>(['EVAL', SCRIPTS[name], keys.length, ...keys, ...args]);
    }
  }

  private k(...parts: string[]): string {
    return this.prefix + parts.join(':');
  }

  private async loadMany<T>(indexKey: string, keyOf: (id: string) => string): Promise<T[]> {
    const ids = await this.cmd<string[]>(['SMEMBERS', indexKey]);
    if (ids.length === 0) return [];
    const values = await this.cmd<(string | null)[]>(['MGET', ...ids.map(keyOf)]);
    const gone = ids.filter((_, i) => values[i] === null);
    if (gone.length > 0) await this.cmd(['SREM', indexKey, ...gone]);
    return values.filter((v): v is string => v !== null).map((v) => JSON.parse(v) as T);
  }

  // ---- young people's sessions ----

  async getSession(sessionKey: string) {
    return parse(await this.cmd<string | null>(['GET', this.k('s', sessionKey)])) as YouthSession | null;
  }
  async putSession(session: YouthSession) {
    const ttl = session.connected ? this.lifetimeMs : this.awayTtlMs;
    await this.multi([
      ['SET', this.k('s', session.sessionKey), JSON.stringify(session), 'PX', ttl],
      session.connected ? ['ZREM', this.k('away'), session.sessionKey] : ['ZADD', this.k('away'), session.disconnectedAt ?? 0, session.sessionKey],
    ]);
  }
  async deleteSession(sessionKey: string) {
    await this.multi([
      ['DEL', this.k('s', sessionKey)],
      ['ZREM', this.k('away'), sessionKey],
    ]);
  }
  async disconnectedSessions(before: number) {
    const keys = await this.cmd<string[]>(['ZRANGEBYSCORE', this.k('away'), '-inf', `(${before}`]);
    if (keys.length === 0) return [];
    const values = await this.cmd<(string | null)[]>(['MGET', ...keys.map((key) => this.k('s', key))]);
    const gone = keys.filter((_, i) => values[i] === null);
    if (gone.length > 0) await this.cmd(['ZREM', this.k('away'), ...gone]);
    return values
      .filter((v): v is string => v !== null)
      .map((v) => JSON.parse(v) as YouthSession)
      .filter((s) => !s.connected);
  }

  // ---- queue ----

  private queueKeys(): string[] {
    return [this.k('q'), this.k('qe'), this.k('qseq'), this.k('qrseq'), this.k('qd')];
  }
  async enqueue(entry: QueueEntry) {
    const connected = entry.connected === false ? '0' : '1';
    return this.script<number>('enqueue', this.queueKeys(), [entry.entryId, JSON.stringify(entry), entry.requeued ? '1' : '0', this.lifetimeMs, connected]);
  }
  async takeFromQueue(entryId?: string) {
    const [q, qe, , , qd] = this.queueKeys();
    const reply = await this.script<[string, number] | null>('take', [q, qe, qd], [entryId ?? '']);
    const entry = parse(reply?.[0] ?? null) as QueueEntry | null;
    return entry ? { ...entry, connected: reply?.[1] !== 1 } : null;
  }
  async removeFromQueue(entryId: string) {
    return this.takeFromQueue(entryId);
  }
  async setQueueConnected(entryId: string, connected: boolean) {
    const [q, , , , qd] = this.queueKeys();
    return (await this.script<number>('queueConnected', [q, qd], [entryId, connected ? '1' : '0', this.lifetimeMs])) === 1;
  }
  async listQueue() {
    const [q, qe, , , qd] = this.queueKeys();
    const flat = await this.script<(string | number)[]>('list', [q, qe, qd], []);
    const entries: QueueEntry[] = [];
    for (let i = 0; i < flat.length; i += 2) {
      const json = flat[i];
      if (typeof json === 'string' && json !== '') entries.push({ ...(JSON.parse(json) as QueueEntry), connected: flat[i + 1] !== 1 });
    }
    // Same order as the in-memory store: connected first, each group in turn order.
    return [...entries.filter((e) => e.connected), ...entries.filter((e) => !e.connected)];
  }
  async queueLength() {
    return this.cmd<number>(['ZCARD', this.k('q')]);
  }
  async queueCounts() {
    const [total, dropped] = (await this.multi([
      ['ZCARD', this.k('q')],
      ['SCARD', this.k('qd')],
    ])) as [number, number];
    return { connected: total - dropped, dropped };
  }
  async nextNumber(day: string) {
    const [n] = (await this.multi([
      ['INCR', this.k('num', day)],
      ['PEXPIRE', this.k('num', day), 2 * 24 * HOUR],
    ])) as [number, number];
    return n;
  }

  // ---- conversations and messages ----

  async getConversation(conversationId: string) {
    return parse(await this.cmd<string | null>(['GET', this.k('c', conversationId)])) as Conversation | null;
  }
  async putConversation(conversation: Conversation) {
    await this.multi([
      ['SET', this.k('c', conversation.conversationId), JSON.stringify(conversation), 'PX', this.lifetimeMs],
      ['SADD', this.k('cs'), conversation.conversationId],
    ]);
  }
  async listConversations() {
    return this.loadMany<Conversation>(this.k('cs'), (id) => this.k('c', id));
  }
  async deleteConversation(conversationId: string) {
    await this.multi([
      ['DEL', this.k('c', conversationId), this.k('m', conversationId), this.k('mc', conversationId)],
      ['SREM', this.k('cs'), conversationId],
    ]);
  }
  async appendMessage(conversationId: string, message: NewMessage, clientId?: string) {
    const clientKey = clientId === undefined ? '' : `${message.from}:${clientId}`;
    const id = randomBytes(9).toString('base64url');
    // The script puts `"seq":n,` in front, so the JSON is built here and never re-encoded in Lua.
    const body = JSON.stringify({ ...message, id }).slice(1);
    const unconfirmedKey = `${conversationId}|${clientKey}`;
    let reply: [number, string] | null;
    try {
      reply = await this.script<[number, string] | null>(
        'append',
        [this.k('c', conversationId), this.k('m', conversationId), this.k('mc', conversationId)],
        [clientKey, body, this.lifetimeMs],
      );
    } catch (error) {
      if (clientKey && error instanceof StoreUnavailableError) this.unconfirmed.add(unconfirmedKey);
      throw error;
    }
    if (!reply) return null;
    let duplicate = reply[0] === 1;
    if (duplicate && this.unconfirmed.delete(unconfirmedKey)) duplicate = false;
    return { message: JSON.parse(reply[1]) as ChatMessage, duplicate };
  }
  async messagesAfter(conversationId: string, afterSeq: number) {
    const values = await this.cmd<string[]>(['LRANGE', this.k('m', conversationId), Math.max(0, afterSeq), -1]);
    return values.map((v) => JSON.parse(v) as ChatMessage);
  }

  // ---- counsellors ----

  async getPresence(counsellorKey: string) {
    return parse(await this.cmd<string | null>(['GET', this.k('p', counsellorKey)])) as Presence | null;
  }
  async putPresence(presence: Presence) {
    await this.multi([
      ['SET', this.k('p', presence.counsellorKey), JSON.stringify(presence), 'PX', this.lifetimeMs],
      ['SADD', this.k('ps'), presence.counsellorKey],
    ]);
  }
  async deletePresence(counsellorKey: string) {
    await this.multi([
      ['DEL', this.k('p', counsellorKey)],
      ['SREM', this.k('ps'), counsellorKey],
    ]);
  }
  async listPresence() {
    return this.loadMany<Presence>(this.k('ps'), (key) => this.k('p', key));
  }

  async putStaffSession(tokenHash: string, session: StaffSession) {
    const ttl = Math.max(0, session.expiresAt - Date.now()) + TTL_MARGIN_MS;
    await this.multi([
      ['SET', this.k('ss', tokenHash), JSON.stringify(session), 'PX', ttl],
      ['ZADD', this.k('ssx'), session.expiresAt, tokenHash],
      ['SADD', this.k('sso', session.counsellorKey), tokenHash],
      ['PEXPIRE', this.k('sso', session.counsellorKey), ttl],
    ]);
  }
  async getStaffSession(tokenHash: string, now: number) {
    const session = parse(await this.cmd<string | null>(['GET', this.k('ss', tokenHash)])) as StaffSession | null;
    if (!session) return null;
    if (session.expiresAt <= now) {
      await this.deleteStaffSession(tokenHash);
      return null;
    }
    return session;
  }
  async deleteStaffSession(tokenHash: string) {
    await this.multi([
      ['DEL', this.k('ss', tokenHash)],
      ['ZREM', this.k('ssx'), tokenHash],
    ]);
  }
  async deleteStaffSessionsOf(counsellorKey: string) {
    return this.script<string[]>('staffOf', [this.k('sso', counsellorKey), this.k('ssx')], [this.k('ss', '')]);
  }
  async expireStaffSessions(now: number) {
    return this.script<string[]>('expireStaff', [this.k('ssx')], [now, this.k('ss', '')]);
  }

  // ---- safety ----

  async putBlock(key: string, until: number) {
    await this.script('putBlock', [this.k('b', key)], [until, Math.max(0, until - Date.now()) + TTL_MARGIN_MS]);
  }
  async getBlock(key: string, now: number) {
    const value = await this.cmd<string | null>(['GET', this.k('b', key)]);
    const until = value === null ? 0 : Number(value);
    return until > now ? until : null;
  }
  async countBlock(key: string, now: number, windowMs: number) {
    return this.script<number>(
      'countBlock',
      [this.k('bc', key)],
      [now, now - windowMs, `${now}:${randomBytes(6).toString('base64url')}`, windowMs + TTL_MARGIN_MS],
    );
  }
  async takeToken(key: string, burst: number, perSecond: number, now: number): Promise<BucketResult> {
    const [ok, retry] = await this.script<[number, number]>('token', [this.k('tb', key)], [burst, perSecond, now, BUCKET_TTL_MS]);
    return { ok: ok === 1, retryAfterMs: retry };
  }
  async getThrottle(key: string) {
    return parse(await this.cmd<string | null>(['GET', this.k('th', key)])) as ThrottleState | null;
  }
  async putThrottle(key: string, state: ThrottleState) {
    const ttl = Math.max(0, Math.max(state.resetAt, state.lockedUntil) - Date.now()) + TTL_MARGIN_MS;
    await this.cmd(['SET', this.k('th', key), JSON.stringify(state), 'PX', ttl]);
  }
  async deleteThrottle(key: string) {
    await this.cmd(['DEL', this.k('th', key)]);
  }
  async dailySecret(day: string) {
    if (this.secret?.day === day) return this.secret.value;
    const mine = randomBytes(32).toString('base64');
    // The first node to ask creates the day's secret; the others get the same one.
    const existing = await this.cmd<string | null>(['SET', this.k('sec', day), mine, 'NX', 'GET', 'PX', SECRET_TTL_MS]);
    this.secret = { day, value: Buffer.from(existing ?? mine, 'base64') };
    return this.secret.value;
  }

  // ---- wait estimates ----

  async recordAnswer(at: number, waitMs: number) {
    await this.multi([
      ['ZADD', this.k('ans'), at, `${at}:${waitMs}:${randomBytes(4).toString('hex')}`],
      ['ZREMRANGEBYSCORE', this.k('ans'), '-inf', at - ANSWER_HISTORY_MS],
      ['PEXPIRE', this.k('ans'), ANSWER_HISTORY_MS + TTL_MARGIN_MS],
    ]);
  }
  async answersSince(since: number) {
    const members = await this.cmd<string[]>(['ZRANGEBYSCORE', this.k('ans'), since, '+inf']);
    return members.map((m) => {
      const [at, waitMs] = m.split(':');
      return { at: Number(at), waitMs: Number(waitMs) };
    });
  }

  // ---- satisfaction tickets ----

  async putFeedbackTicket(feedbackId: string, expiresAt: number) {
    await this.cmd(['SET', this.k('fb', feedbackId), expiresAt, 'PX', Math.max(0, expiresAt - Date.now()) + TTL_MARGIN_MS]);
  }
  async takeFeedbackTicket(feedbackId: string, now: number) {
    const value = await this.cmd<string | null>(['GETDEL', this.k('fb', feedbackId)]);
    return value !== null && Number(value) > now;
  }

  // ---- for the cluster: a lock so one node at a time sweeps ----

  /** Takes `name` for `ttlMs` if free (or already ours); true when this node holds it. */
  async tryLock(name: string, owner: string, ttlMs: number): Promise<boolean> {
    const key = this.k('lock', name);
    const set = await this.cmd<string | null>(['SET', key, owner, 'NX', 'PX', ttlMs]);
    if (set === 'OK') return true;
    if ((await this.cmd<string | null>(['GET', key])) !== owner) return false;
    await this.cmd(['PEXPIRE', key, ttlMs]);
    return true;
  }
  async unlock(name: string, owner: string): Promise<void> {
    await this.script('unlock', [this.k('lock', name)], [owner]);
  }

  async close() {
    this.closed = true;
    if (this.probe) clearInterval(this.probe);
    if (this.client.isOpen) await this.client.close().catch(() => this.client.destroy());
  }
}
