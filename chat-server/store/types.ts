/**
 * The one interface behind which the chat keeps its shared state: queue, sessions, conversations and
 * their messages, counsellor presence, login sessions, blocks, rate buckets and the daily network
 * secret. The chat logic only talks to this interface, so issue 6 can add a Redis implementation
 * (Redis without disk persistence, keys with TTLs) and run several nodes without touching the logic.
 *
 * Rules for every implementation:
 * - Nothing identifying goes in: sessions are keyed by a hash of the tab's token, networks by a keyed
 *   hash with a daily secret; no address, no user agent.
 * - Message text lives only in `appendMessage`/`messagesAfter` and is gone after `deleteConversation`.
 * - Methods marked atomic must stay atomic across nodes (Redis: Lua or MULTI).
 * - Records are returned as copies: changing one has no effect until it is put back.
 */
import type { ChatAgeBand, ChatTopic, StaffRole } from '../../shared/protocol/limits.ts';
import type { ChatMessage } from '../../shared/protocol/events.ts';

/** A young person's anonymous session. Exists while they wait or chat (plus the resume window). */
export interface YouthSession {
  sessionKey: string;
  networkKey: string;
  phase: 'queued' | 'chatting';
  /** Set while queued. */
  entryId?: string;
  /** Set once a counsellor answered; kept while requeued so the history follows them. */
  conversationId?: string;
  topic: ChatTopic | null;
  ageBand: ChatAgeBand | null;
  /** When they first asked for a chat (for the measured waiting time). */
  requestedAt: number;
  connected: boolean;
  /** When the last socket of this session dropped; the session expires a resume window later. */
  disconnectedAt?: number;
}

export interface QueueEntry {
  entryId: string;
  sessionKey: string;
  /** When this entry joined the queue (again). */
  joinedAt: number;
  topic: ChatTopic | null;
  ageBand: ChatAgeBand | null;
  /** Put back by a counsellor dropping out or handing over; goes before the others. */
  requeued: boolean;
  conversationId?: string;
  /** A requeued conversation that was marked "zorgelijk" / showed acute danger: every counsellor sees it in the queue. */
  flagged?: boolean;
  danger?: boolean;
  /** A requeued conversation's "Jongere N", so the queue card and the supervisor's banner name the same young person. */
  number?: number;
  /**
   * False while the young person's connection is down. Dropped entries keep their turn but are
   * listed after everyone connected and are only taken first when nobody connected waits.
   * Absent means connected.
   */
  connected?: boolean;
}

export interface Conversation {
  conversationId: string;
  sessionKey: string;
  /** Lower-cased account name of the counsellor; null while back in the queue. */
  counsellorKey: string | null;
  counsellorName: string | null;
  requestedAt: number;
  startedAt: number;
  topic: ChatTopic | null;
  ageBand: ChatAgeBand | null;
  youthConnected: boolean;
  flagged: boolean;
  flaggedAt?: number;
  /** The display name of who flagged it: the supervisor must call them, also after a transfer. */
  flaggedBy?: string;
  /** Supervisors reading along (account keys). */
  observers: string[];
  /** "Jongere 7": one name for the young person in every console (see ChatStore.nextNumber). */
  number: number;
  /** When a message of the young person first suggested acute danger (shared/danger.ts); no text is kept for it. */
  dangerAt?: number;
  /** The last transfer's note for the next counsellor; gone with the conversation. */
  handover?: { from: string; note: string; at: number };
}

/** A counsellor who is logged in on some socket, or dropped out less than the grace period ago. */
export interface Presence {
  counsellorKey: string;
  name: string;
  role: StaffRole;
  available: boolean;
  online: boolean;
  disconnectedAt?: number;
  maxConversations: number;
  conversationIds: string[];
}

export interface StaffSession {
  counsellorKey: string;
  expiresAt: number;
  /** `accountVersion` of the account at login: a changed or re-added account does not honour it. */
  accountVersion: string;
}

export interface ThrottleState {
  failures: number;
  /** No attempt is checked before this time. */
  lockedUntil: number;
  /** Forget the failures after this time. */
  resetAt: number;
}

export interface BucketResult {
  ok: boolean;
  retryAfterMs: number;
}

export type NewMessage = DistributiveOmit<ChatMessage, 'seq' | 'id'>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export interface ChatStore {
  // young people's sessions
  getSession(sessionKey: string): Promise<YouthSession | null>;
  putSession(session: YouthSession): Promise<void>;
  deleteSession(sessionKey: string): Promise<void>;
  /** Sessions whose connection dropped before `before`: candidates for expiry. */
  disconnectedSessions(before: number): Promise<YouthSession[]>;

  // queue
  /**
   * Queue order, the same in every method: connected entries first (requeued ones before the rest,
   * each group in order of arrival), then entries whose young person dropped, in that same order.
   */
  /** Adds an entry: at the back, or (requeued) after the other requeued entries, before everyone else. Returns the queue length. Atomic. */
  enqueue(entry: QueueEntry): Promise<number>;
  /**
   * Removes and returns an entry: the first in queue order (a dropped one only when nobody connected
   * waits), or the one named (dropped or not). Null if gone (someone else took it). Atomic.
   */
  takeFromQueue(entryId?: string): Promise<QueueEntry | null>;
  removeFromQueue(entryId: string): Promise<QueueEntry | null>;
  /** Marks an entry's young person as connected or dropped; false when the entry is gone. Atomic. */
  setQueueConnected(entryId: string, connected: boolean): Promise<boolean>;
  /** The queue in queue order, each entry with `connected` set. */
  listQueue(): Promise<QueueEntry[]>;
  queueLength(): Promise<number>;
  /**
   * How many entries wait with their young person connected, and how many dropped. Capacity
   * ("druk") and estimates count only the connected ones; a network's own limit counts both.
   */
  queueCounts(): Promise<{ connected: number; dropped: number }>;

  // conversations and their messages
  getConversation(conversationId: string): Promise<Conversation | null>;
  putConversation(conversation: Conversation): Promise<void>;
  listConversations(): Promise<Conversation[]>;
  /** Deletes the conversation and all its messages. */
  deleteConversation(conversationId: string): Promise<void>;
  /**
   * Stores a message with the next sequence number. With a `clientId` already seen in this
   * conversation, returns the stored message instead of a second copy (retried sends). Atomic.
   */
  appendMessage(conversationId: string, message: NewMessage, clientId?: string): Promise<{ message: ChatMessage; duplicate: boolean } | null>;
  messagesAfter(conversationId: string, afterSeq: number): Promise<ChatMessage[]>;

  /**
   * The next number of a counter that restarts with every `day` (YYYY-MM-DD): "Jongere 7" is the
   * seventh conversation started that day, the same name in every console. Atomic.
   */
  nextNumber(day: string): Promise<number>;

  // counsellors
  getPresence(counsellorKey: string): Promise<Presence | null>;
  putPresence(presence: Presence): Promise<void>;
  deletePresence(counsellorKey: string): Promise<void>;
  listPresence(): Promise<Presence[]>;

  putStaffSession(tokenHash: string, session: StaffSession): Promise<void>;
  getStaffSession(tokenHash: string, now: number): Promise<StaffSession | null>;
  deleteStaffSession(tokenHash: string): Promise<void>;
  /** Deletes every login session of an account; returns their token hashes. */
  deleteStaffSessionsOf(counsellorKey: string): Promise<string[]>;
  /** Drops expired login sessions; returns their token hashes. */
  expireStaffSessions(now: number): Promise<string[]>;

  // safety
  /** Sets a block until `until` (TTL). */
  putBlock(key: string, until: number): Promise<void>;
  /** The end of an active block, or null. */
  getBlock(key: string, now: number): Promise<number | null>;
  /** How many blocks this key got since `since` (for escalating network blocks). Counts this call. */
  countBlock(key: string, now: number, windowMs: number): Promise<number>;
  /** Token bucket: takes one token for `key`. Atomic. */
  takeToken(key: string, burst: number, perSecond: number, now: number): Promise<BucketResult>;
  getThrottle(key: string): Promise<ThrottleState | null>;
  putThrottle(key: string, state: ThrottleState): Promise<void>;
  deleteThrottle(key: string): Promise<void>;
  /** The secret for network hashes on `day` (YYYY-MM-DD), created on first use; older days are forgotten. */
  dailySecret(day: string): Promise<Buffer>;

  // honest wait estimates: only moments and durations, no ids
  recordAnswer(at: number, waitMs: number): Promise<void>;
  answersSince(since: number): Promise<{ at: number; waitMs: number }[]>;

  // satisfaction check: one-time tickets
  putFeedbackTicket(feedbackId: string, expiresAt: number): Promise<void>;
  /** True once per valid ticket. Atomic. */
  takeFeedbackTicket(feedbackId: string, now: number): Promise<boolean>;

  /** Drops expired blocks, buckets and throttles (stores without TTLs). */
  prune?(now: number): void;

  close(): Promise<void>;
}
