/**
 * The chat's HTTP endpoints next to the socket:
 * - `GET /api/chat/status`: open/closed/busy and a rough wait, for the static pages (no-store, cheap).
 * - `GET /api/chat/verbinding`: whether this network is refused new chat connections now, with the Dutch
 *   reason (ConnectionCheck); the youth chat asks after a failed connection.
 * - `POST /api/medewerkers/login` `{ name, password }` → a random login token, kept in the store
 *   by its hash for at most STAFF_SESSION_TTL_MS. No cookie: the console keeps the token in its tab
 *   (sessionStorage) and sends it in the socket's `auth`; so no request can ride on it cross-site.
 * - `POST /api/medewerkers/logout` with `Authorization: Bearer <token>`: ends that login and its sockets.
 */
import { bearerToken } from './bearer.ts';
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { accountKey, accountVersion } from '../accounts/account-file.ts';
import { currentStaff } from '../accounts/staff-session.ts';
import { LoginGate } from '../accounts/login-gate.ts';
import {
  clearFailures,
  forgiveAttempt,
  NAME_NETWORK_THROTTLE,
  NAME_THROTTLE,
  NETWORK_THROTTLE,
  recordFailure,
  throttleWait,
} from '../accounts/login-throttle.ts';
import { decoyHash, verifyPassword } from '../accounts/password.ts';
import type { ChatContext } from '../chat/context.ts';
import { chatStatus } from '../chat/views.ts';
import { ERROR_MESSAGES, throttledMessage, type ErrorCode } from '../../shared/protocol/errors.ts';
import type { ChatStatus, ConnectionCheck, LoginResponse } from '../../shared/protocol/events.ts';
import { CONNECTION_PATH, LOGIN_PATH, LOGOUT_PATH, STATUS_PATH, type StaffRole } from '../../shared/protocol/limits.ts';
import { loginSchema } from '../../shared/protocol/schemas.ts';
import type { ConnectionGate } from '../safety/connection-gate.ts';
import { clientAddress, networkKey } from '../safety/network-key.ts';
import { originAllowed } from '../safety/origin.ts';
import { tokenHashOf } from '../sockets/staff-namespace.ts';
import { readBody } from './read-body.ts';

const MAX_BODY_BYTES = 4096;
/** The status is the same for everyone; computing it once a second is plenty. */
const STATUS_CACHE_MS = 1000;
/** A refused attempt (too many checks at once) may come back this soon. */
const LOGIN_BUSY_RETRY_MS = 1000;

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(JSON.stringify(body));
}

function sendError(res: ServerResponse, status: number, code: ErrorCode, extra: object = {}): void {
  sendJson(res, status, { ok: false, code, error: ERROR_MESSAGES[code], ...extra });
}

export interface ChatApi {
  /** Answers the request if it is one of the chat's endpoints; false otherwise. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  /** The logged-in counsellor behind `Authorization: Bearer <token>`, for other staff-only endpoints. */
  staffFromRequest(req: IncomingMessage): Promise<{ name: string; role: StaffRole } | null>;
}

export function createChatApi(ctx: ChatContext, connections: Pick<ConnectionGate, 'refuses'>): ChatApi {
  const gate = new LoginGate(ctx.config.loginChecks);
  let cached: { at: number; status: ChatStatus } | null = null;

  async function status(req: IncomingMessage, res: ServerResponse) {
    const now = ctx.now();
    if (!cached || now - cached.at >= STATUS_CACHE_MS || now < cached.at) cached = { at: now, status: await chatStatus(ctx) };
    if (req.method === 'HEAD') {
      res.statusCode = 200;
      res.setHeader('Cache-Control', 'no-store');
      res.end();
      return;
    }
    sendJson(res, 200, cached.status);
  }

  async function connectionCheck(req: IncomingMessage, res: ServerResponse) {
    const network = await networkKey(ctx.store, clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], ctx.config.trustProxy), ctx.now());
    const answer: ConnectionCheck = (await connections.refuses(network))
      ? { ok: false, code: 'too_many_connections', error: ERROR_MESSAGES.too_many_connections }
      : { ok: true };
    sendJson(res, 200, answer);
  }

  async function login(req: IncomingMessage, res: ServerResponse) {
    const body = await readBody(req, MAX_BODY_BYTES);
    let json: unknown;
    try {
      json = body === null ? undefined : JSON.parse(body);
    } catch {
      json = undefined;
    }
    const parsed = loginSchema.safeParse(json);
    if (!parsed.success) {
      sendError(res, 400, 'wrong_credentials');
      return;
    }
    const now = ctx.now();
    const name = accountKey(parsed.data.name);
    const network = await networkKey(ctx.store, clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], ctx.config.trustProxy), now);
    // Taken before anything else is awaited: parallel attempts cannot all slip past the count below.
    const slot = gate.enter(name, network);
    if (!slot) {
      ctx.logger.warn('staff.login_busy');
      res.setHeader('Retry-After', String(Math.ceil(LOGIN_BUSY_RETRY_MS / 1000)));
      const response: LoginResponse = { ok: false, code: 'login_busy', error: ERROR_MESSAGES.login_busy, retryAfterMs: LOGIN_BUSY_RETRY_MS };
      sendJson(res, 429, response);
      return;
    }
    const release = await slot;
    try {
      await checkLogin(res, parsed.data, name, network);
    } finally {
      release();
    }
  }

  async function checkLogin(res: ServerResponse, credentials: { name: string; password: string }, name: string, network: string) {
    const now = ctx.now();
    const keys: [string, typeof NAME_THROTTLE][] = [
      [`login:name-net:${name}:${network}`, NAME_NETWORK_THROTTLE],
      [`login:net:${network}`, NETWORK_THROTTLE],
      [`login:name:${name}`, NAME_THROTTLE],
    ];
    const wait = Math.max(...(await Promise.all(keys.map(([key]) => throttleWait(ctx.store, key, now)))));
    if (wait > 0) {
      ctx.logger.warn('staff.login_throttled', { waitSeconds: Math.ceil(wait / 1000) });
      res.setHeader('Retry-After', String(Math.ceil(wait / 1000)));
      const response: LoginResponse = { ok: false, code: 'throttled', error: throttledMessage(wait), retryAfterMs: wait };
      sendJson(res, 429, response);
      return;
    }
    // Counted as a failure before the check; a success takes it back.
    const waits = await Promise.all(keys.map(([key, policy]) => recordFailure(ctx.store, key, policy, now)));
    const account = ctx.accounts.get(credentials.name);
    const valid = await verifyPassword(credentials.password, account?.password ?? (await decoyHash()));
    if (!account || !valid) {
      ctx.logger.warn('staff.login_failed', { waitSeconds: Math.ceil(Math.max(...waits) / 1000) });
      sendError(res, 401, 'wrong_credentials');
      return;
    }
    await clearFailures(ctx.store, keys[0][0]);
    for (const [key, policy] of keys.slice(1)) await forgiveAttempt(ctx.store, key, policy, now);
    const token = randomBytes(32).toString('base64url');
    const expiresAt = now + ctx.config.staffSessionTtlMs;
    await ctx.store.putStaffSession(tokenHashOf(token), { counsellorKey: accountKey(account.name), expiresAt, accountVersion: accountVersion(account) });
    ctx.logger.info('staff.login', { role: account.role });
    const response: LoginResponse = { ok: true, token, name: account.name, role: account.role, expiresAt };
    sendJson(res, 200, response);
  }

  async function logout(req: IncomingMessage, res: ServerResponse) {
    const token = bearerToken(req);
    if (token) {
      const hash = tokenHashOf(token);
      await ctx.store.deleteStaffSession(hash);
      ctx.push.endLogin(hash);
      ctx.logger.info('staff.logout');
    }
    res.statusCode = 204;
    res.setHeader('Cache-Control', 'no-store');
    res.end();
  }

  return {
    async handle(req, res) {
      const path = (req.url ?? '').split('?')[0];
      if (!path.startsWith('/api/')) return false;
      if (path === STATUS_PATH && (req.method === 'GET' || req.method === 'HEAD')) {
        await status(req, res);
        return true;
      }
      if (path === CONNECTION_PATH && req.method === 'GET') {
        await connectionCheck(req, res);
        return true;
      }
      if ((path === LOGIN_PATH || path === LOGOUT_PATH) && req.method === 'POST') {
        if (!originAllowed(req, ctx.config.extraOrigins)) {
          sendError(res, 403, 'bad_origin');
          return true;
        }
        await (path === LOGIN_PATH ? login(req, res) : logout(req, res));
        return true;
      }
      if (path === STATUS_PATH || path === CONNECTION_PATH || path === LOGIN_PATH || path === LOGOUT_PATH) {
        res.setHeader('Allow', path === STATUS_PATH ? 'GET, HEAD' : path === CONNECTION_PATH ? 'GET' : 'POST');
        sendError(res, 405, 'invalid');
        return true;
      }
      // Other /api/ paths belong to other parts of the server (indicators).
      return false;
    },
    async staffFromRequest(req) {
      const token = bearerToken(req);
      if (!token) return null;
      const account = await currentStaff(ctx.store, ctx.accounts, tokenHashOf(token), ctx.now());
      return account ? { name: account.name, role: account.role } : null;
    },
  };
}
