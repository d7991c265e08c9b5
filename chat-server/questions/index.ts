/**
 * Starts "Stel je vraag" next to the chat: the store (SQLite on one node, the persistent Redis of the
 * indicators on several), the server key, the service, its HTTP endpoints, the retention sweep and the
 * staff events on the chat's Socket.IO namespace.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Namespace } from 'socket.io';
import type { ChatServer } from '../chat-server.ts';
import type { QuestionEnv } from '../config.ts';
import type { IndicatorStore } from '../indicators/store.ts';
import { errorFields, type Logger } from '../log.ts';
import { rooms } from '../sockets/pusher.ts';
import { site } from '../../shared/config/site.ts';
import type { StaffClientToServerEvents, StaffServerToClientEvents } from '../../shared/protocol/events.ts';
import { STAFF_NAMESPACE } from '../../shared/protocol/limits.ts';
import { createQuestionsHttp } from './http.ts';
import { questionIndicators } from './indicators.ts';
import { createQuestionService, type QuestionConfig, type QuestionService } from './service.ts';
import type { QuestionStore } from './store.ts';

/** How often retention runs. Deletion moments are exact to within this. */
export const QUESTION_SWEEP_MS = 60_000;

export function questionConfig(env: QuestionEnv, timeZone = site.chat.timeZone): QuestionConfig {
  return {
    answerWorkingDays: site.questions.answerWorkingDays,
    timeZone,
    keepAnsweredDays: site.questions.keepAnsweredDays,
    marginDays: env.marginDays,
    askLimit: { burst: env.askPerNetworkPerHour, perSecond: env.askPerNetworkPerHour / 3600 },
    // A school shares one address: 10 wrong codes free, then 30 s doubling up to 30 minutes.
    lookupThrottle: { free: 10, baseMs: 30_000, maxMs: 30 * 60_000, resetMs: 60 * 60_000 },
    wrongCodeDelayMs: 750,
    maxStored: env.maxStored,
    kdfConcurrency: 2,
    kdfQueue: 32,
  };
}

export interface QuestionsOptions {
  store: QuestionStore;
  serverKey: Buffer;
  chat: ChatServer;
  config: QuestionConfig;
  logger: Logger;
  distDir: string;
  indicatorStore?: IndicatorStore;
  now?: () => number;
  /** Run retention on a timer (default true). */
  sweepTimer?: boolean;
}

export interface Questions {
  service: QuestionService;
  handleHttp(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  close(): Promise<void>;
}

export function startQuestions(options: QuestionsOptions): Questions {
  const { chat, logger } = options;
  // Typed here so these two emits are checked against the protocol the console listens to.
  const staff = chat.io.of(STAFF_NAMESPACE) as Namespace<StaffClientToServerEvents, StaffServerToClientEvents>;
  const service = createQuestionService({
    store: options.store,
    serverKey: options.serverKey,
    chatStore: chat.context.store,
    config: options.config,
    logger,
    ...(options.now ? { now: options.now } : {}),
    ...(options.indicatorStore
      ? { indicators: questionIndicators(options.indicatorStore, options.config.timeZone, () => logger.error('indicators.store.merge_failed')) }
      : {}),
    alert: (alert) => staff.to(rooms.supervisors).emit('question:alert', alert),
    changed: () => staff.to(rooms.allStaff).emit('questions:changed'),
    reviewed: (authorKey, answer) => staff.to(rooms.counsellor(authorKey)).emit('question:reviewed', answer),
  });
  const handleHttp = createQuestionsHttp({
    service,
    chatStore: chat.context.store,
    logger,
    distDir: options.distDir,
    trustProxy: chat.context.config.trustProxy,
    extraOrigins: chat.context.config.extraOrigins,
    staffFromRequest: (req) => chat.staffFromRequest(req),
    staffName: (key) => chat.context.accounts.get(key)?.name ?? key,
    ...(options.now ? { now: options.now } : {}),
  });
  const sweep = () => void service.sweep().catch((error: unknown) => logger.error('question.sweep_failed', errorFields(error)));
  const timer = options.sweepTimer === false ? undefined : setInterval(sweep, QUESTION_SWEEP_MS);
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
