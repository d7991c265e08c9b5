/**
 * A real portal server with the chat and sign-ups for activities on 127.0.0.1:<random port>, for the
 * signup-*.test.ts files. Sign-ups go to node:sqlite in a temporary data folder; `restart()` stops the
 * server and starts a new one on the same data and server key, as a redeploy would. The activities come
 * from a catalogue the test gives (the server reads `/activiteiten.json` in production).
 */
import { randomBytes } from 'node:crypto';
import { afterEach } from 'vitest';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addAccount } from '../../chat-server/accounts/account-file.ts';
import { hashPassword } from '../../chat-server/accounts/password.ts';
import { createChatServer } from '../../chat-server/chat-server.ts';
import { createLogger } from '../../chat-server/log.ts';
import { createPortalServer } from '../../chat-server/server.ts';
import { staticCatalogue, type CatalogueActivity, type SignupCatalogue } from '../../chat-server/signups/catalogue.ts';
import { signupConfig, startSignups, type Signups } from '../../chat-server/signups/index.ts';
import type { SignupConfig } from '../../chat-server/signups/service.ts';
import { SqliteSignupStore } from '../../chat-server/signups/sqlite-store.ts';
import { MemoryChatStore } from '../../chat-server/store/memory.ts';
import type { LoginResponse } from '../../shared/protocol/events.ts';
import type { StaffRole } from '../../shared/protocol/limits.ts';
import type { OptionAvailability, OrganiserContact, StaffActivity } from '../../shared/signup/types.ts';

export const PASSWORD = 'een-lang-wachtwoord';
const TEST_SCRYPT = { N: 2 ** 10, r: 8, p: 1 };
export const DAY = 86_400_000;

/** Local times in the tests' activities are written with their offset, as /activiteiten.json does. */
export function testActivities(): CatalogueActivity[] {
  return [
    {
      id: 'triple-p',
      title: 'Triple P-cursus',
      organiser: 'Opvoedcursus',
      contact: { name: 'Opvoedcursus', phone: '012-345 61 00', email: 'cursus@cjg.voorbeeldstad.example', url: null, page: '/sociale-kaart/opvoedcursus/' },
      options: [{ key: 'reeks', label: 'De hele reeks (4 bijeenkomsten), vanaf dinsdag 9 februari 2027', places: 4, start: '2027-02-09T19:30:00+01:00' }],
      endsMs: Date.parse('2027-03-30T21:30:00+02:00'),
      maxPeople: 6,
      online: false,
    },
    {
      id: 'ouderavond',
      title: 'Ouderavond gamen',
      organiser: 'CJG',
      contact: { name: 'CJG', phone: '012-345 67 89', email: null, url: 'https://cjg.voorbeeldstad.example/', page: '/sociale-kaart/cjg/' },
      options: [
        {
          key: '2027-01-28T19:30',
          label: 'donderdag 28 januari 2027, 19.30 tot 21.00 uur',
          places: 30,
          start: '2027-01-28T19:30:00+01:00',
          end: '2027-01-28T21:00:00+01:00',
        },
        {
          key: '2027-03-18T19:30',
          label: 'donderdag 18 maart 2027, 19.30 tot 21.00 uur',
          places: 2,
          start: '2027-03-18T19:30:00+01:00',
          end: '2027-03-18T21:00:00+01:00',
        },
      ],
      endsMs: Date.parse('2027-03-18T21:00:00+01:00'),
      maxPeople: 6,
      online: false,
    },
    {
      id: 'online-avond',
      title: 'Online voorlichting',
      organiser: 'Verslavingszorg',
      contact: { name: 'Verslavingszorg', phone: null, email: null, url: null, page: '/sociale-kaart/verslavingszorg/' },
      options: [{ key: 'reeks', label: 'De bijeenkomst op donderdag 15 april 2027', places: null, start: '2027-04-15T20:00:00+02:00' }],
      endsMs: Date.parse('2027-04-15T21:00:00+02:00'),
      maxPeople: 4,
      online: false,
    },
    {
      id: 'online-link',
      title: 'Voorlichting via video (link per e-mail)',
      organiser: 'Verslavingszorg',
      contact: { name: 'Verslavingszorg', phone: null, email: null, url: null, page: '/sociale-kaart/verslavingszorg/' },
      options: [{ key: 'reeks', label: 'De bijeenkomst op donderdag 22 april 2027', places: 20, start: '2027-04-22T20:00:00+02:00' }],
      endsMs: Date.parse('2027-04-22T21:00:00+02:00'),
      maxPeople: 4,
      online: true,
    },
  ];
}

export interface SignupNodeOptions {
  dataDir?: string;
  serverKey?: Buffer;
  accounts?: [string, StaffRole][];
  config?: Partial<SignupConfig>;
  clock?: { now: number };
  catalogue?: SignupCatalogue;
  distDir?: string;
}

/**
 * Every field any sign-up endpoint answers with; a test knows which endpoint it called, and a field the
 * answer lacks is `undefined` at run time, which fails the assertion.
 */
export interface Answer {
  ok: boolean;
  code: string;
  error: string;
  fields: Record<string, string>;
  status: string;
  people: number;
  activityTitle: string;
  optionLabel: string;
  deleteText: string;
  option: OptionAvailability;
  options: OptionAvailability[];
  position: number;
  contact: OrganiserContact;
  emailSuggestion: string;
  activities: StaffActivity[];
}

export interface Reply {
  status: number;
  body: Answer;
  text: string;
  headers: Headers;
}

export interface SignupNode {
  url: string;
  dataDir: string;
  logs: string[];
  signups: Signups;
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Reply>;
  get(path: string, headers?: Record<string, string>): Promise<Reply>;
  login(name: string): Promise<string>;
  restart(overrides?: Partial<SignupNodeOptions>): Promise<SignupNode>;
  close(): Promise<void>;
}

async function reply(res: Response): Promise<Reply> {
  const text = await res.text();
  const body = (res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : {}) as Answer;
  return { status: res.status, text, body, headers: res.headers };
}

export async function startSignupNode(options: SignupNodeOptions = {}): Promise<SignupNode> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'cjg-aanmelden-test-'));
  const serverKey = options.serverKey ?? randomBytes(32);
  const logs: string[] = [];
  const logger = createLogger((line) => logs.push(line));
  if (!options.dataDir) for (const [name, role] of options.accounts ?? []) addAccount(dataDir, name, role, await hashPassword(PASSWORD, TEST_SCRYPT));
  const clock = options.clock ?? { now: Date.parse('2026-12-02T12:00:00Z') };
  const now = () => clock.now;

  let signups: Signups | undefined;
  const chatRef: { handle?: (req: IncomingMessage, res: ServerResponse) => Promise<boolean> } = {};
  const distDir = options.distDir ?? dataDir;
  const server = createPortalServer({
    distDir,
    logger,
    api: async (req, res) => ((await chatRef.handle?.(req, res)) ?? false) || ((await signups?.handleHttp(req, res)) ?? false),
  });
  const chat = createChatServer(server, { logger, dataDir, store: new MemoryChatStore(), alwaysOpen: true, sweepTimer: false, now });
  chatRef.handle = (req, res) => chat.handleHttp(req, res);
  signups = startSignups({
    store: new SqliteSignupStore(dataDir),
    serverKey,
    chat,
    // Every test sends from 127.0.0.1: the cap per network per option (2) is lifted here and tested on
    // its own (signup-abuse.test.ts, which sets it back).
    config: {
      ...signupConfig({ retentionDays: 7, perNetworkPerHour: 20, perNetworkPerOption: 1000, maxStored: 10_000 }, 'Europe/Amsterdam'),
      ...options.config,
    },
    logger,
    distDir,
    catalogue: options.catalogue ?? staticCatalogue(testActivities()),
    now,
    sweepTimer: false,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const node: SignupNode = {
    url,
    dataDir,
    logs,
    signups,
    async post(path, body, headers = {}) {
      const form = typeof body === 'string';
      return reply(
        await fetch(url + path, {
          method: 'POST',
          headers: form
            ? { 'Content-Type': 'application/x-www-form-urlencoded', ...headers }
            : { 'Content-Type': 'application/json', Accept: 'application/json', ...headers },
          body: form ? body : JSON.stringify(body),
        }),
      );
    },
    async get(path, headers = {}) {
      return reply(await fetch(url + path, { headers }));
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
    async restart(overrides = {}) {
      await node.close();
      return startSignupNode({ ...options, clock, ...overrides, dataDir, serverKey });
    },
    async close() {
      await signups.close();
      await chat.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return node;
}

/** A sign-up as a parent types it; `over` changes fields. */
export function parent(over: Record<string, unknown> = {}): Record<string, unknown> {
  return { activity: 'triple-p', option: '', name: 'Fatima', phone: '06-12345678', email: '', people: '1', question: '', leave_empty: '', ...over };
}

/** One activity of the staff view (which lists every activity that takes sign-ups, also without any). */
export function staffActivity(view: Reply, id: string): StaffActivity {
  const activity = view.body.activities.find((a) => a.id === id);
  if (!activity) throw new Error(`${id} is not in the staff view`);
  return activity;
}

/** Starts nodes for the tests of one file (options over `defaults`) and closes them after each test. */
export function signupNodes(defaults: SignupNodeOptions = {}): (options?: SignupNodeOptions) => Promise<SignupNode> {
  const nodes: SignupNode[] = [];
  afterEach(async () => {
    for (const n of nodes.splice(0)) await n.close().catch(() => undefined);
  });
  return async (options = {}) => {
    const n = await startSignupNode({ ...defaults, ...options });
    nodes.push(n);
    return n;
  };
}

/** The same as a form body (no JavaScript). */
export function form(fields: Record<string, unknown>): string {
  return new URLSearchParams(Object.entries(fields).map(([k, v]) => [k, String(v)])).toString();
}
