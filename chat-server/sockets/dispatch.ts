/**
 * The one path every client event takes: allowed in this namespace? within the rate limits?
 * payload valid? Then the handler runs, and the acknowledgement is always answered, also when
 * something throws. A bad packet changes nothing and never reaches the chat logic.
 */
import type { Socket } from 'socket.io';
import type { ZodType } from 'zod';
import type { Logger } from '../log.ts';
import { errorFields } from '../log.ts';
import { ERROR_MESSAGES } from '../../shared/protocol/errors.ts';
import type { AckError } from '../../shared/protocol/events.ts';
import { RATE_LIMITS } from '../../shared/protocol/limits.ts';
import { TokenBucket } from '../safety/token-bucket.ts';
import { isStoreUnavailable } from '../redis/unavailable.ts';
import type { ChatStore } from '../store/types.ts';

type AnyAck = (response: unknown) => void;

export interface EventHandler<T> {
  schema: ZodType<T>;
  /** Returns the acknowledgement (ignored for events without one, like `typing`). */
  run(payload: T): Promise<object | void>;
  /** Events dropped silently when over their own limit (typing indicators). */
  quiet?: boolean;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type HandlerTable = Record<string, EventHandler<any>>;

function errorAck(code: AckError['code'], extra: Partial<AckError> = {}): AckError {
  return { ok: false, code, error: ERROR_MESSAGES[code], ...extra };
}

/** Maps a failed parse to a clear code: too long, empty, or just not right. */
function invalidAck(issues: readonly { code: string; path: PropertyKey[]; message: string }[]): AckError {
  const first = issues[0];
  if (first?.code === 'too_big' && first.path[0] === 'text') return errorAck('too_long');
  if (first?.code === 'custom' && first.path[0] === 'text') return errorAck('empty');
  return errorAck('invalid');
}

export interface DispatchOptions {
  socket: Socket;
  handlers: HandlerTable;
  store: ChatStore;
  now: () => number;
  logger: Logger;
  /** Key for the per-key bucket: one anonymous session or one counsellor, over all their sockets. */
  rateKey: string;
  namespace: 'youth' | 'staff';
  /** Runs right before every acknowledgement is written to the socket. */
  beforeAnswer?: () => void;
}

export function dispatchEvents({ socket, handlers, store, now, logger, rateKey, namespace, beforeAnswer }: DispatchOptions): void {
  const socketBucket = new TokenBucket(RATE_LIMITS.socketEvents, now());
  const typingBucket = new TokenBucket(RATE_LIMITS.typing, now());

  // Events of one socket are handled one after another, so messages keep the order they were sent in.
  let queue: Promise<void> = Promise.resolve();
  socket.use(([event, ...args], next) => {
    queue = queue.then(() => handle(event, args)).catch(() => {});
    void next; // handled here; Socket.IO's own listeners are not used for client events
  });

  async function handle(event: string, args: unknown[]): Promise<void> {
    const ack = typeof args[args.length - 1] === 'function' ? (args.pop() as AnyAck) : undefined;
    const answer = (response: object) => {
      try {
        if (ack) beforeAnswer?.();
        ack?.(response);
      } catch {
        // the client went away; nothing to answer
      }
    };
    const handler = Object.hasOwn(handlers, event) ? handlers[event] : undefined;
    if (!handler) {
      // Includes a young person trying a counsellor event: refused, nothing happens.
      logger.warn('chat.event_refused', { namespace });
      answer(errorAck('forbidden'));
      return;
    }
    if (handler.quiet) {
      if (typingBucket.take(now()) > 0) return;
    } else {
      const wait = socketBucket.take(now());
      let keyed: Awaited<ReturnType<ChatStore['takeToken']>> | null = null;
      try {
        keyed = wait > 0 ? null : await store.takeToken(`k:${rateKey}`, RATE_LIMITS.keyEvents.burst, RATE_LIMITS.keyEvents.perSecond, now());
      } catch (error) {
        // Redis did not answer (several nodes): say so in Dutch; nothing was changed.
        logger.warn('chat.store_unavailable', { namespace });
        answer(errorAck(isStoreUnavailable(error) ? 'unavailable' : 'internal'));
        return;
      }
      if (wait > 0 || (keyed && !keyed.ok)) {
        logger.warn('chat.rate_limited', { namespace });
        answer(errorAck('rate_limited', { retryAfterMs: wait || keyed?.retryAfterMs || 1000 }));
        return;
      }
    }
    const parsed = handler.schema.safeParse(args[0]);
    if (!parsed.success) {
      logger.info('chat.payload_invalid', { namespace });
      answer(invalidAck(parsed.error.issues));
      return;
    }
    try {
      const result = await handler.run(parsed.data);
      if (result) answer(result);
    } catch (error) {
      logger.error('chat.handler_failed', { namespace, ...errorFields(error) });
      answer(errorAck(isStoreUnavailable(error) ? 'unavailable' : 'internal'));
    }
  }
}
