/**
 * Sign-ups for several nodes, in the persistent Redis of the indicators (CJG_INDICATORS_REDIS_URL), like
 * the questions: a record holds the counts in the clear and the person only as ciphertext.
 *
 * Keys (prefix `cjg:`): `vs:<id>` the record (JSON), `vsa:<activity>` the set of its ids, `vsk:<dedupe>`
 * → id, `vsall` the set of activities with sign-ups, `vsd` ids by deleteAt (for the count). Adding and
 * deleting are Lua scripts: counting the places and storing is one atomic step across all nodes.
 */
import { createClient } from 'redis';
import type { Taken } from '../../shared/signup/places.ts';
import { takenByOption, type AddResult, type CancelResult, type NewSignup, type PlacementRule, type SignupRecord, type SignupStore } from './store.ts';

type Client = ReturnType<typeof createClient>;

// The placement rule of shared/signup/places.ts, in Lua: a group that does not fit waits whole.
const ADD = `
local prefix = ARGV[1]
local existing = redis.call('GET', KEYS[3])
-- The same submission again: the answer of the first time (store.ts, AddResult).
if existing then
  local stored = redis.call('GET', prefix .. 'vs:' .. existing)
  if stored then return {'duplicate', stored} end
end
if redis.call('ZCARD', KEYS[5]) >= tonumber(ARGV[9]) then return {'store_full'} end
local placed, waiting, smallest, fromNetwork = 0, 0, math.huge, 0
for _, id in ipairs(redis.call('SMEMBERS', KEYS[2])) do
  local raw = redis.call('GET', prefix .. 'vs:' .. id)
  if raw then
    local r = cjson.decode(raw)
    if ARGV[13] ~= '' and r['network'] == ARGV[13] then fromNetwork = fromNetwork + 1 end
    if r['option'] == ARGV[4] then
      if r['status'] == 'placed' then
        placed = placed + r['people']
      else
        waiting = waiting + r['people']
        if r['people'] < smallest then smallest = r['people'] end
      end
    end
  end
end
if fromNetwork >= tonumber(ARGV[14]) then return {'network_limit'} end
local people = tonumber(ARGV[5])
local places = tonumber(ARGV[6])
local json
-- A free place goes to a new sign-up only when no waiting group fits in it (shared/signup/places.ts).
local free = places - placed
if free < 0 then free = 0 end
if smallest <= free then free = 0 end
if places < 0 or people <= free then
  json = ARGV[10]
elseif waiting + people <= tonumber(ARGV[7]) then
  if ARGV[8] ~= '1' then return {'needs_waitlist'} end
  json = ARGV[11]
else
  return {'full'}
end
redis.call('SET', KEYS[1], json)
redis.call('SADD', KEYS[2], ARGV[2])
redis.call('SET', KEYS[3], ARGV[2])
redis.call('SADD', KEYS[4], ARGV[3])
redis.call('ZADD', KEYS[5], ARGV[12], ARGV[2])
return {'added', json}`;

// Deletes the sign-ups of one activity: all (ARGV[3] = '') or those with deleteAt <= ARGV[3]; with
// ARGV[4] not '', only those of that option.
const DELETE = `
local prefix = ARGV[1]
local before = ARGV[3] ~= '' and tonumber(ARGV[3]) or nil
local option = ARGV[4] ~= '' and ARGV[4] or nil
local deleted = 0
for _, id in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  local raw = redis.call('GET', prefix .. 'vs:' .. id)
  local r = raw and cjson.decode(raw) or nil
  if (not r) or ((not option or r['option'] == option) and ((not before) or tonumber(r['deleteAt']) <= before)) then
    if r then redis.call('DEL', prefix .. 'vsk:' .. r['dedupe']) end
    redis.call('DEL', prefix .. 'vs:' .. id)
    redis.call('SREM', KEYS[1], id)
    redis.call('ZREM', KEYS[3], id)
    deleted = deleted + 1
  end
end
if redis.call('SCARD', KEYS[1]) == 0 then redis.call('SREM', KEYS[2], ARGV[2]) end
return deleted`;

// Cancels one sign-up and moves the waiting list up (store.ts, movingUp): in order of signing up, each
// group that fits in the places still free (a bigger one keeps its place in line). Records are edited as text, so cjson never rewrites their numbers.
const CANCEL = `
local prefix = ARGV[1]
local raw = redis.call('GET', KEYS[1])
if not raw then return {} end
local gone = cjson.decode(raw)
redis.call('DEL', KEYS[1], prefix .. 'vsk:' .. gone['dedupe'])
redis.call('SREM', KEYS[2], ARGV[2])
redis.call('ZREM', KEYS[3], ARGV[2])
if redis.call('SCARD', KEYS[2]) == 0 then redis.call('SREM', KEYS[4], gone['activityId']) end
local placed, waiting = 0, {}
for _, id in ipairs(redis.call('SMEMBERS', KEYS[2])) do
  local doc = redis.call('GET', prefix .. 'vs:' .. id)
  if doc then
    local r = cjson.decode(doc)
    if r['option'] == gone['option'] then
      if r['status'] == 'placed' then placed = placed + r['people'] else table.insert(waiting, {r['createdAt'], id, r['people'], doc}) end
    end
  end
end
table.sort(waiting, function(a, b) return a[1] < b[1] end)
local places = tonumber(ARGV[3])
local free = places < 0 and math.huge or places - placed
local result = {raw}
for _, w in ipairs(waiting) do
  if w[3] <= free then
    free = free - w[3]
    local doc = string.gsub(w[4], '"status":"waiting"', '"status":"placed"', 1)
    doc = string.sub(doc, 1, -2) .. ',"promotedAt":' .. ARGV[4] .. '}'
    redis.call('SET', prefix .. 'vs:' .. w[2], doc)
    table.insert(result, doc)
  end
end
return result`;

export class RedisSignupStore implements SignupStore {
  private readonly client: Client;
  private readonly prefix: string;

  private constructor(client: Client, prefix: string) {
    this.client = client;
    this.prefix = prefix;
  }

  static async connect(url: string, prefix = 'cjg:'): Promise<RedisSignupStore> {
    const client: Client = createClient({ url });
    client.on('error', () => {});
    await client.connect();
    return new RedisSignupStore(client, prefix);
  }

  private key(name: string): string {
    return `${this.prefix}${name}`;
  }

  async add(signup: NewSignup, rule: PlacementRule): Promise<AddResult> {
    const json = (status: SignupRecord['status']) => JSON.stringify({ ...signup, status } satisfies SignupRecord);
    const result = (await this.client.eval(ADD, {
      keys: [this.key(`vs:${signup.id}`), this.key(`vsa:${signup.activityId}`), this.key(`vsk:${signup.dedupe}`), this.key('vsall'), this.key('vsd')],
      arguments: [
        this.prefix,
        signup.id,
        signup.activityId,
        signup.option,
        String(signup.people),
        String(rule.places ?? -1),
        String(rule.waitlistCapacity),
        rule.allowWaiting ? '1' : '0',
        String(rule.maxStored),
        json('placed'),
        json('waiting'),
        String(signup.deleteAt),
        signup.network ?? '',
        String(rule.perNetwork),
      ],
    })) as [string, string?];
    const [outcome, raw] = result;
    if (outcome === 'added' && raw) return { outcome, record: JSON.parse(raw) as SignupRecord };
    if (outcome === 'duplicate' && raw) return { outcome, record: JSON.parse(raw) as SignupRecord };
    return { outcome: outcome as 'needs_waitlist' | 'full' | 'store_full' | 'network_limit' };
  }

  async bySubmission(dedupe: string): Promise<SignupRecord | null> {
    const id = await this.client.get(this.key(`vsk:${dedupe}`));
    const doc = id ? await this.client.get(this.key(`vs:${id}`)) : null;
    return doc ? (JSON.parse(doc) as SignupRecord) : null;
  }

  private async records(ids: string[]): Promise<SignupRecord[]> {
    if (ids.length === 0) return [];
    const docs = await this.client.mGet(ids.map((id) => this.key(`vs:${id}`)));
    return docs.flatMap((doc) => (doc ? [JSON.parse(doc) as SignupRecord] : []));
  }

  async taken(activityId: string): Promise<Map<string, Taken>> {
    return takenByOption(await this.records(await this.client.sMembers(this.key(`vsa:${activityId}`))));
  }

  async list(): Promise<SignupRecord[]> {
    const records = await this.records(await this.client.zRange(this.key('vsd'), 0, -1));
    return records.sort((a, b) => a.createdAt - b.createdAt);
  }

  async activityIds(): Promise<string[]> {
    return this.client.sMembers(this.key('vsall'));
  }

  private async remove(activityId: string, before: number | null, option = ''): Promise<number> {
    const deleted = await this.client.eval(DELETE, {
      keys: [this.key(`vsa:${activityId}`), this.key('vsall'), this.key('vsd')],
      arguments: [this.prefix, activityId, before === null ? '' : String(before), option],
    });
    return Number(deleted);
  }

  deleteActivity(activityId: string, option?: string): Promise<number> {
    return this.remove(activityId, null, option);
  }

  deleteDue(activityId: string, now: number): Promise<number> {
    return this.remove(activityId, now);
  }

  async cancel(id: string, now: number, placesOf: (record: SignupRecord) => number | null): Promise<CancelResult | null> {
    const doc = await this.client.get(this.key(`vs:${id}`));
    if (!doc) return null;
    const record = JSON.parse(doc) as SignupRecord;
    const docs = (await this.client.eval(CANCEL, {
      keys: [this.key(`vs:${id}`), this.key(`vsa:${record.activityId}`), this.key('vsd'), this.key('vsall')],
      arguments: [this.prefix, id, String(placesOf(record) ?? -1), String(now)],
    })) as string[];
    if (docs.length === 0) return null;
    const [cancelled, ...promoted] = docs.map((d) => JSON.parse(d) as SignupRecord) as [SignupRecord, ...SignupRecord[]];
    return { cancelled, promoted };
  }

  async count(): Promise<number> {
    return this.client.zCard(this.key('vsd'));
  }

  async close(): Promise<void> {
    await this.client.close().catch(() => this.client.destroy());
  }
}
