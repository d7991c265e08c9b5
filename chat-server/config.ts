import { join } from 'node:path';
import { z } from 'zod';
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
import { DEFAULT_SIGNUP_RETENTION_DAYS, SIGNUPS_PER_NETWORK_PER_OPTION } from '../shared/signup/limits.ts';
import { DEFAULT_RETENTION_DAYS } from './indicators/recorder.ts';

const DEFAULT_REDIS_PREFIX = 'cjg:';

/** Several chat nodes on one Redis (README, "Several chat nodes"); used by redis/cluster.ts. */
export interface RedisSettings {
  url: string;
  prefix: string;
  /** `CJG_REDIS_ALLOW_PERSISTENCE=1`: start even if Redis writes to disk (not recommended). */
  allowPersistence: boolean;
  streamMaxLen: number;
  streamMaxAgeMs: number;
  reconcileIntervalMs: number;
  commandTimeoutMs: number;
}

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

// ---- environment variables: the only place the server reads them ----

/** Bilingual, because whoever deploys the server may not read Dutch: "<NAME> moet … (nu: "x"). / <NAME> must …". */
const rule = (dutch: string, english: string) => ({ dutch, english });
const RULES = {
  positive: rule('moet een positief getal zijn', 'must be a positive number'),
  days: rule('moet een heel aantal dagen zijn, minstens 1', 'must be a whole number of days, at least 1'),
  port: rule('moet een poortnummer zijn (0–65535)', 'must be a port number (0–65535)'),
  flag: rule('moet 1 (aan) of 0 (uit) zijn', 'must be 1 (on) or 0 (off)'),
  url: rule('moet een redis://- of rediss://-adres zijn', 'must be a redis:// or rediss:// URL'),
  hops: rule('moet een aantal proxies zijn (0, 1, 2, …)', 'must be a number of proxies (0, 1, 2, …)'),
};
type Rule = keyof typeof RULES;
const withRule = (name: Rule) => ({ error: name });

/** Unset and empty are the same: the default applies. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === '' ? undefined : value), schema.optional());
const positive = () => optional(z.coerce.number(withRule('positive')).positive(withRule('positive')));
const flag = () => optional(z.enum(['1', '0', 'true', 'false'], withRule('flag'))).transform((value) => value === '1' || value === 'true');
const text = () => optional(z.string());
const redisUrl = () => optional(z.string().regex(/^rediss?:\/\//, withRule('url')));

/**
 * Every variable the server reads, in README order. Adding one is one line here (the README test
 * then asks for its row in the README's tables).
 */
export const envSchema = z.object({
  PORT: optional(z.coerce.number(withRule('port')).int(withRule('port')).min(0, withRule('port')).max(65535, withRule('port'))),
  HOST: text(),
  CJG_DATA_DIR: text(),
  CJG_DIST_DIR: text(),
  CJG_SKIP_BUILD: flag(),
  CJG_CHAT_ALWAYS_OPEN: flag(),
  CJG_CHAT_QUEUE_CAP: positive(),
  CJG_CHAT_QUEUE_PER_NETWORK: positive(),
  CJG_CHAT_RESUME_MINUTES: positive(),
  CJG_CHAT_COUNSELLOR_GRACE_SECONDS: positive(),
  CJG_CHAT_MAX_PER_COUNSELLOR: positive(),
  CJG_TRUST_PROXY: optional(z.coerce.number(withRule('hops')).int(withRule('hops')).min(0, withRule('hops')).max(10, withRule('hops'))),
  CJG_CHAT_ORIGINS: text(),
  CJG_INDICATORS_RETENTION_DAYS: optional(z.coerce.number(withRule('days')).int(withRule('days')).min(1, withRule('days'))),
  REDIS_URL: redisUrl(),
  CJG_REDIS_PREFIX: text(),
  CJG_REDIS_STREAM_MAXLEN: positive(),
  CJG_REDIS_STREAM_MAX_AGE_SECONDS: positive(),
  CJG_REDIS_RECONCILE_SECONDS: positive(),
  CJG_REDIS_TIMEOUT_MS: positive(),
  CJG_REDIS_ALLOW_PERSISTENCE: flag(),
  CJG_INDICATORS_REDIS_URL: redisUrl(),
  CJG_CHAT_CONNECTIONS_PER_NETWORK: positive(),
  CJG_QUESTIONS_KEY: text(),
  CJG_QUESTIONS_KEY_FILE: text(),
  CJG_QUESTIONS_MARGIN_DAYS: positive(),
  CJG_QUESTIONS_PER_NETWORK_PER_HOUR: positive(),
  CJG_QUESTIONS_MAX_STORED: positive(),
  CJG_SIGNUPS_RETENTION_DAYS: optional(z.coerce.number(withRule('days')).int(withRule('days')).min(1, withRule('days'))),
  CJG_SIGNUPS_PER_NETWORK_PER_HOUR: positive(),
  CJG_SIGNUPS_PER_NETWORK_PER_OPTION: positive(),
  CJG_SIGNUPS_MAX_STORED: positive(),
});
export type ServerEnv = z.output<typeof envSchema>;
export type EnvName = keyof typeof envSchema.shape;
export const ENV_NAMES = Object.keys(envSchema.shape) as EnvName[];

/** `CJG_*` variables the server does not know: most likely a typo, which would otherwise go unnoticed. */
export function unknownEnvNames(env: NodeJS.ProcessEnv = process.env): string[] {
  return Object.keys(env).filter((name) => name.startsWith('CJG_') && !(ENV_NAMES as string[]).includes(name));
}

/** A bad environment variable: the message names it and says what it should be, in Dutch and English. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads and checks every variable at once; throws one ConfigError listing each bad one. */
export function readEnv(env: NodeJS.ProcessEnv = process.env): ServerEnv {
  const picked = Object.fromEntries(ENV_NAMES.map((name) => [name, env[name]]));
  const parsed = envSchema.safeParse(picked);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => {
    const name = String(issue.path[0]);
    const shown = JSON.stringify(env[name] ?? '');
    const known = issue.message in RULES ? RULES[issue.message as Rule] : rule('heeft een onbruikbare waarde', 'has an unusable value');
    return `${name} ${known.dutch} (nu: ${shown}). / ${name} ${known.english} (now: ${shown}).`;
  });
  throw new ConfigError(lines.join('\n'));
}

/** The chat's configuration from the environment, on top of the defaults. Throws a ConfigError naming a bad variable. */
export function chatConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ChatConfig {
  return chatConfigFrom(readEnv(env));
}

function chatConfigFrom(vars: ServerEnv): ChatConfig {
  const config = defaultChatConfig();
  config.alwaysOpen = vars.CJG_CHAT_ALWAYS_OPEN;
  config.queueCap = vars.CJG_CHAT_QUEUE_CAP ?? config.queueCap;
  config.queuePerNetwork = vars.CJG_CHAT_QUEUE_PER_NETWORK ?? config.queuePerNetwork;
  if (vars.CJG_CHAT_RESUME_MINUTES) config.resumeWindowMs = vars.CJG_CHAT_RESUME_MINUTES * 60_000;
  if (vars.CJG_CHAT_COUNSELLOR_GRACE_SECONDS) config.counsellorGraceMs = vars.CJG_CHAT_COUNSELLOR_GRACE_SECONDS * 1000;
  config.maxConversationsPerCounsellor = vars.CJG_CHAT_MAX_PER_COUNSELLOR ?? config.maxConversationsPerCounsellor;
  config.extraOrigins = (vars.CJG_CHAT_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  config.trustProxy = vars.CJG_TRUST_PROXY ?? 0;
  // Load tests connect thousands of clients from one address; a real deployment keeps the default.
  const perNetwork = vars.CJG_CHAT_CONNECTIONS_PER_NETWORK;
  if (perNetwork) {
    config.connectionsPerNetwork = { burst: perNetwork, perSecond: perNetwork };
    config.openConnectionsPerNetwork = Math.max(perNetwork, config.openConnectionsPerNetwork);
  }
  return config;
}

/** Several nodes on one Redis; null without REDIS_URL (one node, everything in memory). */
function redisSettingsFrom(vars: ServerEnv): RedisSettings | null {
  if (!vars.REDIS_URL) return null;
  return {
    url: vars.REDIS_URL,
    prefix: vars.CJG_REDIS_PREFIX ?? DEFAULT_REDIS_PREFIX,
    allowPersistence: vars.CJG_REDIS_ALLOW_PERSISTENCE,
    streamMaxLen: vars.CJG_REDIS_STREAM_MAXLEN ?? 2000,
    streamMaxAgeMs: (vars.CJG_REDIS_STREAM_MAX_AGE_SECONDS ?? 60) * 1000,
    reconcileIntervalMs: (vars.CJG_REDIS_RECONCILE_SECONDS ?? 5) * 1000,
    commandTimeoutMs: vars.CJG_REDIS_TIMEOUT_MS ?? 2000,
  };
}

/** Everything `npm start` needs, read and checked once. */
export interface ServerConfig {
  port: number;
  host: string;
  /** Set: serve this built site and never build. */
  distDir: string | undefined;
  skipBuild: boolean;
  dataDir: string;
  chat: ChatConfig;
  redis: RedisSettings | null;
  indicators: { redisUrl: string | undefined; redisPrefix: string; retentionDays: number };
}

export function serverConfigFromEnv(root: string, env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const vars = readEnv(env);
  return {
    port: vars.PORT ?? 4321,
    host: vars.HOST ?? '0.0.0.0',
    distDir: vars.CJG_DIST_DIR,
    skipBuild: vars.CJG_SKIP_BUILD,
    dataDir: vars.CJG_DATA_DIR ?? join(root, 'data'),
    chat: chatConfigFrom(vars),
    redis: redisSettingsFrom(vars),
    indicators: {
      redisUrl: vars.CJG_INDICATORS_REDIS_URL,
      redisPrefix: vars.CJG_REDIS_PREFIX ?? DEFAULT_REDIS_PREFIX,
      retentionDays: vars.CJG_INDICATORS_RETENTION_DAYS ?? DEFAULT_RETENTION_DAYS,
    },
  };
}

export function dataDirFromEnv(root: string, env: NodeJS.ProcessEnv = process.env): string {
  return readEnv(env).CJG_DATA_DIR ?? join(root, 'data');
}

/** "Stel je vraag" settings from the environment (README, "Stel je vraag"); the promise and how long answers are kept are in the site config. */
export interface QuestionEnv {
  marginDays: number;
  /** New questions per network per hour (burst and refill). */
  askPerNetworkPerHour: number;
  maxStored: number;
}

export function questionEnvFromEnv(env: NodeJS.ProcessEnv = process.env): QuestionEnv {
  const vars = readEnv(env);
  return {
    marginDays: vars.CJG_QUESTIONS_MARGIN_DAYS ?? DEFAULT_MARGIN_DAYS,
    askPerNetworkPerHour: vars.CJG_QUESTIONS_PER_NETWORK_PER_HOUR ?? 10,
    maxStored: vars.CJG_QUESTIONS_MAX_STORED ?? 5000,
  };
}

/** Signing up for activities (README, "Aanmelden voor een activiteit"). */
export interface SignupEnv {
  /** Whole days sign-ups are kept after the activity's last meeting. */
  retentionDays: number;
  /** New sign-ups per network per hour (burst and refill). */
  perNetworkPerHour: number;
  /** Most sign-ups from one network for one meeting or course a day. */
  perNetworkPerOption: number;
  maxStored: number;
}

export function signupEnvFromEnv(env: NodeJS.ProcessEnv = process.env): SignupEnv {
  const vars = readEnv(env);
  return {
    retentionDays: vars.CJG_SIGNUPS_RETENTION_DAYS ?? DEFAULT_SIGNUP_RETENTION_DAYS,
    perNetworkPerHour: vars.CJG_SIGNUPS_PER_NETWORK_PER_HOUR ?? 20,
    perNetworkPerOption: vars.CJG_SIGNUPS_PER_NETWORK_PER_OPTION ?? SIGNUPS_PER_NETWORK_PER_OPTION,
    maxStored: vars.CJG_SIGNUPS_MAX_STORED ?? 10_000,
  };
}
