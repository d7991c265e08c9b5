import type { IncomingMessage } from 'node:http';
import type { ChatConfig } from '../config.ts';
import type { ErrorCode } from '../../shared/protocol/errors.ts';
import type { Logger } from '../log.ts';
import type { ChatStore } from '../store/types.ts';
import { clientAddress, networkKey } from './network-key.ts';
import { createRefusalLog } from '../sockets/refusal-log.ts';
import { originAllowed } from './origin.ts';

/** A reservation made in allowRequest that never became a connection is released after this. */
const RESERVATION_MS = 10_000;

interface EngineConnection {
  request: IncomingMessage | null;
  once(event: 'close', listener: () => void): unknown;
}

export interface ConnectionGate {
  /** Engine.IO's `allowRequest`: runs on every new connection, before any namespace. */
  allowRequest(req: IncomingMessage, callback: (error: string | null | undefined, allowed: boolean) => void): void;
  /** Engine.IO's 'connection' event: counts the connection for its network until it closes. */
  track(connection: EngineConnection): void;
  /** The network key (keyed hash) of a tracked connection; the address itself is never kept. */
  networkOf(connection: object): string | undefined;
  /** Would a new connection from this network be refused now (open cap on this node, or the new-connection limit)? */
  refuses(network: string): Promise<boolean>;
}

/** Store key marking a network refused by the new-connection limit, until it may connect again. */
const refusedKey = (network: string) => `connections-refused:${network}`;

/**
 * Limits per network (keyed hash of the address), applied to every Socket.IO connection before it
 * reaches a namespace, so no namespace (not even a refused one) lets one network hold unlimited
 * sockets: the Origin check, a cap on open connections per network on this node, and a token
 * bucket on new connections per network (shared by all nodes through the store).
 */
export function createConnectionGate(ctx: { store: ChatStore; config: ChatConfig; now: () => number; logger: Logger }): ConnectionGate {
  const open = new Map<string, number>();
  const pending = new WeakMap<IncomingMessage, { network: string; timer: NodeJS.Timeout }>();
  const networks = new WeakMap<object, string>();
  const change = (network: string, by: number) => {
    const n = (open.get(network) ?? 0) + by;
    if (n > 0) open.set(network, n);
    else open.delete(network);
  };

  // A storm of refused handshakes writes a few lines and then one count per minute, not a line each.
  const refusals = createRefusalLog(ctx.logger, ctx.now);

  const full = (network: string) => (open.get(network) ?? 0) >= ctx.config.openConnectionsPerNetwork;

  /** Refused handshakes answer with the error code; its Dutch sentence comes from `refuses` (GET /api/chat/verbinding). */
  async function admit(req: IncomingMessage): Promise<ErrorCode | null> {
    if (!originAllowed(req, ctx.config.extraOrigins)) {
      refusals.note('warn', 'socket.origin_refused', {});
      return 'bad_origin';
    }
    const network = await networkKey(ctx.store, clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], ctx.config.trustProxy), ctx.now());
    if (full(network)) {
      refusals.note('warn', 'socket.network_full', {});
      return 'too_many_connections';
    }
    // Reserved in the same tick as the check, so parallel handshakes cannot all pass it.
    change(network, 1);
    const timer = setTimeout(() => change(network, -1), RESERVATION_MS);
    timer.unref();
    pending.set(req, { network, timer });
    const { burst, perSecond } = ctx.config.connectionsPerNetwork;
    const bucket = await ctx.store.takeToken(`cn:${network}`, burst, perSecond, ctx.now());
    if (!bucket.ok) {
      clearTimeout(timer);
      pending.delete(req);
      change(network, -1);
      refusals.note('warn', 'youth.connection_rate_limited', {});
      // Remembered (in the store, for every node) until the next connection would be let in.
      await ctx.store.putBlock(refusedKey(network), ctx.now() + bucket.retryAfterMs);
      return 'too_many_connections';
    }
    return null;
  }

  return {
    allowRequest(req, callback) {
      admit(req).then(
        (refused) => callback(refused, refused === null),
        () => callback('unavailable', false),
      );
    },
    track(connection) {
      const reservation = connection.request ? pending.get(connection.request) : undefined;
      if (!reservation) return;
      clearTimeout(reservation.timer);
      networks.set(connection, reservation.network);
      connection.once('close', () => change(reservation.network, -1));
    },
    networkOf(connection) {
      return networks.get(connection);
    },
    async refuses(network) {
      return full(network) || (await ctx.store.getBlock(refusedKey(network), ctx.now())) !== null;
    },
  };
}
