import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { buildSite, siteNeedsBuild } from './build-check.ts';
import { createPortalServer } from './server.ts';
import { createLogger } from './log.ts';
import { createChatServer } from './chat-server.ts';
import { chatConfigFromEnv, dataDirFromEnv } from './config.ts';
import { IndicatorRecorder, retentionDaysFromEnv } from './indicators/recorder.ts';
import { FileIndicatorStore } from './indicators/file-store.ts';
import { createIndicatorsHttp } from './indicators/http.ts';
import { connectRedis, joinCluster, redisSettingsFromEnv } from './redis/cluster.ts';
import { RedisIndicatorStore } from './redis/indicator-store.ts';
import type { AddressInfo } from 'node:net';

/** `npm start`: build the site when it is missing or stale, then serve site and chat on one port. */
const root = fileURLToPath(new URL('..', import.meta.url));
const logger = createLogger();
const port = Number(process.env['PORT'] ?? 4321);
const host = process.env['HOST'] ?? '0.0.0.0';

if (process.env['CJG_SKIP_BUILD'] !== '1' && !process.env['CJG_DIST_DIR'] && siteNeedsBuild(root)) {
  logger.info('site.build.start');
  buildSite(root);
}

const distDir = process.env['CJG_DIST_DIR'] ?? join(root, 'dist');
const dataDir = dataDirFromEnv(root);
const chatConfig = chatConfigFromEnv();
// Several nodes count into one set of figures in a Redis that may persist (they identify nobody).
const indicatorsRedisUrl = process.env['CJG_INDICATORS_REDIS_URL'];
const indicators = new IndicatorRecorder({
  store: indicatorsRedisUrl
    ? await RedisIndicatorStore.connect(indicatorsRedisUrl, process.env['CJG_REDIS_PREFIX'] || 'cjg:')
    : new FileIndicatorStore({ dataDir, logger }),
  timeZone: chatConfig.schedule.timeZone,
  retentionDays: retentionDaysFromEnv(),
  logger,
});
indicators.startRetention();
// REDIS_URL: several nodes share queue and conversations through Redis (README, "Several chat nodes").
const redisSettings = redisSettingsFromEnv();
const redis = redisSettings ? await connectRedis(redisSettings, logger, chatConfig) : null;
let chat: ReturnType<typeof createChatServer> | undefined;
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
  api: async (req, res) => (chat ? await chat.handleHttp(req, res) : false) || (await indicatorsHttp(req, res)),
});
chat = createChatServer(server, {
  logger,
  dataDir,
  config: chatConfig,
  indicators,
  ...(redis ? { store: redis.store, adapter: redis.adapter, sweepLock: () => redis.sweepLock() } : {}),
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
  void Promise.all([chat?.close().then(() => redis?.close()), indicators.close()]).finally(() => server.close(() => process.exit(0)));
  setTimeout(() => process.exit(0), 5000).unref();
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
