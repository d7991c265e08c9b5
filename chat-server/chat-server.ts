/**
 * The anonymous chat, attached to the portal's HTTP server: Socket.IO at `/socket.io/` with the
 * namespaces `/jongeren` and `/medewerkers`, plus the HTTP endpoints in http/chat-api.ts.
 * `createChatServer` takes everything it depends on, so tests run a real server on port 0 with
 * their own store, clock, configuration, logger and data folder.
 */
import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import { Server, type ServerOptions } from 'socket.io';
import { AccountBook } from './accounts/account-file.ts';
import { noIndicators, type ChatContext, type ChatIndicators } from './chat/context.ts';
import { releaseGoneCounsellors, releaseRemovedAccounts } from './chat/staff-actions.ts';
import { expireAwaySessions } from './chat/youth-actions.ts';
import { defaultChatConfig, type ChatConfig } from './config.ts';
import { createChatApi } from './http/chat-api.ts';
import { errorFields, type Logger } from './log.ts';
import { MAX_PACKET_BYTES, SOCKET_PATH, type StaffRole } from '../shared/protocol/limits.ts';
import { createConnectionGate } from './safety/connection-gate.ts';
import { clientAddress, networkKey } from './safety/network-key.ts';
import { createPusher } from './sockets/pusher.ts';
import { endStaleStaffSockets, setUpStaffNamespace } from './sockets/staff-namespace.ts';
import { refusal, setUpYouthNamespace } from './sockets/youth-namespace.ts';
import { chatNamespaces, type ChatIo } from './sockets/types.ts';
import { MemoryChatStore } from './store/memory.ts';
import type { ChatStore } from './store/types.ts';

export interface ChatServerOptions {
  logger: Logger;
  /** Folder with counsellors.json (and, for the default indicators, indicators.json). */
  dataDir: string;
  store?: ChatStore;
  /** The clock; tests move it to check opening hours, resume windows and expiry. */
  now?: () => number;
  config?: Partial<ChatConfig>;
  /** Shortcut for `config.alwaysOpen` (CJG_CHAT_ALWAYS_OPEN=1). */
  alwaysOpen?: boolean;
  /** Aggregates (counts per hour); defaults to none. main.ts passes the file-backed recorder. */
  indicators?: ChatIndicators;
  /** Run the sweep on a timer (default true); tests may call `sweep()` themselves. */
  sweepTimer?: boolean;
  /** Socket.IO adapter for several nodes (the Redis streams adapter; see redis/cluster.ts). */
  adapter?: ServerOptions['adapter'];
  /**
   * With several nodes: true when this node may run the sweep's shared part now (a Redis lock),
   * so a dropped session is ended once, by whichever node is alive.
   */
  sweepLock?: () => Promise<boolean>;
}

export interface ChatServer {
  io: ChatIo;
  context: ChatContext;
  /** Answers `/api/chat/status`, `/api/medewerkers/login|logout`; false for other requests. */
  handleHttp(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  /** The logged-in counsellor behind a request's `Authorization: Bearer <token>` (for the statistics endpoints). */
  staffFromRequest(req: IncomingMessage): Promise<{ name: string; role: StaffRole } | null>;
  /** The keyed hash (daily secret) of a request's network, for per-network limits elsewhere (page feedback). */
  networkOf(req: IncomingMessage): Promise<string>;
  /** Ends expired sessions, releases dropped counsellors, notices account changes. */
  sweep(): Promise<void>;
  close(): Promise<void>;
}

/**
 * How soon a connection that silently died (a phone in a tunnel, a closed laptop) is noticed: the
 * server pings every PING_INTERVAL_MS and gives up PING_TIMEOUT_MS later. Socket.IO's defaults (25 s + 20 s)
 * left a counsellor looking at "verbonden" for up to 45 s; now it is at most 14 s. A ping is a few bytes,
 * so every 7 s costs a phone nothing worth noticing, and 7 s leaves room for a slow mobile network's answer.
 */
export const PING_INTERVAL_MS = 7000;
export const PING_TIMEOUT_MS = 7000;

export function createChatServer(httpServer: HttpServer, options: ChatServerOptions): ChatServer {
  const config: ChatConfig = { ...defaultChatConfig(), ...options.config, ...(options.alwaysOpen !== undefined ? { alwaysOpen: options.alwaysOpen } : {}) };
  const logger = options.logger;
  const store = options.store ?? new MemoryChatStore();
  const now = options.now ?? Date.now;
  const accounts = new AccountBook(options.dataDir, (error) => logger.error('accounts.file_unreadable', errorFields(error)));
  const gate = createConnectionGate({ store, config, now, logger });

  const io: ChatIo = new Server(httpServer, {
    path: SOCKET_PATH.replace(/\/$/, ''),
    serveClient: false,
    cookie: false,
    maxHttpBufferSize: MAX_PACKET_BYTES,
    ...(options.adapter ? { adapter: options.adapter } : {}),
    // A socket that joins no namespace (the default one is refused) is closed after this.
    connectTimeout: 10_000,
    pingInterval: PING_INTERVAL_MS,
    pingTimeout: PING_TIMEOUT_MS,
    allowRequest: (req, callback) => gate.allowRequest(req, callback),
  });
  io.engine.on('connection', (raw: { request: IncomingMessage | null; once(event: 'close', listener: () => void): unknown }) => {
    gate.track(raw);
    // Drop the first HTTP request (headers, user agent, forwarded addresses) from memory right away.
    raw.request = null;
  });
  const networkOf = (socket: { conn: Parameters<typeof gate.networkOf>[0] }): string | undefined => gate.networkOf(socket.conn);

  // Nothing is served on the default namespace: refused, so it cannot hold sockets for free.
  io.of('/').use((_socket, next) => next(refusal('forbidden')));
  const { youth, staff } = chatNamespaces(io);
  for (const namespace of [youth, staff]) {
    // Headers, address and query are not needed after the handshake; drop them so they never travel
    // to other nodes (fetchSockets through the Redis adapter serialises the handshake). Each
    // namespace's own middleware then replaces `auth` with nothing but what it still needs.
    namespace.use((socket, next) => {
      socket.handshake.headers = {};
      socket.handshake.address = '';
      socket.handshake.query = {};
      socket.handshake.url = '';
      next();
    });
  }
  const context: ChatContext = {
    store,
    config,
    now,
    logger,
    push: createPusher(youth, staff),
    indicators: options.indicators ?? noIndicators,
    accounts,
  };
  setUpYouthNamespace(youth, context, networkOf);
  setUpStaffNamespace(staff, context);
  const api = createChatApi(context, gate);

  let sweeping: Promise<void> | null = null;
  async function runSweep(): Promise<void> {
    const at = now();
    if (!options.sweepLock || (await options.sweepLock())) {
      await expireAwaySessions(context);
      await releaseRemovedAccounts(context);
      await releaseGoneCounsellors(context);
      for (const hash of await store.expireStaffSessions(at)) context.push.endLogin(hash);
    }
    // Every node checks its own staff sockets against the sessions and accounts as they are now.
    await endStaleStaffSockets(staff, context);
    store.prune?.(at);
  }
  const sweep = (): Promise<void> => {
    sweeping ??= runSweep()
      .catch((error: unknown) => logger.error('chat.sweep_failed', errorFields(error)))
      .finally(() => {
        sweeping = null;
      });
    return sweeping;
  };
  const timer = options.sweepTimer === false ? undefined : setInterval(() => void sweep(), config.sweepIntervalMs);
  timer?.unref();

  logger.info('chat.started', { alwaysOpen: config.alwaysOpen, queueCap: config.queueCap });
  return {
    io,
    context,
    handleHttp: (req, res) => api.handle(req, res),
    staffFromRequest: (req) => api.staffFromRequest(req),
    networkOf: (req) => networkKey(store, clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], config.trustProxy), now()),
    sweep,
    async close() {
      if (timer) clearInterval(timer);
      await io.close();
      await store.close();
    },
  };
}
