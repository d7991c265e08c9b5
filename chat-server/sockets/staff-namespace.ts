import { createHash } from 'node:crypto';
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
import { flagViews } from '../chat/views.ts';
import { ERROR_MESSAGES } from '../../shared/protocol/errors.ts';
import { CHAT_ROLES } from '../../shared/protocol/limits.ts';
import type { StaffClientToServerEvents, StaffSocketData } from '../../shared/protocol/events.ts';
import {
  conversationRefSchema,
  presenceSchema,
  staffAuthSchema,
  staffMessageSchema,
  staffTypingSchema,
  takeSchema,
  transferSchema,
} from '../../shared/protocol/schemas.ts';
import { dispatchEvents, on, type HandlerTable } from './dispatch.ts';
import { rooms } from './pusher.ts';
import type { StaffNamespace, StaffServerSocket } from './types.ts';
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
export function setUpStaffNamespace(namespace: StaffNamespace, ctx: ChatContext): void {
  // Every failure ends in `next(error)` inside, so the middleware may leave the promise alone.
  const admit = async (socket: StaffServerSocket, next: (error?: Error) => void): Promise<void> => {
    const auth = staffAuthSchema.safeParse(socket.handshake.auth);
    if (!auth.success) {
      next(unauthorized());
      return;
    }
    try {
      const tokenHash = tokenHashOf(auth.data.token);
      const account = await currentStaff(ctx.store, ctx.accounts, tokenHash, ctx.now());
      // An account for activities only manages sign-ups: no chat.
      if (!account || !CHAT_ROLES.includes(account.role)) {
        ctx.logger.warn('staff.socket_refused');
        next(unauthorized());
        return;
      }
      const data: StaffSocketData = {
        kind: 'staff',
        name: account.name,
        role: account.role,
        sessionKey: tokenHash,
        ...(auth.data.watch ? { watch: true } : {}),
      };
      socket.data = data;
      // Only the token's hash is kept.
      socket.handshake.auth = {};
      next();
    } catch (error) {
      if (!isStoreUnavailable(error)) {
        next(unauthorized());
        return;
      }
      const unavailable = new Error(ERROR_MESSAGES.unavailable) as Error & { data: unknown };
      unavailable.data = { code: 'unavailable', error: ERROR_MESSAGES.unavailable };
      next(unavailable);
    }
  };
  namespace.use((socket, next) => void admit(socket, next));

  namespace.on('connection', async (socket) => {
    const data = socket.data;
    if (data.watch) {
      await watchAlarm(socket, ctx);
      return;
    }
    const me: StaffIdentity = { key: accountKey(data.name), name: data.name, role: data.role };
    const handlers: HandlerTable<StaffClientToServerEvents> = {
      'conversation:take': on(takeSchema, (p) => takeConversation(ctx, me, p.entryId)),
      'message:send': on(staffMessageSchema, (p) => sendStaffMessage(ctx, me, p.conversationId, p.text, p.clientId)),
      typing: on(staffTypingSchema, (p) => staffTyping(ctx, me, p.conversationId, p.typing), { quiet: true }),
      'conversation:end': on(conversationRefSchema, (p) => endByCounsellor(ctx, me, p.conversationId)),
      'conversation:transfer': on(transferSchema, (p) => transferConversation(ctx, me, p.conversationId, p.to, p.note)),
      'conversation:block': on(conversationRefSchema, (p) => blockConversation(ctx, me, p.conversationId)),
      'conversation:flag': on(conversationRefSchema, (p) => flagConversation(ctx, me, p.conversationId)),
      'conversation:observe': on(conversationRefSchema, (p) => observeConversation(ctx, me, p.conversationId, true)),
      'conversation:unobserve': on(conversationRefSchema, (p) => observeConversation(ctx, me, p.conversationId, false)),
      'presence:set': on(presenceSchema, (p) => setAvailable(ctx, me, p.available)),
    };
    // Every event checks the login and the account as they are now: a removed or changed account stops here.
    const authorize = async (): Promise<boolean> => {
      if (await currentStaff(ctx.store, ctx.accounts, data.sessionKey, ctx.now())) return true;
      endStaffSocket(socket);
      return false;
    };
    dispatchEvents({ socket, handlers, store: ctx.store, now: ctx.now, logger: ctx.logger, rateKey: `c:${me.key}`, namespace: 'staff', authorize });
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

/**
 * A staff page other than the console: it hears the supervisors' alarm (flags, flagged questions) and
 * the end of its login, nothing else. No presence, so the supervisor is not offered work there.
 */
async function watchAlarm(socket: StaffServerSocket, ctx: ChatContext): Promise<void> {
  const supervisor = socket.data.role === 'supervisor';
  // It only listens: every event is answered "Dit mag je hier niet doen." (rate-limited and logged like any refusal).
  dispatchEvents<Record<string, never>>({
    socket,
    handlers: {},
    store: ctx.store,
    now: ctx.now,
    logger: ctx.logger,
    rateKey: `w:${socket.data.sessionKey}`,
    namespace: 'staff',
  });
  await socket.join([rooms.login(socket.data.sessionKey), ...(supervisor ? [rooms.supervisors] : [])]);
  try {
    socket.emit('flags:update', { flags: supervisor ? await flagViews(ctx) : [] });
  } catch {
    ctx.logger.error('staff.connect_failed');
  }
}

/** Tells the console its login ended, after the pending acknowledgement went out, and closes the socket. */
function endStaffSocket(socket: StaffServerSocket): void {
  setImmediate(() => {
    socket.emit('session:expired');
    socket.disconnect(true);
  });
}

/** The sweep's check of this node's staff sockets: a session that ended or an account that changed closes them. */
export async function endStaleStaffSockets(namespace: StaffNamespace, ctx: ChatContext): Promise<void> {
  const verdicts = new Map<string, Promise<boolean>>();
  for (const socket of namespace.sockets.values()) {
    const { sessionKey } = socket.data;
    if (!verdicts.has(sessionKey)) verdicts.set(sessionKey, currentStaff(ctx.store, ctx.accounts, sessionKey, ctx.now()).then(Boolean));
    if (!(await verdicts.get(sessionKey))) {
      ctx.logger.info('staff.session_revoked');
      endStaffSocket(socket);
    }
  }
}
