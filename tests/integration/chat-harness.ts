/**
 * A real chat server on 127.0.0.1:<random port> for the chat-*.test.ts files, with real
 * socket.io-client sockets, a captured log, a temporary data folder and an optional fake clock.
 */
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { addAccount } from '../../chat-server/accounts/account-file.ts';
import { hashPassword } from '../../chat-server/accounts/password.ts';
import { createChatServer, type ChatServer, type ChatServerOptions } from '../../chat-server/chat-server.ts';
import type { ChatConfig } from '../../chat-server/config.ts';
import { createLogger } from '../../chat-server/log.ts';
import type { AnswerOf, PayloadOf } from '../../chat-server/sockets/dispatch.ts';
import type {
  Ack,
  AckError,
  LoginResponse,
  StaffClientToServerEvents,
  StaffServerToClientEvents,
  YouthClientToServerEvents,
  YouthServerToClientEvents,
} from '../../shared/protocol/events.ts';
import type { StaffRole } from '../../shared/protocol/limits.ts';
import { MemoryChatStore } from '../../chat-server/store/memory.ts';
import { createPortalServer } from '../../chat-server/server.ts';
import { newSessionToken } from '../../src/lib/chat-session.ts';
import { defined } from '../support/defined.ts';

export type YouthSocket = Socket<YouthServerToClientEvents, YouthClientToServerEvents>;
export type StaffSocket = Socket<StaffServerToClientEvents, StaffClientToServerEvents>;

/** Cheap scrypt for tests only (the CLI uses the real cost). */
const TEST_SCRYPT = { N: 2 ** 10, r: 8, p: 1 };

export interface Harness {
  url: string;
  chat: ChatServer;
  store: MemoryChatStore;
  logs: string[];
  dataDir: string;
  clock: { now: number };
  youth(options?: {
    token?: string;
    lastSeq?: number;
  }): Promise<{ socket: YouthSocket; token: string; state: Parameters<YouthServerToClientEvents['session:state']>[0] }>;
  staff(name: string, password?: string): Promise<{ socket: StaffSocket; state: Parameters<StaffServerToClientEvents['session:state']>[0]; token: string }>;
  /** A staff page other than the console: listens for the supervisors' alarm only; resolves with the first flags. */
  watcher(name: string): Promise<{ socket: StaffSocket; flags: Parameters<StaffServerToClientEvents['flags:update']>[0]['flags'] }>;
  login(name: string, password: string): Promise<{ status: number; body: LoginResponse }>;
  addAccount(name: string, role?: StaffRole, password?: string): Promise<void>;
  close(): Promise<void>;
}

export const PASSWORD = 'een-lang-wachtwoord';

export async function startChat(
  options: { config?: Partial<ChatConfig>; fakeClock?: boolean; accounts?: [string, StaffRole][] } & Partial<
    Pick<ChatServerOptions, 'alwaysOpen' | 'sweepTimer' | 'indicators'>
  > = {},
): Promise<Harness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cjg-chat-test-'));
  const logs: string[] = [];
  const logger = createLogger((line) => logs.push(line));
  const clock = { now: Date.now() };
  const store = new MemoryChatStore();
  const sockets: Socket[] = [];
  for (const [name, role] of options.accounts ?? []) addAccount(dataDir, name, role, await hashPassword(PASSWORD, TEST_SCRYPT));

  let chat: ChatServer | undefined;
  const server = createPortalServer({ distDir: dataDir, logger, api: (req, res) => defined(chat, 'the chat server').handleHttp(req, res) });
  chat = createChatServer(server, {
    logger,
    dataDir,
    store,
    alwaysOpen: options.alwaysOpen ?? true,
    sweepTimer: options.sweepTimer ?? true,
    ...(options.indicators ? { indicators: options.indicators } : {}),
    config: { sweepIntervalMs: 50, ...options.config },
    ...(options.fakeClock ? { now: () => clock.now } : {}),
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const harness: Harness = {
    url,
    chat,
    store,
    logs,
    dataDir,
    clock,
    async youth({ token = newSessionToken(), lastSeq } = {}) {
      const socket: YouthSocket = io(`${url}/jongeren`, {
        auth: { token, ...(lastSeq !== undefined ? { lastSeq } : {}) },
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
      });
      sockets.push(socket);
      const state = await new Promise<Parameters<YouthServerToClientEvents['session:state']>[0]>((resolve, reject) => {
        socket.once('session:state', resolve);
        socket.once('connect_error', reject);
      });
      return { socket, token, state };
    },
    async staff(name, password = PASSWORD) {
      const login = await harness.login(name, password);
      if (!login.body.ok) throw new Error(`login failed: ${login.body.error}`);
      const token = login.body.token;
      const socket: StaffSocket = io(`${url}/medewerkers`, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
      sockets.push(socket);
      const state = await new Promise<Parameters<StaffServerToClientEvents['session:state']>[0]>((resolve, reject) => {
        socket.once('session:state', resolve);
        socket.once('connect_error', reject);
      });
      return { socket, state, token };
    },
    async watcher(name) {
      const login = await harness.login(name, PASSWORD);
      if (!login.body.ok) throw new Error(`login failed: ${login.body.error}`);
      const socket: StaffSocket = io(`${url}/medewerkers`, {
        auth: { token: login.body.token, watch: true },
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
      });
      sockets.push(socket);
      const { flags } = await new Promise<Parameters<StaffServerToClientEvents['flags:update']>[0]>((resolve, reject) => {
        socket.once('flags:update', resolve);
        socket.once('connect_error', reject);
      });
      return { socket, flags };
    },
    async login(name, password) {
      const res = await fetch(`${url}/api/medewerkers/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ name, password }),
      });
      return { status: res.status, body: (await res.json()) as LoginResponse };
    },
    async addAccount(name, role = 'counsellor', password = PASSWORD) {
      addAccount(dataDir, name, role, await hashPassword(password, TEST_SCRYPT));
    },
    async close() {
      for (const socket of sockets) socket.disconnect();
      await chat.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return harness;
}

/** The next `event` on a socket (rejects after `ms`). */
export function next<T = unknown>(socket: Socket, event: string, ms = 3000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "${event}" within ${ms} ms`)), ms);
    socket.once(event, (value: T) => {
      clearTimeout(timer);
      resolve(value);
    });
  });
}

/** Waits until `check` passes (polling), for effects pushed asynchronously. */
export async function eventually(check: () => boolean | Promise<boolean>, ms = 3000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Collects every `event` a socket receives from now on. */
export function collect<T = unknown>(socket: Socket, event: string): T[] {
  const seen: T[] = [];
  socket.on(event, (value: T) => seen.push(value));
  return seen;
}

/** Client events of a namespace that take an acknowledgement: a second parameter, the callback. */
type AckEvents<Events> = {
  [E in keyof Events]: Events[E] extends (...args: infer A) => unknown ? (A extends [unknown, unknown] ? E : never) : never;
}[keyof Events];

/**
 * Sends a client event and resolves with its acknowledgement, typed by the protocol: a typo in the
 * event name or a wrong payload fails the type check. For abuse tests (wrong payloads, another
 * namespace's events) use `rawAck`.
 */
export function ack<E extends AckEvents<YouthClientToServerEvents>>(
  socket: YouthSocket,
  event: E,
  payload: PayloadOf<YouthClientToServerEvents[E]>,
): Promise<AnswerOf<YouthClientToServerEvents[E]>>;
export function ack<E extends AckEvents<StaffClientToServerEvents>>(
  socket: StaffSocket,
  event: E,
  payload: PayloadOf<StaffClientToServerEvents[E]>,
): Promise<AnswerOf<StaffClientToServerEvents[E]>>;
export function ack(socket: Socket, event: string, payload: unknown): Promise<unknown> {
  return rawAck(socket, event, payload);
}

type YouthAnswer<E extends keyof YouthClientToServerEvents> = AnswerOf<YouthClientToServerEvents[E]>;
type StaffAnswer<E extends keyof StaffClientToServerEvents> = AnswerOf<StaffClientToServerEvents[E]>;

/** Like `ack`, for a step that must succeed: throws with the Dutch error otherwise, and returns the success answer. */
export async function ackOk<E extends AckEvents<YouthClientToServerEvents>>(
  socket: YouthSocket,
  event: E,
  payload: PayloadOf<YouthClientToServerEvents[E]>,
): Promise<Exclude<YouthAnswer<E>, AckError>>;
export async function ackOk<E extends AckEvents<StaffClientToServerEvents>>(
  socket: StaffSocket,
  event: E,
  payload: PayloadOf<StaffClientToServerEvents[E]>,
): Promise<Exclude<StaffAnswer<E>, AckError>>;
export async function ackOk(socket: Socket, event: string, payload: unknown): Promise<unknown> {
  const answer = await rawAck(socket, event, payload);
  if (!answer.ok) throw new Error(`${event} refused: ${answer.code} (${answer.error})`);
  return answer;
}

/** Like `ack`, for a step that must be refused: throws when it succeeded, and returns the error answer. */
export async function ackError<E extends AckEvents<YouthClientToServerEvents>>(
  socket: YouthSocket,
  event: E,
  payload: PayloadOf<YouthClientToServerEvents[E]>,
): Promise<AckError>;
export async function ackError<E extends AckEvents<StaffClientToServerEvents>>(
  socket: StaffSocket,
  event: E,
  payload: PayloadOf<StaffClientToServerEvents[E]>,
): Promise<AckError>;
export async function ackError(socket: Socket, event: string, payload: unknown): Promise<AckError> {
  const answer = await rawAck(socket, event, payload);
  if (answer.ok) throw new Error(`${event} was accepted, expected a refusal`);
  return answer;
}

/** Any event with any payload, as a hostile client would send it; the answer is whatever came back. */
export function rawAck(socket: Socket, event: string, payload: unknown, ms = 3000): Promise<Ack<Record<string, unknown>>> {
  return socket.timeout(ms).emitWithAck(event, payload);
}
