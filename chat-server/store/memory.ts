import { randomBytes } from 'node:crypto';
import type { ChatMessage } from '../../shared/protocol/events.ts';
import type { BucketResult, ChatStore, Conversation, NewMessage, Presence, QueueEntry, StaffSession, ThrottleState, YouthSession } from './types.ts';

/** Answers older than this are of no use for an estimate. */
const ANSWER_HISTORY_MS = 2 * 60 * 60_000;

interface MessageLog {
  messages: ChatMessage[];
  byClientId: Map<string, ChatMessage>;
}

const copy = <T>(value: T): T => structuredClone(value);
const withConnected = (entry: QueueEntry): QueueEntry => ({ ...entry, connected: entry.connected !== false });

/**
 * The embedded default: everything in this process's memory, gone on restart. That is the point for
 * message text; counsellor accounts and aggregates live in files elsewhere.
 */
export class MemoryChatStore implements ChatStore {
  private readonly sessions = new Map<string, YouthSession>();
  private queue: QueueEntry[] = [];
  private readonly conversations = new Map<string, Conversation>();
  private readonly logs = new Map<string, MessageLog>();
  private readonly presence = new Map<string, Presence>();
  private readonly staffSessions = new Map<string, StaffSession>();
  private readonly blocks = new Map<string, number>();
  private readonly blockCounts = new Map<string, number[]>();
  private readonly buckets = new Map<string, { tokens: number; updatedAt: number }>();
  private readonly throttles = new Map<string, ThrottleState>();
  private secret: { day: string; value: Buffer } | null = null;
  private answers: { at: number; waitMs: number }[] = [];
  private readonly feedbackTickets = new Map<string, number>();
  private numbers = { day: '', last: 0 };

  async getSession(sessionKey: string) {
    const s = this.sessions.get(sessionKey);
    return s ? copy(s) : null;
  }
  async putSession(session: YouthSession) {
    this.sessions.set(session.sessionKey, copy(session));
  }
  async deleteSession(sessionKey: string) {
    this.sessions.delete(sessionKey);
  }
  async disconnectedSessions(before: number) {
    return [...this.sessions.values()].filter((s) => !s.connected && (s.disconnectedAt ?? 0) < before).map(copy);
  }

  async enqueue(entry: QueueEntry) {
    if (entry.requeued) {
      const firstNormal = this.queue.findIndex((e) => !e.requeued);
      this.queue.splice(firstNormal === -1 ? this.queue.length : firstNormal, 0, copy(entry));
    } else {
      this.queue.push(copy(entry));
    }
    return this.queue.length;
  }
  async takeFromQueue(entryId?: string) {
    const first = this.ordered().at(0);
    const index = this.queue.findIndex((e) => e.entryId === (entryId ?? first?.entryId));
    if (index < 0) return null;
    return withConnected(this.queue.splice(index, 1)[0]);
  }
  async removeFromQueue(entryId: string) {
    return this.takeFromQueue(entryId);
  }
  async setQueueConnected(entryId: string, connected: boolean) {
    const found = this.queue.find((e) => e.entryId === entryId);
    if (found) found.connected = connected;
    return found !== undefined;
  }
  async listQueue() {
    return this.ordered().map((e) => withConnected(copy(e)));
  }
  /** Stored in turn order; listed connected first (see ChatStore). */
  private ordered(): QueueEntry[] {
    return [...this.queue.filter((e) => e.connected !== false), ...this.queue.filter((e) => e.connected === false)];
  }
  async queueLength() {
    return this.queue.length;
  }
  async queueCounts() {
    const dropped = this.queue.filter((e) => e.connected === false).length;
    return { connected: this.queue.length - dropped, dropped };
  }
  async nextNumber(day: string) {
    if (this.numbers.day !== day) this.numbers = { day, last: 0 };
    return ++this.numbers.last;
  }

  async getConversation(conversationId: string) {
    const c = this.conversations.get(conversationId);
    return c ? copy(c) : null;
  }
  async putConversation(conversation: Conversation) {
    this.conversations.set(conversation.conversationId, copy(conversation));
  }
  async listConversations() {
    return [...this.conversations.values()].map(copy);
  }
  async deleteConversation(conversationId: string) {
    this.conversations.delete(conversationId);
    this.logs.delete(conversationId);
  }
  async appendMessage(conversationId: string, message: NewMessage, clientId?: string) {
    if (!this.conversations.has(conversationId)) return null;
    let log = this.logs.get(conversationId);
    if (!log) {
      log = { messages: [], byClientId: new Map() };
      this.logs.set(conversationId, log);
    }
    const known = clientId === undefined ? undefined : log.byClientId.get(`${message.from}:${clientId}`);
    if (known) return { message: copy(known), duplicate: true };
    const stored = { ...message, seq: log.messages.length + 1, id: randomBytes(9).toString('base64url') };
    log.messages.push(stored);
    if (clientId !== undefined) log.byClientId.set(`${message.from}:${clientId}`, stored);
    return { message: copy(stored), duplicate: false };
  }
  async messagesAfter(conversationId: string, afterSeq: number) {
    return (this.logs.get(conversationId)?.messages ?? []).filter((m) => m.seq > afterSeq).map(copy);
  }

  async getPresence(counsellorKey: string) {
    const p = this.presence.get(counsellorKey);
    return p ? copy(p) : null;
  }
  async putPresence(presence: Presence) {
    this.presence.set(presence.counsellorKey, copy(presence));
  }
  async deletePresence(counsellorKey: string) {
    this.presence.delete(counsellorKey);
  }
  async listPresence() {
    return [...this.presence.values()].map(copy);
  }

  async putStaffSession(tokenHash: string, session: StaffSession) {
    this.staffSessions.set(tokenHash, copy(session));
  }
  async getStaffSession(tokenHash: string, now: number) {
    const s = this.staffSessions.get(tokenHash);
    if (!s) return null;
    if (s.expiresAt <= now) {
      this.staffSessions.delete(tokenHash);
      return null;
    }
    return copy(s);
  }
  async deleteStaffSession(tokenHash: string) {
    this.staffSessions.delete(tokenHash);
  }
  async deleteStaffSessionsOf(counsellorKey: string) {
    const hashes: string[] = [];
    for (const [hash, s] of this.staffSessions) {
      if (s.counsellorKey === counsellorKey) {
        this.staffSessions.delete(hash);
        hashes.push(hash);
      }
    }
    return hashes;
  }
  async expireStaffSessions(now: number) {
    const hashes: string[] = [];
    for (const [hash, s] of this.staffSessions) {
      if (s.expiresAt <= now) {
        this.staffSessions.delete(hash);
        hashes.push(hash);
      }
    }
    return hashes;
  }

  async putBlock(key: string, until: number) {
    this.blocks.set(key, Math.max(until, this.blocks.get(key) ?? 0));
  }
  async getBlock(key: string, now: number) {
    const until = this.blocks.get(key);
    if (until === undefined) return null;
    if (until <= now) {
      this.blocks.delete(key);
      return null;
    }
    return until;
  }
  async countBlock(key: string, now: number, windowMs: number) {
    const recent = (this.blockCounts.get(key) ?? []).filter((at) => at > now - windowMs);
    recent.push(now);
    this.blockCounts.set(key, recent);
    return recent.length;
  }
  async takeToken(key: string, burst: number, perSecond: number, now: number): Promise<BucketResult> {
    const bucket = this.buckets.get(key) ?? { tokens: burst, updatedAt: now };
    bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.updatedAt) / 1000) * perSecond);
    bucket.updatedAt = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true, retryAfterMs: 0 };
    }
    return { ok: false, retryAfterMs: Math.ceil(((1 - bucket.tokens) / perSecond) * 1000) };
  }
  async getThrottle(key: string) {
    const t = this.throttles.get(key);
    return t ? copy(t) : null;
  }
  async putThrottle(key: string, state: ThrottleState) {
    this.throttles.set(key, copy(state));
  }
  async deleteThrottle(key: string) {
    this.throttles.delete(key);
  }
  async dailySecret(day: string) {
    if (this.secret?.day !== day) {
      // The old secret is dropped: yesterday's network hashes can no longer be recomputed.
      this.secret = { day, value: randomBytes(32) };
      this.blockCounts.clear();
    }
    return this.secret.value;
  }

  async recordAnswer(at: number, waitMs: number) {
    this.answers.push({ at, waitMs });
    this.answers = this.answers.filter((a) => a.at > at - ANSWER_HISTORY_MS);
  }
  async answersSince(since: number) {
    return this.answers.filter((a) => a.at >= since).map(copy);
  }

  async putFeedbackTicket(feedbackId: string, expiresAt: number) {
    this.feedbackTickets.set(feedbackId, expiresAt);
  }
  async takeFeedbackTicket(feedbackId: string, now: number) {
    const expiresAt = this.feedbackTickets.get(feedbackId);
    this.feedbackTickets.delete(feedbackId);
    for (const [id, at] of this.feedbackTickets) if (at <= now) this.feedbackTickets.delete(id);
    return expiresAt !== undefined && expiresAt > now;
  }

  /** Prunes what has a lifetime; called by the sweep. Not part of the interface: Redis uses TTLs. */
  prune(now: number): void {
    for (const [key, until] of this.blocks) if (until <= now) this.blocks.delete(key);
    for (const [key, bucket] of this.buckets) if (now - bucket.updatedAt > 10 * 60_000) this.buckets.delete(key);
    for (const [key, t] of this.throttles) if (t.resetAt <= now && t.lockedUntil <= now) this.throttles.delete(key);
  }

  async close() {
    this.sessions.clear();
    this.queue = [];
    this.conversations.clear();
    this.logs.clear();
    this.presence.clear();
    this.staffSessions.clear();
  }

  /** For tests: how many conversations and message logs are held (to prove deletion). */
  counts(): { sessions: number; conversations: number; messageLogs: number; queue: number } {
    return { sessions: this.sessions.size, conversations: this.conversations.size, messageLogs: this.logs.size, queue: this.queue.length };
  }
}
