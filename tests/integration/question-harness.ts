/**
 * A real portal server with the chat and "Stel je vraag" on 127.0.0.1:<random port>, for the vraag-*.test.ts
 * files. Questions go to node:sqlite in a temporary data folder (or to a given Redis); `restart()` stops
 * the server and starts a new one on the same data and server key, as a redeploy would.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { addAccount } from '../../chat-server/accounts/account-file.ts';
import { hashPassword } from '../../chat-server/accounts/password.ts';
import { createChatServer } from '../../chat-server/chat-server.ts';
import { MemoryIndicatorStore } from '../../chat-server/indicators/store.ts';
import { createLogger } from '../../chat-server/log.ts';
import { questionConfig, startQuestions, type Questions } from '../../chat-server/questions/index.ts';
import { RedisQuestionStore } from '../../chat-server/questions/redis-store.ts';
import type { QuestionConfig } from '../../chat-server/questions/service.ts';
import { SqliteQuestionStore } from '../../chat-server/questions/sqlite-store.ts';
import { createPortalServer } from '../../chat-server/server.ts';
import { MemoryChatStore } from '../../chat-server/store/memory.ts';
import type { StaffRole } from '../../shared/protocol/limits.ts';
import {
  ASK_PATH,
  DEFAULT_MARGIN_DAYS,
  DELETE_PATH,
  FOLLOW_UP_PATH,
  PICKUP_PATH,
  STAFF_ACTION_PATHS as A,
  STAFF_QUESTIONS_PATH,
} from '../../shared/vraag/limits.ts';
import type { AskResult, PickupResult, QuestionDetail, QuestionError, StaffQuestionList } from '../../shared/vraag/types.ts';
import { staffLogin } from '../support/staff-login.ts';

export const PASSWORD = 'een-lang-wachtwoord';
const TEST_SCRYPT = { N: 2 ** 10, r: 8, p: 1 };

export interface QuestionNodeOptions {
  dataDir?: string;
  serverKey?: Buffer;
  redisUrl?: string;
  redisPrefix?: string;
  accounts?: [string, StaffRole][];
  config?: Partial<QuestionConfig>;
  clock?: { now: number };
  indicatorStore?: MemoryIndicatorStore;
}

/**
 * What each JSON endpoint answers when it succeeds (shared/vraag/types.ts, chat-server/questions/http.ts); any of
 * them may refuse with a `QuestionError` instead. A typo in a path or a field fails the type check.
 */
export interface QuestionAnswers {
  [ASK_PATH]: AskResult;
  [PICKUP_PATH]: PickupResult;
  [FOLLOW_UP_PATH]: AskResult;
  [DELETE_PATH]: { ok: true };
  [A.read]: { ok: true; question: QuestionDetail };
  [A.claim]: { ok: true; question: QuestionDetail };
  [A.release]: { ok: true };
  [A.flag]: { ok: true };
  [A.answer]: { ok: true; result: 'sent' | 'review' };
  [A.approve]: { ok: true; result: 'sent' };
}
export type QuestionPath = keyof QuestionAnswers;

/** A JSON answer: the success type of its endpoint or a refusal. Narrow it with `okBody` / `errorBody`. */
export interface JsonAnswer<T extends { ok: true }> {
  status: number;
  body: T | QuestionError;
  headers: Headers;
}

/** A form post's answer: the page (or the JSON text of a refusal the page never gets). */
export interface PageAnswer {
  status: number;
  body: string;
  headers: Headers;
}

export interface QuestionNode {
  url: string;
  dataDir: string;
  serverKey: Buffer;
  logs: string[];
  questions: Questions;
  indicatorStore: MemoryIndicatorStore;
  /** A JSON request, as the islands send it; `body` may be anything a hostile client sends. */
  post<P extends QuestionPath>(path: P, body: unknown, headers?: Record<string, string>): Promise<JsonAnswer<QuestionAnswers[P]>>;
  /** A form post, as a browser without JavaScript sends it. */
  postForm(path: string, form: URLSearchParams): Promise<PageAnswer>;
  get(path: typeof STAFF_QUESTIONS_PATH, headers?: Record<string, string>): Promise<JsonAnswer<StaffQuestionList>>;
  login(name: string): Promise<string>;
  staffSocket(token: string): Promise<Socket>;
  restart(): Promise<QuestionNode>;
  close(): Promise<void>;
}

export async function startQuestionNode(options: QuestionNodeOptions = {}): Promise<QuestionNode> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'cjg-vraag-test-'));
  const serverKey = options.serverKey ?? randomBytes(32);
  const indicatorStore = options.indicatorStore ?? new MemoryIndicatorStore();
  const logs: string[] = [];
  const logger = createLogger((line) => logs.push(line));
  if (!options.dataDir) for (const [name, role] of options.accounts ?? []) addAccount(dataDir, name, role, await hashPassword(PASSWORD, TEST_SCRYPT));
  const clock = options.clock;
  const now = clock ? () => clock.now : undefined;

  let questions: Questions | undefined;
  const chatRef: { handle?: (req: IncomingMessage, res: ServerResponse) => Promise<boolean> } = {};
  const server = createPortalServer({
    distDir: dataDir,
    logger,
    api: async (req, res) => ((await chatRef.handle?.(req, res)) ?? false) || ((await questions?.handleHttp(req, res)) ?? false),
  });
  const chat = createChatServer(server, { logger, dataDir, store: new MemoryChatStore(), alwaysOpen: true, sweepTimer: false, ...(now ? { now } : {}) });
  chatRef.handle = (req, res) => chat.handleHttp(req, res);
  const store = options.redisUrl ? await RedisQuestionStore.connect(options.redisUrl, options.redisPrefix ?? 'vt:') : new SqliteQuestionStore(dataDir);
  questions = startQuestions({
    store,
    serverKey,
    chat,
    config: { ...questionConfig({ marginDays: DEFAULT_MARGIN_DAYS, askPerNetworkPerHour: 10, maxStored: 5000 }), wrongCodeDelayMs: 100, ...options.config },
    logger,
    distDir: dataDir,
    indicatorStore,
    sweepTimer: false,
    ...(now ? { now } : {}),
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const sockets: Socket[] = [];

  const node: QuestionNode = {
    url,
    dataDir,
    serverKey,
    logs,
    questions,
    indicatorStore,
    post: (path, body, headers) => postJson(url, path, body, headers),
    async postForm(path, form) {
      const res = await fetch(url + path, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: form.toString() });
      return { status: res.status, body: await res.text(), headers: res.headers };
    },
    get: (path, headers) => getJson(url, path, headers),
    login: (name) => staffLogin(url, name, PASSWORD),
    async staffSocket(token) {
      const socket = io(`${url}/medewerkers`, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
      sockets.push(socket);
      await new Promise((resolve, reject) => {
        socket.once('session:state', resolve);
        socket.once('connect_error', reject);
      });
      return socket;
    },
    async restart() {
      await node.close();
      return startQuestionNode({ ...options, dataDir, serverKey, indicatorStore });
    },
    async close() {
      for (const socket of sockets) socket.disconnect();
      await questions.close();
      await chat.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return node;
}

/** A JSON request to a question endpoint of the server at `url`, as the islands send it. */
export async function postJson<P extends QuestionPath>(
  url: string,
  path: P,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<JsonAnswer<QuestionAnswers[P]>> {
  const res = await fetch(url + path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await jsonBody<QuestionAnswers[P]>(res), headers: res.headers };
}

/** The counsellors' question queue, the one JSON GET (needs a login's Authorization header). */
export async function getJson(url: string, path: typeof STAFF_QUESTIONS_PATH, headers: Record<string, string> = {}): Promise<JsonAnswer<StaffQuestionList>> {
  const res = await fetch(url + path, { headers });
  return { status: res.status, body: await jsonBody<StaffQuestionList>(res), headers: res.headers };
}

/** A JSON answer, typed by the endpoint that sent it (the server's own types; the tests check the values). */
async function jsonBody<T extends { ok: true }>(res: Response): Promise<T | QuestionError> {
  const type = res.headers.get('content-type') ?? '';
  if (!type.includes('json')) throw new Error(`expected a JSON answer, got HTTP ${res.status} ${type}`);
  return (await res.json()) as T | QuestionError;
}

/** The answer of a step that must succeed, typed by its endpoint; throws with the Dutch error otherwise (like ackOk). */
export function okBody<T extends { ok: true }>(answer: JsonAnswer<T>): T {
  const body = answer.body;
  if (body.ok) return body;
  throw new Error(`HTTP ${answer.status}: ${body.code} (${body.error})`);
}

/** The refusal of a step that must be refused; throws when it succeeded (like ackError). */
export function errorBody(answer: JsonAnswer<{ ok: true }>): QuestionError {
  const body = answer.body;
  if (!body.ok) return body;
  throw new Error(`HTTP ${answer.status}: accepted, expected a refusal`);
}

/** A pickup answer in the state the test expects (throws otherwise), so the fields of that state are typed. */
export function pickupIn<S extends PickupResult['state']>(answer: JsonAnswer<PickupResult>, state: S): Extract<PickupResult, { state: S }> {
  const body = okBody(answer);
  if (body.state !== state) throw new Error(`expected a ${state} question, got ${body.state}`);
  return body as Extract<PickupResult, { state: S }>;
}

/** Staff request helper: Bearer token, JSON. */
export function staffApi(node: QuestionNode, token: string) {
  const auth = { Authorization: `Bearer ${token}` };
  return {
    list: () => node.get('/api/medewerkers/vragen', auth),
    act: <P extends QuestionPath>(path: P, body: unknown) => node.post(path, body, auth),
  };
}
