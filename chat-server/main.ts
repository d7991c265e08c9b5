import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { buildSite, siteNeedsBuild } from './build-check.ts';
import { createPortalServer } from './server.ts';
import { createLogger } from './log.ts';
import { createChatServer } from './chat-server.ts';
import { ConfigError, questionEnvFromEnv, serverConfigFromEnv, signupEnvFromEnv, unknownEnvNames, type ServerConfig } from './config.ts';
import { IndicatorRecorder } from './indicators/recorder.ts';
import { FileIndicatorStore } from './indicators/file-store.ts';
import { createIndicatorsHttp } from './indicators/http.ts';
import { connectRedis, joinCluster } from './redis/cluster.ts';
import { RedisIndicatorStore } from './redis/indicator-store.ts';
import { questionConfig, startQuestions, type Questions } from './questions/index.ts';
import { loadServerKey } from './crypto/server-key.ts';
import { RedisQuestionStore } from './questions/redis-store.ts';
import { SqliteQuestionStore } from './questions/sqlite-store.ts';
import { signupConfig, startSignups, type Signups } from './signups/index.ts';
import { RedisSignupStore } from './signups/redis-store.ts';
import { SqliteSignupStore } from './signups/sqlite-store.ts';
import type { AddressInfo } from 'node:net';

/** `npm start`: build the site when it is missing or stale, then serve site and chat on one port. */
const root = fileURLToPath(new URL('..', import.meta.url));
const logger = createLogger();
let config: ServerConfig;
try {
  config = serverConfigFromEnv(root);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
for (const name of unknownEnvNames()) logger.warn('config.unknown_variable', { name });
const { port, host, dataDir, chat: chatConfig } = config;

if (!config.skipBuild && !config.distDir && siteNeedsBuild(root)) {
  logger.info('site.build.start');
  buildSite(root);
}

const distDir = config.distDir ?? join(root, 'dist');
// Several nodes count into one set of figures in a Redis that may persist (they identify nobody).
const indicatorsRedisUrl = config.indicators.redisUrl;
const indicators = new IndicatorRecorder({
  store: indicatorsRedisUrl
    ? await RedisIndicatorStore.connect(indicatorsRedisUrl, config.indicators.redisPrefix)
    : new FileIndicatorStore({ dataDir, logger }),
  timeZone: chatConfig.schedule.timeZone,
  retentionDays: config.indicators.retentionDays,
  logger,
});
indicators.startRetention();
// REDIS_URL: several nodes share queue and conversations through Redis (README, "Several chat nodes").
const redis = config.redis ? await connectRedis(config.redis, logger, chatConfig) : null;
let chat: ReturnType<typeof createChatServer> | undefined;
let questions: Questions | undefined;
let signups: Signups | undefined;
const indicatorsHttp = createIndicatorsHttp({
  recorder: indicators,
  distDir,
  checkStaff: (req) => chat?.staffFromRequest(req) ?? Promise.resolve(null),
  networkOf: (req) => chat?.networkOf(req) ?? Promise.resolve('all'),
});
const server = createPortalServer({
  distDir,
  logger,
  health: () => redis?.store.health() ?? 'ok',
  api: async (req, res) =>
    (chat ? await chat.handleHttp(req, res) : false) ||
    (await indicatorsHttp(req, res)) ||
    ((await questions?.handleHttp(req, res)) ?? false) ||
    ((await signups?.handleHttp(req, res)) ?? false),
});
chat = createChatServer(server, {
  logger,
  dataDir,
  config: chatConfig,
  indicators,
  ...(redis ? { store: redis.store, adapter: redis.adapter, sweepLock: () => redis.sweepLock() } : {}),
});
// "Stel je vraag": one node keeps questions in SQLite in the data folder; several share the persistent
// Redis of the indicators. The server key lives outside the data folder (README, "Stel je vraag").
const questionKey = loadServerKey({ env: process.env, root, dataDir });
if (questionKey.source === 'created') logger.info('questions.key_created');
questions = startQuestions({
  store: indicatorsRedisUrl ? await RedisQuestionStore.connect(indicatorsRedisUrl, config.indicators.redisPrefix) : new SqliteQuestionStore(dataDir),
  serverKey: questionKey.key,
  chat,
  config: questionConfig(questionEnvFromEnv()),
  logger,
  distDir,
  indicatorStore: indicators.store,
});
// Sign-ups for activities: the same storage choice and server key as the questions (README, "Aanmelden").
signups = startSignups({
  store: indicatorsRedisUrl ? await RedisSignupStore.connect(indicatorsRedisUrl, config.indicators.redisPrefix) : new SqliteSignupStore(dataDir),
  serverKey: questionKey.key,
  chat,
  config: signupConfig(signupEnvFromEnv(), chatConfig.schedule.timeZone),
  logger,
  distDir,
});
const leaveCluster = redis ? joinCluster(chat, redis, logger) : undefined;
server.listen(port, host, () => {
  const listening = (server.address() as AddressInfo).port;
  logger.info('server.listening', { port: listening });
  process.stdout.write(`\nCJG Portaal draait op http://localhost:${listening}/\n\n`);
});

const shutdown = () => {
  logger.info('server.stopping');
  leaveCluster?.();
  void Promise.all([chat.close().then(() => redis?.close()), indicators.close(), questions.close(), signups.close()]).finally(() =>
    server.close(() => process.exit(0)),
  );
  setTimeout(() => process.exit(0), 5000).unref();
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
