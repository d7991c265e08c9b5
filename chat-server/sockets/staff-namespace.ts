import { createHash } from 'node:crypto';
import type { Namespace, Socket } from 'socket.io';
import { currentStaff } from '../accounts/staff-session.ts';
import { accountKey } from '../accounts/account-file.ts';
import type { ChatContext } from '../chat/context.ts';
import {
  blockConversation,
  endByCounsellor,
  flagConversation,
  observeConversation,
  sendStaffMessage,
  setAvailable,
  staffConnected,
  staffDisconnected,
  staffTyping,
  takeConversation,
  transferConversation,
  type StaffIdentity,
} from '../chat/staff-actions.ts';
import { fail } from '../chat/youth-actions.ts';
import { ERROR_MESSAGES } from '../../shared/protocol/errors.ts';
import type { StaffSocketData } from '../../shared/protocol/events.ts';
import {
  conversationRefSchema,
  presenceSchema,
  staffAuthSchema,
  staffMessageSchema,
  staffTypingSchema,
  takeSchema,
  transferSchema,
} from '../../shared/protocol/schemas.ts';
import { dispatchEvents, type HandlerTable } from './dispatch.ts';
import { rooms } from './pusher.ts';
import { isStoreUnavailable } from '../redis/unavailable.ts';

export function tokenHashOf(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

function unauthorized(): Error {
  const error = new Error(ERROR_MESSAGES.unauthorized) as Error & { data: unknown };
  error.data = { code: 'unauthorized', error: ERROR_MESSAGES.unauthorized };
  return error;
}

/** `/medewerkers`: only sockets with a valid login session token, for an account that still exists. */
export function setUpStaffNamespace(namespace: Namespace, ctx: ChatContext): void {
  namespace.use(async (socket, next) => {
    const auth = staffAuthSchema.safeParse(socket.handshake.auth);
    if (!auth.success) return next(unauthorized());
    try {
      const tokenHash = tokenHashOf(auth.data.token);
      const account = await currentStaff(ctx.store, ctx.accounts, tokenHash, ctx.now());
      if (!account) {
        ctx.logger.warn('staff.socket_refused');
        return next(unauthorized());
      }
      const data: StaffSocketData = { kind: 'staff', name: account.name, role: account.role, sessionKey: tokenHash };
      socket.data = data;
      // Only the token's hash is kept.
      socket.handshake.auth = {};
      next();
    } catch (error) {
      if (!isStoreUnavailable(error)) return next(unauthorized());
      const unavailable = new Error(ERROR_MESSAGES.unavailable) as Error & { data: unknown };
      unavailable.data = { code: 'unavailable', error: ERROR_MESSAGES.unavailable };
      next(unavailable);
    }
  });

  namespace.on('connection', async (socket) => {
    const data = socket.data as StaffSocketData;
    const me: StaffIdentity = { key: accountKey(data.name), name: data.name, role: data.role };
    const handlers: HandlerTable = {
      'conversation:take': { schema: takeSchema, run: (p) => takeConversation(ctx, me, p.entryId) },
      'message:send': { schema: staffMessageSchema, run: (p) => sendStaffMessage(ctx, me, p.conversationId, p.text, p.clientId) },
      typing: { schema: staffTypingSchema, quiet: true, run: (p) => staffTyping(ctx, me, p.conversationId, p.typing) },
      'conversation:end': { schema: conversationRefSchema, run: (p) => endByCounsellor(ctx, me, p.conversationId) },
      'conversation:transfer': { schema: transferSchema, run: (p) => transferConversation(ctx, me, p.conversationId, p.to) },
      'conversation:block': { schema: conversationRefSchema, run: (p) => blockConversation(ctx, me, p.conversationId) },
      'conversation:flag': { schema: conversationRefSchema, run: (p) => flagConversation(ctx, me, p.conversationId) },
      'conversation:observe': { schema: conversationRefSchema, run: (p) => observeConversation(ctx, me, p.conversationId, true) },
      'conversation:unobserve': { schema: conversationRefSchema, run: (p) => observeConversation(ctx, me, p.conversationId, false) },
      'presence:set': { schema: presenceSchema, run: (p) => setAvailable(ctx, me, p.available) },
    };
    // Every event checks the login and the account as they are now: a removed or changed account stops here.
    for (const handler of Object.values(handlers)) {
      const run = handler.run;
      handler.run = async (payload) => {
        if (await currentStaff(ctx.store, ctx.accounts, data.sessionKey, ctx.now())) return run(payload);
        endStaffSocket(socket);
        return handler.quiet ? undefined : fail('unauthorized');
      };
    }
    dispatchEvents({ socket, handlers, store: ctx.store, now: ctx.now, logger: ctx.logger, rateKey: `c:${me.key}`, namespace: 'staff' });
    await socket.join([rooms.counsellor(me.key), rooms.allStaff, rooms.login(data.sessionKey), ...(me.role === 'supervisor' ? [rooms.supervisors] : [])]);
    socket.on('disconnect', () => {
      staffDisconnected(ctx, me).catch(() => ctx.logger.error('staff.disconnect_failed'));
    });
    try {
      socket.emit('session:state', await staffConnected(ctx, me));
    } catch {
      ctx.logger.error('staff.connect_failed');
    }
  });
}

/** Tells the console its login ended, after the pending acknowledgement went out, and closes the socket. */
function endStaffSocket(socket: Socket): void {
  setImmediate(() => {
    socket.emit('session:expired');
    socket.disconnect(true);
  });
}

/** The sweep's check of this node's staff sockets: a session that ended or an account that changed closes them. */
export async function endStaleStaffSockets(namespace: Namespace, ctx: ChatContext): Promise<void> {
  const verdicts = new Map<string, Promise<boolean>>();
  for (const socket of namespace.sockets.values()) {
    const { sessionKey } = socket.data as StaffSocketData;
    if (!verdicts.has(sessionKey)) verdicts.set(sessionKey, currentStaff(ctx.store, ctx.accounts, sessionKey, ctx.now()).then(Boolean));
    if (!(await verdicts.get(sessionKey))) {
      ctx.logger.info('staff.session_revoked');
      endStaffSocket(socket);
    }
  }
}
