/**
 * Starts signing up for activities next to the chat: the store (SQLite on one node, the persistent Redis
 * of the indicators on several), the catalogue from the built site, the service, its HTTP endpoints and
 * the retention sweep.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ChatServer } from '../chat-server.ts';
import type { SignupEnv } from '../config.ts';
import { errorFields, type Logger } from '../log.ts';
import { AVAILABILITY_PER_NETWORK_PER_MINUTE, SIGNUP_BODY_TIMEOUT_MS } from '../../shared/signup/limits.ts';
import { fileCatalogue, type SignupCatalogue } from './catalogue.ts';
import { createSignupsHttp } from './http.ts';
import { createSignupService, type SignupConfig, type SignupService } from './service.ts';
import type { SignupStore } from './store.ts';

/** How often retention runs. Deletion moments are exact to within this. */
export const SIGNUP_SWEEP_MS = 60 * 60_000;

export function signupConfig(env: SignupEnv, timeZone: string): SignupConfig {
  return {
    retentionDays: env.retentionDays,
    perNetwork: { burst: env.perNetworkPerHour, perSecond: env.perNetworkPerHour / 3600 },
    availabilityPerNetwork: { burst: AVAILABILITY_PER_NETWORK_PER_MINUTE, perSecond: AVAILABILITY_PER_NETWORK_PER_MINUTE / 60 },
    perNetworkPerOption: env.perNetworkPerOption,
    maxStored: env.maxStored,
    timeZone,
    bodyTimeoutMs: SIGNUP_BODY_TIMEOUT_MS,
  };
}

export interface SignupsOptions {
  store: SignupStore;
  serverKey: Buffer;
  chat: ChatServer;
  config: SignupConfig;
  logger: Logger;
  distDir: string;
  /** Default: `<distDir>/activiteiten.json`. */
  catalogue?: SignupCatalogue;
  now?: () => number;
  /** Run retention on a timer (default true). */
  sweepTimer?: boolean;
}

export interface Signups {
  service: SignupService;
  handleHttp(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  close(): Promise<void>;
}

export function startSignups(options: SignupsOptions): Signups {
  const { chat, logger } = options;
  const catalogue = options.catalogue ?? fileCatalogue(options.distDir, (error) => logger.error('signup.catalogue_unreadable', errorFields(error)));
  const service = createSignupService({
    store: options.store,
    serverKey: options.serverKey,
    chatStore: chat.context.store,
    catalogue,
    config: options.config,
    logger,
    ...(options.now ? { now: options.now } : {}),
  });
  const handleHttp = createSignupsHttp({
    service,
    catalogue,
    logger,
    distDir: options.distDir,
    extraOrigins: chat.context.config.extraOrigins,
    networkOf: (req) => chat.networkOf(req),
    staffFromRequest: (req) => chat.staffFromRequest(req),
  });
  const sweep = () => void service.sweep().catch((error: unknown) => logger.error('signup.sweep_failed', errorFields(error)));
  const timer = options.sweepTimer === false ? undefined : setInterval(sweep, SIGNUP_SWEEP_MS);
  timer?.unref();
  sweep();
  return {
    service,
    handleHttp,
    async close() {
      if (timer) clearInterval(timer);
      await options.store.close();
    },
  };
}
