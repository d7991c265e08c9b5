/**
 * What every piece of chat logic gets: the store (all shared state), the configuration, the clock,
 * the logger, a way to push events to sockets, and the indicator recorder for aggregates.
 * The logic never touches Socket.IO or a Map directly.
 */
import { randomBytes } from 'node:crypto';
import type { AccountBook } from '../accounts/account-file.ts';
import type { ChatConfig } from '../config.ts';
import type { Logger } from '../log.ts';
import type { StaffServerToClientEvents, YouthServerToClientEvents } from '../../shared/protocol/events.ts';
import type { ChatStore } from '../store/types.ts';

/** Where staff events go: one counsellor's sockets, all staff, or the supervisors. */
export type StaffTarget = { counsellor: string } | { conversationWatchers: { counsellorKey: string | null; conversationId: string } } | 'all' | 'supervisors';

export interface Pusher {
  youth<E extends keyof YouthServerToClientEvents>(sessionKey: string, event: E, ...args: Parameters<YouthServerToClientEvents[E]>): void;
  staff<E extends keyof StaffServerToClientEvents>(target: StaffTarget, event: E, ...args: Parameters<StaffServerToClientEvents[E]>): void;
  /** Lets a supervisor's sockets receive a conversation's events (read-only). */
  observe(counsellorKey: string, conversationId: string, join: boolean): void;
  /** Disconnects every socket of one login session (logout, expiry, account removed). */
  endLogin(tokenHash: string): void;
  youthSockets(sessionKey: string): Promise<number>;
  staffSockets(counsellorKey: string): Promise<number>;
}

/** Aggregates only: no ids, no text (implemented by chat-server/indicators/recorder.ts). */
export interface ChatIndicators {
  requested(choice: { topic?: string | undefined; ageBand?: string | undefined }): void;
  turnedAway(reason: 'closed' | 'busy', choice: { topic?: string | undefined; ageBand?: string | undefined }): void;
  started(waitSeconds: number): void;
  abandoned(waitSeconds: number): void;
  ended(durationSeconds: number): void;
  rated(score: number): void;
  quickExit(): void;
  flagged(): void;
  transferred(): void;
}

export const noIndicators: ChatIndicators = {
  requested() {},
  turnedAway() {},
  started() {},
  abandoned() {},
  ended() {},
  rated() {},
  quickExit() {},
  flagged() {},
  transferred() {},
};

export interface ChatContext {
  store: ChatStore;
  config: ChatConfig;
  now: () => number;
  logger: Logger;
  push: Pusher;
  indicators: ChatIndicators;
  accounts: AccountBook;
}

/** Random ids for entries, conversations and feedback tickets (base64url, 16 chars). */
export function newId(): string {
  return randomBytes(12).toString('base64url');
}

export function seconds(ms: number): number {
  return Math.max(0, Math.round(ms / 1000));
}
