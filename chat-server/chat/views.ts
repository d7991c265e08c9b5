/** Turns store records into the shapes the protocol sends (events.ts). */
import type { ChatStatus, ConversationView, FlagView, QueueEntryView, TeamMemberView } from '../../shared/protocol/events.ts';
import { ERROR_MESSAGES } from '../../shared/protocol/errors.ts';
import { formatWait } from '../../shared/chat-wait.ts';
import { t } from '../../shared/i18n/nl.ts';
import type { Conversation, QueueEntry } from '../store/types.ts';
import type { ChatContext } from './context.ts';
import { waitEstimator } from './estimate.ts';
import { chatHours } from './hours.ts';

export async function queueViews(ctx: ChatContext, entries?: QueueEntry[]): Promise<QueueEntryView[]> {
  const now = ctx.now();
  const list = entries ?? (await ctx.store.listQueue());
  // The store lists the queue in the order counsellors are offered it (connected first).
  return list.map((entry, index) => ({
    entryId: entry.entryId,
    position: index + 1,
    joinedAt: entry.joinedAt,
    waitedMs: Math.max(0, now - entry.joinedAt),
    topic: entry.topic,
    ageBand: entry.ageBand,
    requeued: entry.requeued,
    flagged: entry.flagged === true,
    danger: entry.danger === true,
    number: entry.number ?? null,
    connected: entry.connected !== false,
  }));
}

export async function conversationView(ctx: ChatContext, conversation: Conversation, readOnly = false): Promise<ConversationView> {
  return {
    conversationId: conversation.conversationId,
    number: conversation.number,
    counsellorName: conversation.counsellorName ?? '',
    startedAt: conversation.startedAt,
    topic: conversation.topic,
    ageBand: conversation.ageBand,
    youthConnected: conversation.youthConnected,
    flagged: conversation.flagged,
    danger: conversation.dangerAt !== undefined,
    ...(conversation.handover ? { handover: conversation.handover } : {}),
    readOnly,
    messages: await ctx.store.messagesAfter(conversation.conversationId, 0),
  };
}

export async function teamView(ctx: ChatContext): Promise<TeamMemberView[]> {
  return (await ctx.store.listPresence())
    .filter((p) => p.online)
    .map((p) => ({
      name: p.name,
      role: p.role,
      available: p.available,
      conversations: p.conversationIds.length,
      maxConversations: p.maxConversations,
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}

/** A flagged conversation as supervisors see it. */
export function flagView(c: Conversation): FlagView {
  return {
    conversationId: c.conversationId,
    number: c.number,
    topic: c.topic,
    danger: c.dangerAt !== undefined,
    counsellorName: c.counsellorName ?? '',
    flaggedBy: c.flaggedBy ?? c.counsellorName ?? '',
    flaggedAt: c.flaggedAt ?? c.startedAt,
  };
}

export async function flagViews(ctx: ChatContext): Promise<FlagView[]> {
  return (await ctx.store.listConversations())
    .filter((c) => c.flagged)
    .map(flagView)
    .sort((a, b) => a.flaggedAt - b.flaggedAt);
}

/** The live status the static pages show next to the chat button. */
export async function chatStatus(ctx: ChatContext): Promise<ChatStatus> {
  const hours = chatHours(ctx.config, ctx.now());
  if (!hours.open) {
    return {
      state: 'closed',
      ...(hours.opensAt ? { opensAt: hours.opensAt } : {}),
      text: t('chatStatus.closed', { hours: hours.description }),
    };
  }
  // Only who is here counts: dropped places neither make the chat "druk" nor lengthen the estimate.
  const waiting = (await ctx.store.queueCounts()).connected;
  if (waiting >= ctx.config.queueCap) return { state: 'busy', text: ERROR_MESSAGES.busy };
  const wait = (await waitEstimator(ctx))(waiting + 1);
  // No estimate means no counsellor is available right now: say so, rather than promise a quick answer.
  if (wait === null) return { state: 'open', text: t('chatStatus.noCounsellor') };
  return { state: 'open', waitMinutes: wait, text: t('chatStatus.open', { wait: formatWait(wait) }) };
}
