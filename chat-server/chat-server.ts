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
import { releaseGoneCounsellors } from './chat/staff-actions.ts';
import { expireAwaySessions } from './chat/youth-actions.ts';
import { defaultChatConfig, type ChatConfig } from './config.ts';
import { createChatApi } from './http/chat-api.ts';
import { errorFields, type Logger } from './log.ts';
import { MAX_PACKET_BYTES, SOCKET_PATH, type StaffRole } from '../shared/protocol/limits.ts';
import { clientAddress } from './safety/network-key.ts';
import { originAllowed } from './safety/origin.ts';
import { createPusher } from './sockets/pusher.ts';
import { setUpStaffNamespace } from './sockets/staff-namespace.ts';
import { setUpYouthNamespace } from './sockets/youth-namespace.ts';
import { chatNamespaces, type ChatIo, type YouthServerSocket } from './sockets/types.ts';
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
  /** Ends expired sessions, releases dropped counsellors, notices account changes. */
  sweep(): Promise<void>;
  close(): Promise<void>;
}

/** Engine-level sockets keep the client address only until the namespace middleware hashed it. */
const addresses = new WeakMap<object, string>();

export function createChatServer(httpServer: HttpServer, options: ChatServerOptions): ChatServer {
  const config: ChatConfig = { ...defaultChatConfig(), ...options.config, ...(options.alwaysOpen !== undefined ? { alwaysOpen: options.alwaysOpen } : {}) };
  const logger = options.logger;
  const store = options.store ?? new MemoryChatStore();
  const now = options.now ?? Date.now;
  const accounts = new AccountBook(options.dataDir, (error) => logger.error('accounts.file_unreadable', errorFields(error)));

  const io: ChatIo = new Server(httpServer, {
    path: SOCKET_PATH.replace(/\/$/, ''),
    serveClient: false,
    cookie: false,
    maxHttpBufferSize: MAX_PACKET_BYTES,
    ...(options.adapter ? { adapter: options.adapter } : {}),
    allowRequest: (req, callback) => {
      const allowed = originAllowed(req, config.extraOrigins);
      if (!allowed) logger.warn('socket.origin_refused');
      callback(allowed ? null : 'bad_origin', allowed);
    },
  });
  io.engine.on('connection', (raw: { request: IncomingMessage | null; remoteAddress?: string }) => {
    const req = raw.request;
    if (req) addresses.set(raw, clientAddress(req.socket?.remoteAddress ?? raw.remoteAddress, req.headers['x-forwarded-for'], config.trustProxy));
    // Drop the first HTTP request (headers, user agent) from memory right away.
    raw.request = null;
  });
  const addressOf = (socket: YouthServerSocket): string => {
    const raw = socket.conn;
    const address = addresses.get(raw) ?? socket.conn.remoteAddress ?? 'unknown';
    addresses.delete(raw);
    return address;
  };

  const { youth, staff } = chatNamespaces(io);
  for (const namespace of [youth, staff]) {
    // Headers and address are not needed after the handshake; drop them so they never travel to
    // other nodes (fetchSockets through the Redis adapter serialises the handshake).
    namespace.use((socket, next) => {
      socket.handshake.headers = {};
      socket.handshake.address = '';
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
  setUpYouthNamespace(youth, context, addressOf);
  setUpStaffNamespace(staff, context);
  const api = createChatApi(context);

  let sweeping: Promise<void> | null = null;
  async function runSweep(): Promise<void> {
    const at = now();
    if (!options.sweepLock || (await options.sweepLock())) {
      await expireAwaySessions(context);
      await releaseGoneCounsellors(context);
      for (const hash of await store.expireStaffSessions(at)) context.push.endLogin(hash);
    }
    if (accounts.refresh()) {
      // An account was removed: end its logins now (its conversations follow after the grace period).
      for (const presence of await store.listPresence()) {
        if (accounts.has(presence.counsellorKey)) continue;
        for (const hash of await store.deleteStaffSessionsOf(presence.counsellorKey)) context.push.endLogin(hash);
        logger.info('staff.account_removed');
      }
    }
    store.prune?.(at);
  }
  const sweep = (): Promise<void> => {
    sweeping ??= runSweep()
      .catch((error) => logger.error('chat.sweep_failed', errorFields(error)))
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
    sweep,
    async close() {
      if (timer) clearInterval(timer);
      await new Promise<void>((resolve) => {
        io.close(() => resolve());
      });
      await store.close();
    },
  };
}
