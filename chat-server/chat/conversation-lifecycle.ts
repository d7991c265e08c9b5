/**
 * Starting, handing on and ending conversations. Shared by the youth and staff handlers and the
 * sweep, so a conversation ends the same way whoever ends it: both sides told, the counsellor's
 * slot freed, messages deleted, one aggregate counted.
 */
import type { EndedBy, NoticeCode } from '../../shared/protocol/events.ts';
import { FEEDBACK_WINDOW_MS } from '../../shared/protocol/limits.ts';
import type { Conversation, Presence } from '../store/types.ts';
import { broadcastFlags, broadcastQueue, broadcastTeam } from './broadcast.ts';
import { newId, seconds, type ChatContext } from './context.ts';

export async function postNotice(ctx: ChatContext, conversation: Conversation, notice: NoticeCode, name?: string): Promise<void> {
  const stored = await ctx.store.appendMessage(conversation.conversationId, {
    from: 'system',
    at: ctx.now(),
    notice,
    ...(name ? { name } : {}),
  });
  if (!stored) return;
  ctx.push.youth(conversation.sessionKey, 'message', stored.message);
  ctx.push.staff({ conversationWatchers: conversation }, 'message', { conversationId: conversation.conversationId, message: stored.message });
}

async function releaseSlot(ctx: ChatContext, counsellorKey: string | null, conversationId: string): Promise<Presence | null> {
  if (!counsellorKey) return null;
  const presence = await ctx.store.getPresence(counsellorKey);
  if (!presence) return null;
  presence.conversationIds = presence.conversationIds.filter((id) => id !== conversationId);
  await ctx.store.putPresence(presence);
  return presence;
}

export interface EndOptions {
  /** Give the young person a one-time satisfaction ticket. */
  feedback: boolean;
}

/**
 * Ends a conversation for good: tells the counsellor, readers and every tab of the young person
 * (with the feedback ticket, if any); deletes the conversation with its messages and the young person's session.
 * Returns the feedback ticket, if one was made.
 */
export async function endConversation(ctx: ChatContext, conversation: Conversation, by: EndedBy, { feedback }: EndOptions): Promise<string | undefined> {
  const now = ctx.now();
  let feedbackId: string | undefined;
  if (feedback) {
    feedbackId = newId();
    await ctx.store.putFeedbackTicket(feedbackId, now + FEEDBACK_WINDOW_MS);
  }
  ctx.push.staff({ conversationWatchers: conversation }, 'conversation:ended', { conversationId: conversation.conversationId, by });
  ctx.push.youth(conversation.sessionKey, 'conversation:ended', { by, ...(feedbackId ? { feedbackId } : {}) });
  for (const observer of conversation.observers) ctx.push.observe(observer, conversation.conversationId, false);
  await releaseSlot(ctx, conversation.counsellorKey, conversation.conversationId);
  await ctx.store.deleteConversation(conversation.conversationId);
  await ctx.store.deleteSession(conversation.sessionKey);
  ctx.indicators.ended(seconds(now - conversation.startedAt));
  ctx.logger.info('conversation.ended', { by, minutes: Math.round((now - conversation.startedAt) / 60_000) });
  if (conversation.flagged) await broadcastFlags(ctx);
  await broadcastTeam(ctx);
  await broadcastQueue(ctx);
  return feedbackId;
}

/**
 * Puts a conversation back at the front of the queue, history and all: the next counsellor reads
 * what was said. The young person sees one short notice.
 */
export async function requeueConversation(ctx: ChatContext, conversation: Conversation, reason: 'handedBack' | 'counsellorGone'): Promise<void> {
  const session = await ctx.store.getSession(conversation.sessionKey);
  if (!session) {
    await endConversation(ctx, conversation, 'expired', { feedback: false });
    return;
  }
  const previous = conversation.counsellorKey;
  ctx.push.staff({ conversationWatchers: conversation }, 'conversation:ended', { conversationId: conversation.conversationId, by: 'requeued' });
  await releaseSlot(ctx, previous, conversation.conversationId);
  for (const observer of conversation.observers) ctx.push.observe(observer, conversation.conversationId, false);
  conversation.observers = [];
  conversation.counsellorKey = null;
  conversation.counsellorName = null;
  await ctx.store.putConversation(conversation);
  const entryId = newId();
  await ctx.store.enqueue({
    entryId,
    sessionKey: session.sessionKey,
    joinedAt: ctx.now(),
    topic: session.topic,
    ageBand: session.ageBand,
    requeued: true,
    conversationId: conversation.conversationId,
    flagged: conversation.flagged,
    danger: conversation.dangerAt !== undefined,
    number: conversation.number,
    connected: session.connected,
  });
  session.phase = 'queued';
  session.entryId = entryId;
  await ctx.store.putSession(session);
  await postNotice(ctx, conversation, 'requeued');
  ctx.logger.info('conversation.requeued', { reason });
  await broadcastTeam(ctx);
  await broadcastQueue(ctx);
  // Supervisors' "Zorgelijke gesprekken" says it waits in the queue now, not who had it.
  if (conversation.flagged) await broadcastFlags(ctx);
}
