/**
 * Several chat nodes on one Redis (REDIS_URL). What this adds to a single node:
 * - the store on Redis (store/redis.ts), checked to run WITHOUT disk persistence;
 * - the Socket.IO Redis streams adapter, so a push to a room reaches sockets on every node. Its
 *   stream is kept short: at most `streamMaxLen` packets, and none older than `streamMaxAgeMs`
 *   (trimmed by the sweeping node), because packets carry message text;
 * - queue positions and team lists are not sent through the stream per person: the node that
 *   changed the queue tells the others ('queue:changed'), and each node pushes fresh positions to
 *   its own sockets from the shared store;
 * - one node at a time sweeps (a lock in Redis with a short lifetime): if it dies, another takes
 *   over within seconds, so resume windows and counsellor grace periods end on time;
 * - reconciliation: a node that died cannot mark its sockets as gone; the sweeping node notices
 *   sessions and counsellors marked online with no socket on any live node (two rounds in a row)
 *   and handles them as dropped, so their resume window or grace period starts.
 * Connection-state recovery of Socket.IO stays off: the chat's own resume (token + lastSeq from
 * the store) works across nodes and keeps message text out of Socket.IO's session keys.
 */
import { randomBytes } from 'node:crypto';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createClient } from 'redis';
import { accountKey } from '../accounts/account-file.ts';
import { broadcastQueue, broadcastTeam } from '../chat/broadcast.ts';
import type { ChatContext, Pusher } from '../chat/context.ts';
import type { RedisSettings } from '../config.ts';
import { staffDisconnected } from '../chat/staff-actions.ts';
import { youthDisconnected } from '../chat/youth-actions.ts';
import type { ChatServer } from '../chat-server.ts';
import { errorFields, type Logger } from '../log.ts';
import type { NodeSocketKeys } from '../../shared/protocol/events.ts';
import { createPusher } from '../sockets/pusher.ts';
import { chatNamespaces, type StaffNamespace, type YouthNamespace } from '../sockets/types.ts';
import { RedisChatStore } from '../store/redis.ts';

type Client = ReturnType<typeof createClient>;

/**
 * Refuses a Redis that saves to disk (RDB snapshots or AOF): message text must not reach a disk.
 * A Redis that hides CONFIG (some managed services) gets a warning: check it yourself.
 */
export async function checkPersistence(client: Client, settings: Pick<RedisSettings, 'allowPersistence'>, logger: Logger): Promise<void> {
  let save: string;
  let appendonly: string;
  try {
    const saveReply = await client.sendCommand<string[]>(['CONFIG', 'GET', 'save']);
    const aofReply = await client.sendCommand<string[]>(['CONFIG', 'GET', 'appendonly']);
    save = saveReply[1] ?? '';
    appendonly = aofReply[1] ?? 'no';
  } catch {
    logger.warn('redis.persistence_unknown');
    return;
  }
  if (save.trim() === '' && appendonly === 'no') {
    logger.info('redis.persistence_off');
    return;
  }
  if (settings.allowPersistence) {
    logger.warn('redis.persistence_on', { allowed: true, rdb: save.trim() !== '', aof: appendonly !== 'no' });
    return;
  }
  throw new Error(
    "Redis bewaart gegevens op schijf (save/appendonly), en de chat zet berichttekst in Redis. Start Redis met --save '' --appendonly no, of zet CJG_REDIS_ALLOW_PERSISTENCE=1 als je dit bewust wilt.",
  );
}

export interface RedisConnection {
  settings: RedisSettings;
  store: RedisChatStore;
  adapter: ReturnType<typeof createAdapter>;
  nodeId: string;
  sweepLock(): Promise<boolean>;
  close(): Promise<void>;
}

export async function connectRedis(settings: RedisSettings, logger: Logger, chat: { resumeWindowMs: number }): Promise<RedisConnection> {
  const store = await RedisChatStore.connect({
    url: settings.url,
    // Redis keeps a dropped young person's session a while past the resume window; the sweep ends it first.
    awaySessionTtlMs: chat.resumeWindowMs + 10 * 60_000,
    prefix: settings.prefix,
    commandTimeoutMs: settings.commandTimeoutMs,
    onHealthChange: (healthy) => (healthy ? logger.info('redis.recovered') : logger.error('redis.unavailable')),
  });
  try {
    await checkPersistence(store.redis, settings, logger);
  } catch (error) {
    await store.close();
    throw error;
  }
  // The adapter gets its own client, which queues commands while Redis is away and sends them
  // after: broadcasts during a short outage are delayed, not lost.
  const adapterClient: Client = createClient({ url: settings.url });
  adapterClient.on('error', () => {});
  await adapterClient.connect();
  const adapter = createAdapter(adapterClient, {
    streamName: `${settings.prefix}socket.io`,
    channelPrefix: `${settings.prefix}socket.io`,
    sessionKeyPrefix: `${settings.prefix}sio:session:`,
    maxLen: settings.streamMaxLen,
  });
  const nodeId = randomBytes(8).toString('hex');
  // Renewed by every sweep and reconciliation round; a dead holder's lock runs out after this.
  const lockTtl = Math.max(3 * settings.reconcileIntervalMs, 1000);
  return {
    settings,
    store,
    adapter,
    nodeId,
    async sweepLock() {
      return store.tryLock('sweep', nodeId, lockTtl);
    },
    async close() {
      await store.unlock('sweep', nodeId).catch(() => {});
      await store.close();
      if (adapterClient.isOpen) await adapterClient.close().catch(() => adapterClient.destroy());
    },
  };
}

/** The sockets of this node: session keys of young people, account keys of counsellors. */
function localKeys(youth: YouthNamespace, staff: StaffNamespace): NodeSocketKeys {
  return {
    youth: [...youth.sockets.values()].map((s) => s.data.sessionKey),
    staff: [...staff.sockets.values()].map((s) => accountKey(s.data.name)),
  };
}

/**
 * Turns a started chat server into one node of several: queue/team changes via inter-server
 * events, reconciliation and stream trimming on the sweeping node. Returns a stop function.
 */
export function joinCluster(chat: ChatServer, connection: RedisConnection, logger: Logger): () => void {
  const { youth, staff } = chatNamespaces(chat.io);
  const ctx: ChatContext = chat.context;
  const everywhere = ctx.push;
  // `.local` skips the adapter: only this node's sockets.
  const local = createPusher(youth.local, staff.local);
  const localCtx = (): ChatContext => ({ ...ctx, push: local });

  const announce = (event: 'queue:changed' | 'team:changed') => {
    try {
      youth.serverSideEmit(event);
    } catch (error) {
      logger.warn('cluster.announce_failed', errorFields(error));
    }
  };
  const push: Pusher = {
    ...everywhere,
    youth(sessionKey, event, ...args) {
      (event === 'queue:position' ? local : everywhere).youth(sessionKey, event, ...args);
    },
    staff(target, event, ...args) {
      if (target === 'all' && (event === 'queue:update' || event === 'team:update')) {
        local.staff(target, event, ...args);
        announce(event === 'queue:update' ? 'queue:changed' : 'team:changed');
      } else {
        everywhere.staff(target, event, ...args);
      }
    },
  };
  ctx.push = push;

  const onQueueChanged = () => void broadcastQueue(localCtx()).catch((error: unknown) => logger.warn('cluster.queue_push_failed', errorFields(error)));
  const onTeamChanged = () => void broadcastTeam(localCtx()).catch((error: unknown) => logger.warn('cluster.team_push_failed', errorFields(error)));
  youth.on('queue:changed', onQueueChanged);
  youth.on('team:changed', onTeamChanged);
  youth.on('who', (reply) => {
    reply(localKeys(youth, staff));
  });

  // Two rounds without a socket anywhere before a session counts as dropped (a socket may be
  // between connecting and joining its room).
  let unseenYouth = new Set<string>();
  let unseenStaff = new Set<string>();
  async function reconcile(): Promise<void> {
    if (!(await connection.sweepLock())) return;
    const now = Date.now();
    await connection.store.redis
      .sendCommand(['XTRIM', `${connection.settings.prefix}socket.io`, 'MINID', '~', String(now - connection.settings.streamMaxAgeMs)])
      .catch(() => {});
    const remote = await youth.serverSideEmitWithAck('who');
    const mine = localKeys(youth, staff);
    const liveYouth = new Set([...mine.youth, ...remote.flatMap((r) => r.youth)]);
    const liveStaff = new Set([...mine.staff, ...remote.flatMap((r) => r.staff)]);

    const claimedYouth = new Set<string>();
    for (const entry of await ctx.store.listQueue()) {
      if (!liveYouth.has(entry.sessionKey) && (await ctx.store.getSession(entry.sessionKey))?.connected) claimedYouth.add(entry.sessionKey);
    }
    for (const conversation of await ctx.store.listConversations()) {
      if (conversation.youthConnected && !liveYouth.has(conversation.sessionKey)) claimedYouth.add(conversation.sessionKey);
    }
    const nextYouth = new Set<string>();
    for (const key of claimedYouth) {
      if (unseenYouth.has(key)) await youthDisconnected(ctx, key);
      else nextYouth.add(key);
    }
    unseenYouth = nextYouth;

    const nextStaff = new Set<string>();
    for (const presence of await ctx.store.listPresence()) {
      if (!presence.online || liveStaff.has(presence.counsellorKey)) continue;
      if (unseenStaff.has(presence.counsellorKey)) {
        await staffDisconnected(ctx, { key: presence.counsellorKey, name: presence.name, role: presence.role });
      } else {
        nextStaff.add(presence.counsellorKey);
      }
    }
    unseenStaff = nextStaff;
  }
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    reconcile()
      .catch((error: unknown) => logger.warn('cluster.reconcile_failed', errorFields(error)))
      .finally(() => {
        running = false;
      });
  }, connection.settings.reconcileIntervalMs);
  timer.unref();
  logger.info('cluster.joined', { streamMaxLen: connection.settings.streamMaxLen });
  return () => clearInterval(timer);
}
