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
import { createRefusalLog } from './refusal-log.ts';
import { isStoreUnavailable } from '../redis/unavailable.ts';
import type { ChatStore } from '../store/types.ts';

type AckFunction = (response: unknown) => void;

type Issues = readonly { code: string; path: PropertyKey[]; message: string }[];

/** Made with `on()`: `Payload` is what the client sends, `Answer` what its acknowledgement gets. */
export interface EventHandler<Payload, Answer> {
  /** Kept for the type check: the table entry must accept the event's payload. */
  readonly schema: ZodType<unknown, Payload>;
  /** Validates the raw payload; on success, the handler bound to the parsed value. */
  prepare(raw: unknown): { ok: true; run: () => Promise<Answer> } | { ok: false; issues: Issues };
  /** Events dropped silently when over their own limit (typing indicators). */
  quiet: boolean;
}

/** A table entry: the payload schema and what to do with a valid payload (its result is the acknowledgement). */
export function on<Parsed, Payload, Answer>(
  schema: ZodType<Parsed, Payload>,
  run: (payload: Parsed) => Promise<Answer>,
  { quiet = false }: { quiet?: boolean } = {},
): EventHandler<Payload, Answer> {
  return {
    schema,
    quiet,
    prepare(raw) {
      const parsed = schema.safeParse(raw);
      return parsed.success ? { ok: true, run: () => run(parsed.data) } : { ok: false, issues: parsed.error.issues };
    },
  };
}

/** The payload of a client event: its first argument. */
export type PayloadOf<F> = F extends (payload: infer P, ...rest: never[]) => void ? P : never;
/** What a client event's acknowledgement callback receives; `void` for events without one. */
export type AnswerOf<F> = F extends (payload: never, ack: infer A) => infer Result ? (A extends (response: infer R) => void ? R : Result) : never;

/** One handler per event of the namespace, each checked against the event's payload and acknowledgement. */
export type HandlerTable<Events extends object> = {
  [E in keyof Events]: EventHandler<PayloadOf<Events[E]>, AnswerOf<Events[E]>>;
};

function errorAck(code: AckError['code'], extra: Partial<AckError> = {}): AckError {
  return { ok: false, code, error: ERROR_MESSAGES[code], ...extra };
}

/** Maps a failed parse to a clear code: too long, empty, or just not right. */
function invalidAck(issues: Issues): AckError {
  const first = issues.at(0);
  if (first?.code === 'too_big' && first.path[0] === 'text') return errorAck('too_long');
  if (first?.code === 'too_big' && first.path[0] === 'note') return errorAck('note_too_long');
  if (first?.code === 'custom' && first.path[0] === 'text') return errorAck('empty');
  return errorAck('invalid');
}

export interface DispatchOptions<Events extends object> {
  socket: Pick<Socket, 'use' | 'on'>;
  handlers: HandlerTable<Events>;
  store: ChatStore;
  now: () => number;
  logger: Logger;
  /** Key for the per-key bucket: one anonymous session or one counsellor, over all their sockets. */
  rateKey: string;
  namespace: 'youth' | 'staff';
  /** Runs right before every acknowledgement is written to the socket. */
  beforeAnswer?: () => void;
  /**
   * Asked before every event is handled: false refuses it with `unauthorized` (quiet events get no
   * answer). The staff namespace checks the login and the account as they are now.
   */
  authorize?: () => Promise<boolean>;
}

export function dispatchEvents<Events extends object>({
  socket,
  handlers,
  store,
  now,
  logger,
  rateKey,
  namespace,
  beforeAnswer,
  authorize,
}: DispatchOptions<Events>): void {
  const socketBucket = new TokenBucket(RATE_LIMITS.socketEvents, now());
  const typingBucket = new TokenBucket(RATE_LIMITS.typing, now());
  const refusals = createRefusalLog(logger, now);
  socket.on('disconnect', () => refusals.flush());

  // Events of one socket are handled one after another, so messages keep the order they were sent in.
  let queue: Promise<void> = Promise.resolve();
  // `next` is never called: every client event is handled here, not by Socket.IO's own listeners.
  socket.use(([event, ...args], _next) => {
    queue = queue.then(() => handle(event, args)).catch(() => {});
  });

  async function handle(event: string, args: unknown[]): Promise<void> {
    const last = args.at(-1);
    const ack = isAckFunction(last) ? last : undefined;
    if (ack) args.pop();
    const answer = (response: object) => {
      try {
        if (ack) beforeAnswer?.();
        ack?.(response);
      } catch {
        // the client went away; nothing to answer
      }
    };
    // Each entry was checked against its event when the table was written; here any of them may run.
    const handler: EventHandler<unknown, unknown> | undefined = isEventOf(handlers, event) ? handlers[event] : undefined;
    if (!handler) {
      // Includes a young person trying a counsellor event: refused, nothing happens.
      refusals.note('warn', 'chat.event_refused', { namespace });
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
        refusals.note('warn', 'chat.rate_limited', { namespace });
        answer(errorAck('rate_limited', { retryAfterMs: wait || keyed?.retryAfterMs || 1000 }));
        return;
      }
    }
    try {
      if (authorize && !(await authorize())) {
        if (!handler.quiet) answer(errorAck('unauthorized'));
        return;
      }
    } catch (error) {
      logger.warn('chat.store_unavailable', { namespace });
      answer(errorAck(isStoreUnavailable(error) ? 'unavailable' : 'internal'));
      return;
    }
    const prepared = handler.prepare(args[0]);
    if (!prepared.ok) {
      refusals.note('info', 'chat.payload_invalid', { namespace });
      answer(invalidAck(prepared.issues));
      return;
    }
    try {
      const result = await prepared.run();
      if (typeof result === 'object' && result !== null) answer(result);
    } catch (error) {
      logger.error('chat.handler_failed', { namespace, ...errorFields(error) });
      answer(errorAck(isStoreUnavailable(error) ? 'unavailable' : 'internal'));
    }
  }
}

function isAckFunction(value: unknown): value is AckFunction {
  return typeof value === 'function';
}

function isEventOf<Events extends object>(handlers: HandlerTable<Events>, event: string): event is Extract<keyof Events, string> {
  return Object.hasOwn(handlers, event);
}
