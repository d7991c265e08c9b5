import { createHash } from 'node:crypto';
import { forgetSentPosition } from '../chat/broadcast.ts';
import type { ChatContext } from '../chat/context.ts';
import { endSession, joinQueue, sendFeedback, sendYouthMessage, youthConnected, youthDisconnected, youthTyping } from '../chat/youth-actions.ts';
import { ERROR_MESSAGES } from '../../shared/protocol/errors.ts';
import type { YouthClientToServerEvents, YouthSocketData } from '../../shared/protocol/events.ts';
import { feedbackSchema, queueJoinSchema, sessionEndSchema, youthAuthSchema, youthMessageSchema, youthTypingSchema } from '../../shared/protocol/schemas.ts';
import { dispatchEvents, on, type HandlerTable } from './dispatch.ts';
import { rooms } from './pusher.ts';
import type { YouthNamespace, YouthServerSocket } from './types.ts';

/** The store only ever sees this hash of the tab's token, so not even a store dump reveals a usable token. */
export function sessionKeyOf(token: string): string {
  return createHash('sha256').update(token).digest('base64url').slice(0, 32);
}

export function refusal(code: keyof typeof ERROR_MESSAGES): Error {
  const error = new Error(ERROR_MESSAGES[code]) as Error & { data: unknown };
  error.data = { code, error: ERROR_MESSAGES[code] };
  return error;
}

/** `/jongeren`: anyone may connect with a well-formed random token; nothing else is asked or kept. */
export function setUpYouthNamespace(namespace: YouthNamespace, ctx: ChatContext, networkOf: (socket: YouthServerSocket) => string | undefined): void {
  namespace.use((socket, next) => {
    const auth = youthAuthSchema.safeParse(socket.handshake.auth);
    if (!auth.success) {
      next(refusal('bad_session_token'));
      return;
    }
    // The network was hashed and rate-limited before any namespace (safety/connection-gate.ts).
    const network = networkOf(socket);
    if (!network) {
      next(refusal('internal'));
      return;
    }
    const data: YouthSocketData = { kind: 'youth', sessionKey: sessionKeyOf(auth.data.token), networkKey: network };
    socket.data = data;
    // Only the hash is kept: the raw token does not stay in memory or travel to other nodes.
    socket.handshake.auth = auth.data.lastSeq === undefined ? {} : { lastSeq: auth.data.lastSeq };
    next();
  });

  namespace.on('connection', async (socket) => {
    const { sessionKey, networkKey: network } = socket.data;
    // The middleware left only `lastSeq` in the handshake (the raw token is gone).
    const lastSeq = youthAuthSchema.pick({ lastSeq: true }).safeParse(socket.handshake.auth).data?.lastSeq;
    const handlers: HandlerTable<YouthClientToServerEvents> = {
      'queue:join': on(queueJoinSchema, (p) => joinQueue(ctx, { sessionKey, networkKey: network }, p)),
      'message:send': on(youthMessageSchema, (p) => sendYouthMessage(ctx, sessionKey, p.text, p.clientId)),
      typing: on(youthTypingSchema, (p) => youthTyping(ctx, sessionKey, p.typing), { quiet: true }),
      'session:end': on(sessionEndSchema, (p) => endSession(ctx, sessionKey, p.reason)),
      'feedback:send': on(feedbackSchema, (p) => sendFeedback(ctx, p.feedbackId, p.rating)),
    };
    // An acknowledgement or a fresh session state may tell the young person their place: the next queue push must not be skipped as "already sent".
    const forgetPosition = () => forgetSentPosition(ctx, sessionKey);
    dispatchEvents({
      socket,
      handlers,
      store: ctx.store,
      now: ctx.now,
      logger: ctx.logger,
      rateKey: `y:${sessionKey}`,
      namespace: 'youth',
      beforeAnswer: forgetPosition,
    });
    await socket.join(rooms.youth(sessionKey));
    socket.on('disconnect', () => {
      youthDisconnected(ctx, sessionKey).catch(() => ctx.logger.error('youth.disconnect_failed'));
    });
    try {
      const state = await youthConnected(ctx, sessionKey, lastSeq);
      forgetPosition();
      socket.emit('session:state', state);
    } catch {
      ctx.logger.error('youth.connect_failed');
    }
  });
}
