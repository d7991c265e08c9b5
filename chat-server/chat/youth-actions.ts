/** What a young person can do: join the queue, talk, end, rate; and what happens when they (re)connect. */
import { ERROR_MESSAGES, type ErrorCode } from '../../shared/protocol/errors.ts';
import type { Ack, AckError, QueuePosition, YouthSessionState } from '../../shared/protocol/events.ts';
import { RATE_LIMITS } from '../../shared/protocol/limits.ts';
import type { ChatAgeBand, ChatTopic } from '../../shared/protocol/limits.ts';
import type { QueueEntry, YouthSession } from '../store/types.ts';
import { broadcastQueue } from './broadcast.ts';
import { newId, seconds, type ChatContext } from './context.ts';
import { endConversation } from './conversation-lifecycle.ts';
import { waitEstimator } from './estimate.ts';
import { chatHours } from './hours.ts';
import { chatStatus } from './views.ts';
import { suggestsDanger } from '../../shared/danger.ts';

export function fail(code: ErrorCode, extra: Partial<AckError> = {}): AckError {
  return { ok: false, code, error: ERROR_MESSAGES[code], ...extra };
}

export const sessionBlockKey = (sessionKey: string) => `s:${sessionKey}`;
export const networkBlockKey = (networkKey: string) => `n:${networkKey}`;

/**
 * A refused join is one young person who could not chat, however often they press "opnieuw": counted
 * (and logged) once per session within this window, and at most a handful per network, so a pupil on a
 * busy school network, or a script, cannot inflate the published figures (attacker review 14, M1).
 */
export const TURNED_AWAY = { windowMs: 30 * 60_000, perNetwork: { burst: 5, perSecond: 5 / (30 * 60) } } as const;
const turnedAwayKey = (sessionKey: string) => `ta:${sessionKey}`;

async function countTurnedAway(
  ctx: ChatContext,
  who: { sessionKey: string; networkKey: string },
  reason: 'closed' | 'busy' | 'network_busy',
  choice: { topic?: ChatTopic | undefined; ageBand?: ChatAgeBand | undefined },
): Promise<void> {
  const now = ctx.now();
  if (await ctx.store.getBlock(turnedAwayKey(who.sessionKey), now)) return;
  await ctx.store.putBlock(turnedAwayKey(who.sessionKey), now + TURNED_AWAY.windowMs);
  const { burst, perSecond } = TURNED_AWAY.perNetwork;
  if (!(await ctx.store.takeToken(`ta:${who.networkKey}`, burst, perSecond, now)).ok) return;
  ctx.indicators.turnedAway(reason === 'closed' ? 'closed' : 'busy', choice);
  if (reason !== 'closed') ctx.logger.info('queue.refused', { reason });
}

async function positionOf(ctx: ChatContext, entryId: string): Promise<QueuePosition | null> {
  const queue = await ctx.store.listQueue();
  const index = queue.findIndex((e) => e.entryId === entryId);
  if (index < 0) return null;
  return { position: index + 1, waitMinutes: (await waitEstimator(ctx))(index + 1) };
}

/** The places in the queue (connected or dropped) per network, each network's in queue order. */
async function placesByNetwork(ctx: ChatContext): Promise<Map<string, QueueEntry[]>> {
  const queue = await ctx.store.listQueue();
  const sessions = await Promise.all(queue.map((entry) => ctx.store.getSession(entry.sessionKey)));
  const byNetwork = new Map<string, QueueEntry[]>();
  queue.forEach((entry, i) => {
    const network = sessions[i]?.networkKey ?? '';
    byNetwork.set(network, [...(byNetwork.get(network) ?? []), entry]);
  });
  return byNetwork;
}

/**
 * Places one network holds (the queue is capped, so this stays a short loop). Dropped places count
 * too: otherwise connect, join and close could fill the queue with empty places from one address.
 */
async function waitingFromNetwork(ctx: ChatContext, networkKey: string): Promise<number> {
  return (await placesByNetwork(ctx)).get(networkKey)?.length ?? 0;
}

/**
 * The dropped place to give up when the queue is at its bound: the oldest dropped one of the network
 * that holds the most places, so that a few networks flooding the queue lose their own places and a
 * young person from elsewhere whose connection briefly dropped keeps theirs.
 */
async function placeToFree(ctx: ChatContext): Promise<QueueEntry | undefined> {
  let chosen: QueueEntry[] = [];
  for (const places of (await placesByNetwork(ctx)).values()) {
    if (places.some((entry) => entry.connected === false) && places.length > chosen.length) chosen = places;
  }
  return chosen.find((entry) => entry.connected === false);
}

/**
 * Dropped places are kept for their grace period, but never at the cost of someone who is here:
 * only connected young people count toward "druk". So that join-and-vanish sockets cannot grow the
 * queue without end, it holds at most twice the cap; past that, a dropped place goes now (placeToFree).
 */
async function roomForOneMore(ctx: ChatContext): Promise<boolean> {
  const counts = await ctx.store.queueCounts();
  if (counts.connected >= ctx.config.queueCap) return false;
  if (counts.connected + counts.dropped < 2 * ctx.config.queueCap) return true;
  const oldest = await placeToFree(ctx);
  const session = oldest ? await ctx.store.getSession(oldest.sessionKey) : null;
  if (oldest) await ctx.store.removeFromQueue(oldest.entryId);
  if (session && !session.conversationId) {
    ctx.indicators.abandoned(seconds((session.disconnectedAt ?? ctx.now()) - session.requestedAt));
    await ctx.store.deleteSession(session.sessionKey);
  } else if (session?.conversationId) {
    const conversation = await ctx.store.getConversation(session.conversationId);
    if (conversation) await endConversation(ctx, conversation, 'expired', { feedback: false });
  }
  ctx.logger.info('queue.dropped_place_freed');
  return true;
}

export async function joinQueue(
  ctx: ChatContext,
  who: { sessionKey: string; networkKey: string },
  choice: { topic?: ChatTopic | undefined; ageBand?: ChatAgeBand | undefined },
): Promise<Ack<QueuePosition>> {
  const existing = await ctx.store.getSession(who.sessionKey);
  if (existing?.phase === 'chatting') return fail('already_chatting');
  if (existing?.phase === 'queued' && existing.entryId) {
    // A retried join after a dropped connection: answer with the place they already have.
    const place = await positionOf(ctx, existing.entryId);
    if (place) return { ok: true, ...place };
  }
  const now = ctx.now();
  if ((await ctx.store.getBlock(sessionBlockKey(who.sessionKey), now)) || (await ctx.store.getBlock(networkBlockKey(who.networkKey), now))) {
    ctx.logger.info('queue.refused', { reason: 'blocked' });
    return fail('blocked');
  }
  const hours = chatHours(ctx.config, now);
  if (!hours.open) {
    await countTurnedAway(ctx, who, 'closed', choice);
    return fail('closed', {
      error: `${ERROR_MESSAGES.closed} ${hours.description}.`,
      ...(hours.opensAt ? { opensAt: hours.opensAt } : {}),
      opensText: hours.description,
    });
  }
  if (!(await roomForOneMore(ctx))) {
    await countTurnedAway(ctx, who, 'busy', choice);
    return fail('busy');
  }
  if ((await waitingFromNetwork(ctx, who.networkKey)) >= ctx.config.queuePerNetwork) {
    await countTurnedAway(ctx, who, 'network_busy', choice);
    return fail('network_busy');
  }
  const entryId = newId();
  const session: YouthSession = {
    sessionKey: who.sessionKey,
    networkKey: who.networkKey,
    phase: 'queued',
    entryId,
    topic: choice.topic ?? null,
    ageBand: choice.ageBand ?? null,
    requestedAt: now,
    connected: true,
  };
  await ctx.store.putSession(session);
  const length = await ctx.store.enqueue({
    entryId,
    sessionKey: who.sessionKey,
    joinedAt: now,
    topic: session.topic,
    ageBand: session.ageBand,
    requeued: false,
  });
  ctx.indicators.requested(choice);
  ctx.logger.info('queue.joined', { waiting: length });
  await broadcastQueue(ctx);
  const place = await positionOf(ctx, entryId);
  return place ? { ok: true, ...place } : fail('internal');
}

export async function sendYouthMessage(ctx: ChatContext, sessionKey: string, text: string, clientId?: string): Promise<Ack<{ id: string; seq: number }>> {
  const session = await ctx.store.getSession(sessionKey);
  if (session?.phase !== 'chatting' || !session.conversationId) return fail('not_in_conversation');
  const conversation = await ctx.store.getConversation(session.conversationId);
  if (!conversation) return fail('not_in_conversation');
  const { burst, perSecond } = RATE_LIMITS.youthMessages;
  const bucket = await ctx.store.takeToken(`ym:${sessionKey}`, burst, perSecond, ctx.now());
  if (!bucket.ok) return fail('rate_limited', { retryAfterMs: bucket.retryAfterMs });
  const stored = await ctx.store.appendMessage(conversation.conversationId, { from: 'youth', at: ctx.now(), text }, clientId);
  if (!stored) return fail('not_in_conversation');
  if (!stored.duplicate) {
    ctx.push.youth(sessionKey, 'message', stored.message);
    ctx.push.staff({ conversationWatchers: conversation }, 'message', { conversationId: conversation.conversationId, message: stored.message });
    if (conversation.dangerAt === undefined && suggestsDanger(text)) await signalDanger(ctx, conversation.conversationId);
  }
  return { ok: true, id: stored.message.id, seq: stored.message.seq };
}

/**
 * A message suggested acute danger: the counsellor (and anyone reading along) sees "mogelijk acuut
 * gevaar" with the crisis script, once per conversation. Only that it happened is kept and logged.
 */
async function signalDanger(ctx: ChatContext, conversationId: string): Promise<void> {
  const conversation = await ctx.store.getConversation(conversationId);
  if (!conversation || conversation.dangerAt !== undefined) return;
  conversation.dangerAt = ctx.now();
  await ctx.store.putConversation(conversation);
  ctx.push.staff({ conversationWatchers: conversation }, 'conversation:danger', { conversationId });
  ctx.logger.info('conversation.danger_signal');
}

export async function youthTyping(ctx: ChatContext, sessionKey: string, typing: boolean): Promise<void> {
  const session = await ctx.store.getSession(sessionKey);
  if (session?.phase !== 'chatting' || !session.conversationId) return;
  const conversation = await ctx.store.getConversation(session.conversationId);
  if (conversation?.counsellorKey)
    ctx.push.staff({ counsellor: conversation.counsellorKey }, 'typing', { conversationId: conversation.conversationId, typing });
}

/** "Stoppen" or "Snel weg": leave the queue or end the conversation; the session is forgotten. */
export async function endSession(ctx: ChatContext, sessionKey: string, reason: 'stop' | 'quickExit'): Promise<Ack<{ feedbackId?: string }>> {
  const session = await ctx.store.getSession(sessionKey);
  if (reason === 'quickExit') ctx.indicators.quickExit();
  if (!session) return { ok: true };
  const conversation = session.conversationId ? await ctx.store.getConversation(session.conversationId) : null;
  if (session.phase === 'queued' && session.entryId) {
    await ctx.store.removeFromQueue(session.entryId);
    if (!conversation) ctx.indicators.abandoned(seconds(ctx.now() - session.requestedAt));
  }
  if (conversation) {
    const feedbackId = await endConversation(ctx, conversation, reason === 'quickExit' ? 'quickExit' : 'youth', {
      feedback: reason === 'stop' && session.phase === 'chatting',
    });
    return { ok: true, ...(feedbackId ? { feedbackId } : {}) };
  }
  await ctx.store.deleteSession(sessionKey);
  ctx.logger.info('queue.left', { reason });
  await broadcastQueue(ctx);
  return { ok: true };
}

export async function sendFeedback(ctx: ChatContext, feedbackId: string, rating: number): Promise<Ack> {
  if (!(await ctx.store.takeFeedbackTicket(feedbackId, ctx.now()))) return fail('feedback_unknown');
  ctx.indicators.rated(rating);
  return { ok: true };
}

/** A socket of this session connected: resume the queue place or the conversation. */
export async function youthConnected(ctx: ChatContext, sessionKey: string, lastSeq: number | undefined): Promise<YouthSessionState> {
  const session = await ctx.store.getSession(sessionKey);
  const status = await chatStatus(ctx);
  if (!session) return { phase: 'idle', resumed: false, expired: lastSeq !== undefined, messages: [], status };
  const wasAway = !session.connected;
  session.connected = true;
  delete session.disconnectedAt;
  await ctx.store.putSession(session);
  const conversation = session.conversationId ? await ctx.store.getConversation(session.conversationId) : null;
  const messages = conversation ? await ctx.store.messagesAfter(conversation.conversationId, lastSeq ?? 0) : [];
  if (wasAway) ctx.logger.info('youth.resumed', { phase: session.phase, missed: messages.length });
  if (session.phase === 'chatting' && conversation) {
    if (!conversation.youthConnected) {
      conversation.youthConnected = true;
      await ctx.store.putConversation(conversation);
      ctx.push.staff({ conversationWatchers: conversation }, 'conversation:youth', { conversationId: conversation.conversationId, connected: true });
    }
    return { phase: 'chatting', resumed: true, expired: false, counsellorName: conversation.counsellorName ?? '', messages, status };
  }
  if (wasAway && session.entryId) await ctx.store.setQueueConnected(session.entryId, true);
  const place = session.entryId ? await positionOf(ctx, session.entryId) : null;
  if (wasAway) await broadcastQueue(ctx);
  return {
    phase: 'queued',
    resumed: true,
    expired: false,
    ...(place ? { position: place.position, waitMinutes: place.waitMinutes } : {}),
    messages,
    status,
  };
}

/** Marks a session connected again when a socket of it is connected after all; true if so. */
async function youthStillConnected(ctx: ChatContext, sessionKey: string): Promise<boolean> {
  if ((await ctx.push.youthSockets(sessionKey)) === 0) return false;
  const session = await ctx.store.getSession(sessionKey);
  if (session && !session.connected) {
    session.connected = true;
    delete session.disconnectedAt;
    await ctx.store.putSession(session);
    if (session.entryId) await ctx.store.setQueueConnected(session.entryId, true);
    const conversation = session.conversationId ? await ctx.store.getConversation(session.conversationId) : null;
    if (conversation && !conversation.youthConnected) {
      conversation.youthConnected = true;
      await ctx.store.putConversation(conversation);
      ctx.push.staff({ conversationWatchers: conversation }, 'conversation:youth', { conversationId: conversation.conversationId, connected: true });
    }
    ctx.logger.info('youth.still_connected');
  }
  return true;
}

/**
 * The last socket of this session dropped: keep everything for the resume window. The tab may
 * reconnect while this runs; the sockets are counted again after "away" is written, so a connected
 * young person is never left marked as dropped (and never loses their place for it).
 */
export async function youthDisconnected(ctx: ChatContext, sessionKey: string): Promise<void> {
  if ((await ctx.push.youthSockets(sessionKey)) > 0) return;
  const session = await ctx.store.getSession(sessionKey);
  if (!session) return;
  session.connected = false;
  session.disconnectedAt = ctx.now();
  await ctx.store.putSession(session);
  ctx.logger.info('youth.away', { phase: session.phase });
  if (session.phase === 'chatting' && session.conversationId) {
    const conversation = await ctx.store.getConversation(session.conversationId);
    if (conversation) {
      conversation.youthConnected = false;
      await ctx.store.putConversation(conversation);
      ctx.push.staff({ conversationWatchers: conversation }, 'conversation:youth', { conversationId: conversation.conversationId, connected: false });
    }
  } else if (session.entryId) {
    // Their turn is kept, but counsellors are offered connected young people first.
    await ctx.store.setQueueConnected(session.entryId, false);
  }
  await youthStillConnected(ctx, sessionKey);
  if (session.phase !== 'chatting') await broadcastQueue(ctx);
}

/**
 * Sessions whose connection stayed away longer than the resume window end now. Someone who was
 * never answered gets the shorter window: their place is free again soon, and a burst of sockets
 * that join and vanish cannot keep the chat "busy".
 */
export async function expireAwaySessions(ctx: ChatContext): Promise<void> {
  const now = ctx.now();
  const shortest = Math.min(ctx.config.resumeWindowMs, ctx.config.queuedResumeWindowMs);
  for (const session of await ctx.store.disconnectedSessions(now - shortest)) {
    const window = session.conversationId ? ctx.config.resumeWindowMs : ctx.config.queuedResumeWindowMs;
    if ((session.disconnectedAt ?? now) > now - window) continue;
    if (await youthStillConnected(ctx, session.sessionKey)) continue;
    const conversation = session.conversationId ? await ctx.store.getConversation(session.conversationId) : null;
    if (session.phase === 'queued' && session.entryId) {
      await ctx.store.removeFromQueue(session.entryId);
      // They stopped waiting when the connection went, not when the resume window ran out.
      if (!conversation) ctx.indicators.abandoned(seconds((session.disconnectedAt ?? now) - session.requestedAt));
    }
    if (conversation) {
      await endConversation(ctx, conversation, 'expired', { feedback: false });
    } else {
      await ctx.store.deleteSession(session.sessionKey);
      await broadcastQueue(ctx);
    }
    ctx.logger.info('youth.expired', { phase: session.phase });
  }
}
