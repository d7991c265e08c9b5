import { join } from 'node:path';
import { site } from '../shared/config/site.ts';
import type { OpeningSchedule } from '../shared/schedule.ts';
import {
  DEFAULT_COUNSELLOR_GRACE_MS,
  DEFAULT_MAX_CONVERSATIONS_PER_COUNSELLOR,
  DEFAULT_OPEN_CONNECTIONS_PER_NETWORK,
  DEFAULT_QUEUE_CAP,
  DEFAULT_QUEUE_PER_NETWORK,
  DEFAULT_QUEUED_RESUME_WINDOW_MS,
  DEFAULT_RESUME_WINDOW_MS,
  RATE_LIMITS,
  STAFF_SESSION_TTL_MS,
  type BucketLimit,
} from '../shared/protocol/limits.ts';
import type { CrisisLineView } from '../shared/protocol/events.ts';
import { DEFAULT_LOGIN_GATE, type LoginGateLimits } from './accounts/login-gate.ts';
import { DEFAULT_MARGIN_DAYS } from '../shared/vraag/limits.ts';

/** Everything the chat can be tuned with. Defaults suit one CJG team; env vars override (see README). */
export interface ChatConfig {
  /** Opening hours (site configuration); ignored when `alwaysOpen`. */
  schedule: OpeningSchedule;
  /** `CJG_CHAT_ALWAYS_OPEN=1`: ignore the opening hours (demos, tests). */
  alwaysOpen: boolean;
  /** Most young people waiting at once; beyond it the chat says it is too busy. */
  queueCap: number;
  /** Most young people waiting at once from one network (keyed hash of the address). */
  queuePerNetwork: number;
  resumeWindowMs: number;
  /** Resume window for a young person who left the queue before anyone answered. */
  queuedResumeWindowMs: number;
  counsellorGraceMs: number;
  maxConversationsPerCounsellor: number;
  staffSessionTtlMs: number;
  /** A session block lasts this long (at most 24 h: the network secret rotates daily). */
  sessionBlockMs: number;
  /** First network block; each repeat on the same day doubles it, up to `networkBlockMaxMs`. */
  networkBlockMs: number;
  networkBlockMaxMs: number;
  /** Used for the wait estimate before there is any measured throughput. */
  assumedConversationMinutes: number;
  /** How often expired sessions and dropped counsellors are handled. */
  sweepIntervalMs: number;
  /** Origins allowed besides the page's own host (a reverse proxy with another name). */
  extraOrigins: string[];
  /**
   * `CJG_TRUST_PROXY=N`: how many proxies of your own add to X-Forwarded-For. The client address is
   * the Nth entry from the right (1: the one your proxy added). 0: ignore the header.
   */
  trustProxy: number;
  /** Password checks at once (see accounts/login-gate.ts). */
  loginChecks: LoginGateLimits;
  /** Lines for the crisis script and the "nu open" list. */
  crisisLines: CrisisLineView[];
  /** New sockets per hashed network address, any namespace (a load test from one address raises it). */
  connectionsPerNetwork: BucketLimit;
  /** Sockets one network may hold open at once on this node. */
  openConnectionsPerNetwork: number;
}

export function defaultChatConfig(): ChatConfig {
  return {
    schedule: site.chat,
    alwaysOpen: false,
    queueCap: DEFAULT_QUEUE_CAP,
    queuePerNetwork: DEFAULT_QUEUE_PER_NETWORK,
    resumeWindowMs: DEFAULT_RESUME_WINDOW_MS,
    queuedResumeWindowMs: DEFAULT_QUEUED_RESUME_WINDOW_MS,
    counsellorGraceMs: DEFAULT_COUNSELLOR_GRACE_MS,
    maxConversationsPerCounsellor: DEFAULT_MAX_CONVERSATIONS_PER_COUNSELLOR,
    staffSessionTtlMs: STAFF_SESSION_TTL_MS,
    sessionBlockMs: 24 * 60 * 60_000,
    networkBlockMs: 15 * 60_000,
    networkBlockMaxMs: 2 * 60 * 60_000,
    assumedConversationMinutes: 20,
    sweepIntervalMs: 5000,
    extraOrigins: [],
    trustProxy: 0,
    loginChecks: DEFAULT_LOGIN_GATE,
    crisisLines: site.crisisLines.map(({ name, phone, when }) => ({ name, phone, when })),
    connectionsPerNetwork: RATE_LIMITS.connectionsPerNetwork,
    openConnectionsPerNetwork: DEFAULT_OPEN_CONNECTIONS_PER_NETWORK,
  };
}

function positiveNumber(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} moet een positief getal zijn (nu: "${value}").`);
  return n;
}

/** The configuration from environment variables, on top of the defaults. Throws on a bad value, naming it. */
export function chatConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ChatConfig {
  const config = defaultChatConfig();
  config.alwaysOpen = env['CJG_CHAT_ALWAYS_OPEN'] === '1';
  config.queueCap = positiveNumber(env['CJG_CHAT_QUEUE_CAP'], 'CJG_CHAT_QUEUE_CAP') ?? config.queueCap;
  config.queuePerNetwork = positiveNumber(env['CJG_CHAT_QUEUE_PER_NETWORK'], 'CJG_CHAT_QUEUE_PER_NETWORK') ?? config.queuePerNetwork;
  const resume = positiveNumber(env['CJG_CHAT_RESUME_MINUTES'], 'CJG_CHAT_RESUME_MINUTES');
  if (resume) config.resumeWindowMs = resume * 60_000;
  const grace = positiveNumber(env['CJG_CHAT_COUNSELLOR_GRACE_SECONDS'], 'CJG_CHAT_COUNSELLOR_GRACE_SECONDS');
  if (grace) config.counsellorGraceMs = grace * 1000;
  config.maxConversationsPerCounsellor =
    positiveNumber(env['CJG_CHAT_MAX_PER_COUNSELLOR'], 'CJG_CHAT_MAX_PER_COUNSELLOR') ?? config.maxConversationsPerCounsellor;
  config.extraOrigins = (env['CJG_CHAT_ORIGINS'] ?? '').split(',').map((o) => o.trim()).filter(Boolean);
  const hops = env['CJG_TRUST_PROXY'];
  if (hops !== undefined && hops !== '' && !/^\d{1,2}$/.test(hops)) throw new Error(`CJG_TRUST_PROXY moet een aantal proxies zijn (0, 1, 2, …; nu: "${hops}").`);
  config.trustProxy = Number(hops || 0);
  // Load tests connect thousands of clients from one address; a real deployment keeps the default.
  const perNetwork = positiveNumber(env['CJG_CHAT_CONNECTIONS_PER_NETWORK'], 'CJG_CHAT_CONNECTIONS_PER_NETWORK');
  if (perNetwork) {
    config.connectionsPerNetwork = { burst: perNetwork, perSecond: perNetwork };
    config.openConnectionsPerNetwork = Math.max(perNetwork, config.openConnectionsPerNetwork);
  }
  return config;
}

export function dataDirFromEnv(root: string, env: NodeJS.ProcessEnv = process.env): string {
  return env['CJG_DATA_DIR'] || join(root, 'data');
}

/** "Stel je vraag" settings from the environment (README, "Stel je vraag"); the promise and how long answers are kept are in the site config. */
export interface QuestionEnv {
  marginDays: number;
  /** New questions per network per hour (burst and refill). */
  askPerNetworkPerHour: number;
  maxStored: number;
}

export function questionEnvFromEnv(env: NodeJS.ProcessEnv = process.env): QuestionEnv {
  return {
    marginDays: positiveNumber(env['CJG_QUESTIONS_MARGIN_DAYS'], 'CJG_QUESTIONS_MARGIN_DAYS') ?? DEFAULT_MARGIN_DAYS,
    askPerNetworkPerHour: positiveNumber(env['CJG_QUESTIONS_PER_NETWORK_PER_HOUR'], 'CJG_QUESTIONS_PER_NETWORK_PER_HOUR') ?? 10,
    maxStored: positiveNumber(env['CJG_QUESTIONS_MAX_STORED'], 'CJG_QUESTIONS_MAX_STORED') ?? 5000,
  };
}
