/**
 * A real portal server with the chat and "Stel je vraag" on 127.0.0.1:<random port>, for the vraag-*.test.ts
 * files. Questions go to node:sqlite in a temporary data folder (or to a given Redis); `restart()` stops
 * the server and starts a new one on the same data and server key, as a redeploy would.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
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
import type { LoginResponse } from '../../shared/protocol/events.ts';
import type { StaffRole } from '../../shared/protocol/limits.ts';
import { DEFAULT_MARGIN_DAYS } from '../../shared/vraag/limits.ts';

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

export interface QuestionNode {
  url: string;
  dataDir: string;
  serverKey: Buffer;
  logs: string[];
  questions: Questions;
  indicatorStore: MemoryIndicatorStore;
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any; headers: Headers }>;
  get(path: string, headers?: Record<string, string>): Promise<{ status: number; body: any }>;
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
  const now = options.clock ? () => options.clock!.now : undefined;

  let questions: Questions | undefined;
  const chatRef: { handle?: (req: any, res: any) => Promise<boolean> } = {};
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
    async post(path, body, headers = {}) {
      const form = typeof body === 'string';
      const res = await fetch(url + path, {
        method: 'POST',
        headers: form
          ? { 'Content-Type': 'application/x-www-form-urlencoded', ...headers }
          : { 'Content-Type': 'application/json', Accept: 'application/json', ...headers },
        body: form ? body : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, body: res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text, headers: res.headers };
    },
    async get(path, headers = {}) {
      const res = await fetch(url + path, { headers });
      return { status: res.status, body: await res.json() };
    },
    async login(name) {
      const res = await fetch(`${url}/api/medewerkers/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ name, password: PASSWORD }),
      });
      const body = (await res.json()) as LoginResponse;
      if (!body.ok) throw new Error(body.error);
      return body.token;
    },
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

/** Staff request helper: Bearer token, JSON. */
export function staffApi(node: QuestionNode, token: string) {
  const auth = { Authorization: `Bearer ${token}` };
  return {
    list: () => node.get('/api/medewerkers/vragen', auth),
    act: (path: string, body: unknown) => node.post(path, body, auth),
  };
}
