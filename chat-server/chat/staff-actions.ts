/** What counsellors and supervisors can do, and what happens when they come and go. */
import type { Ack, ConversationView, CrisisLineView, StaffSessionState } from '../../shared/protocol/events.ts';
import { RATE_LIMITS, type StaffRole } from '../../shared/protocol/limits.ts';
import type { Conversation, Presence } from '../store/types.ts';
import { accountKey } from '../accounts/account-file.ts';
import { broadcastFlags, broadcastQueue, broadcastTeam } from './broadcast.ts';
import { newId, seconds, type ChatContext } from './context.ts';
import { endConversation, postNotice, requeueConversation } from './conversation-lifecycle.ts';
import { fail, networkBlockKey, sessionBlockKey } from './youth-actions.ts';
import { chatStatus, conversationView, flagView, flagViews, queueViews, teamView } from './views.ts';
import { localParts } from '../../shared/time-zone.ts';

export interface StaffIdentity {
  key: string;
  name: string;
  role: StaffRole;
}

const DAY_MS = 24 * 60 * 60_000;

/** The chat's calendar day (YYYY-MM-DD in its time zone): "Jongere 1" is the day's first conversation. */
function dayKey(now: number, timeZone: string): string {
  const { year, month, day } = localParts(now, timeZone);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

async function ownConversation(ctx: ChatContext, me: StaffIdentity, conversationId: string): Promise<Conversation | Ack<never>> {
  const conversation = await ctx.store.getConversation(conversationId);
  if (!conversation) return fail('conversation_unknown');
  if (conversation.counsellorKey !== me.key) return fail('not_yours');
  return conversation;
}
const isAck = (value: Conversation | Ack<never>): value is Ack<never> => 'ok' in value;

export async function takeConversation(ctx: ChatContext, me: StaffIdentity, entryId?: string): Promise<Ack<{ conversation: ConversationView }>> {
  const presence = await presenceOf(ctx, me);
  if (presence.conversationIds.length >= presence.maxConversations) return fail('limit');
  const now = ctx.now();
  for (;;) {
    const entry = await ctx.store.takeFromQueue(entryId);
    if (!entry) return fail(entryId ? 'entry_gone' : 'queue_empty');
    const session = await ctx.store.getSession(entry.sessionKey);
    if (!session) {
      // Left between listing and taking: try the next one, unless a specific one was chosen.
      if (entryId) return fail('entry_gone');
      continue;
    }
    const existing = entry.conversationId ? await ctx.store.getConversation(entry.conversationId) : null;
    const conversation: Conversation = existing ?? {
      conversationId: newId(),
      sessionKey: session.sessionKey,
      counsellorKey: null,
      counsellorName: null,
      requestedAt: session.requestedAt,
      startedAt: now,
      topic: session.topic,
      ageBand: session.ageBand,
      youthConnected: session.connected,
      flagged: false,
      observers: [],
      number: await ctx.store.nextNumber(dayKey(now, ctx.config.schedule.timeZone)),
    };
    conversation.counsellorKey = me.key;
    conversation.counsellorName = me.name;
    conversation.youthConnected = session.connected;
    await ctx.store.putConversation(conversation);
    session.phase = 'chatting';
    session.conversationId = conversation.conversationId;
    delete session.entryId;
    await ctx.store.putSession(session);
    presence.conversationIds.push(conversation.conversationId);
    await ctx.store.putPresence(presence);

    ctx.push.youth(session.sessionKey, 'conversation:started', { counsellorName: me.name });
    await postNotice(ctx, conversation, existing ? 'transferred' : 'counsellorJoined', me.name);
    if (!existing) {
      const waited = now - session.requestedAt;
      ctx.indicators.started(seconds(waited));
      await ctx.store.recordAnswer(now, waited);
      ctx.logger.info('conversation.started', { waitSeconds: seconds(waited) });
    } else {
      ctx.logger.info('conversation.resumed_from_queue', { waitSeconds: seconds(now - entry.joinedAt) });
    }
    await broadcastQueue(ctx);
    await broadcastTeam(ctx);
    // A flagged conversation taken from the queue again: supervisors see who has it now.
    if (conversation.flagged) await broadcastFlags(ctx);
    // Every console of this counsellor (a second tab, the laptop) shows the conversation, not only this one.
    const view = await conversationView(ctx, conversation);
    ctx.push.staff({ counsellor: me.key }, 'conversation:assigned', { conversation: view, reason: 'taken' });
    return { ok: true, conversation: view };
  }
}

/**
 * The counsellor's own conversation, or one a supervisor reads along with: a supervisor may step in,
 * and the message is marked as from a second counsellor so nobody mistakes who is talking.
 */
async function writableConversation(
  ctx: ChatContext,
  me: StaffIdentity,
  conversationId: string,
): Promise<{ conversation: Conversation; colleague: boolean } | Ack<never>> {
  const conversation = await ctx.store.getConversation(conversationId);
  if (!conversation) return fail('conversation_unknown');
  if (conversation.counsellorKey === me.key) return { conversation, colleague: false };
  if (me.role === 'supervisor' && conversation.observers.includes(me.key)) return { conversation, colleague: true };
  return fail('not_yours');
}

export async function sendStaffMessage(
  ctx: ChatContext,
  me: StaffIdentity,
  conversationId: string,
  text: string,
  clientId?: string,
): Promise<Ack<{ id: string; seq: number }>> {
  const writable = await writableConversation(ctx, me, conversationId);
  if ('ok' in writable) return writable;
  const { conversation, colleague } = writable;
  const { burst, perSecond } = RATE_LIMITS.staffMessages;
  const bucket = await ctx.store.takeToken(`sm:${me.key}`, burst, perSecond, ctx.now());
  if (!bucket.ok) return fail('rate_limited', { retryAfterMs: bucket.retryAfterMs });
  const message = { from: 'counsellor' as const, name: me.name, at: ctx.now(), text, ...(colleague ? { colleague: true as const } : {}) };
  const stored = await ctx.store.appendMessage(conversationId, message, clientId);
  if (!stored) return fail('conversation_unknown');
  if (!stored.duplicate) {
    ctx.push.youth(conversation.sessionKey, 'message', stored.message);
    ctx.push.staff({ conversationWatchers: conversation }, 'message', { conversationId, message: stored.message });
  }
  return { ok: true, id: stored.message.id, seq: stored.message.seq };
}

export async function staffTyping(ctx: ChatContext, me: StaffIdentity, conversationId: string, typing: boolean): Promise<void> {
  const conversation = await ctx.store.getConversation(conversationId);
  if (conversation?.counsellorKey === me.key) ctx.push.youth(conversation.sessionKey, 'typing', { typing });
}

export async function endByCounsellor(ctx: ChatContext, me: StaffIdentity, conversationId: string): Promise<Ack> {
  const conversation = await ownConversation(ctx, me, conversationId);
  if (isAck(conversation)) return conversation;
  await endConversation(ctx, conversation, 'counsellor', { feedback: true });
  return { ok: true };
}

export async function transferConversation(ctx: ChatContext, me: StaffIdentity, conversationId: string, to?: string, note?: string): Promise<Ack> {
  const conversation = await ownConversation(ctx, me, conversationId);
  if (isAck(conversation)) return conversation;
  // The note replaces an earlier one (which was for this counsellor) and ends with the conversation.
  if (note) conversation.handover = { from: me.name, note, at: ctx.now() };
  else delete conversation.handover;
  if (to === undefined) {
    await requeueConversation(ctx, conversation, 'handedBack');
    ctx.indicators.transferred();
    return { ok: true };
  }
  const colleagueKey = accountKey(to);
  if (colleagueKey === me.key) return fail('transfer_to_self');
  const colleague = await ctx.store.getPresence(colleagueKey);
  if (!colleague?.online || !colleague.available || colleague.conversationIds.length >= colleague.maxConversations) return fail('colleague_unknown');
  const mine = await ctx.store.getPresence(me.key);
  if (mine) {
    mine.conversationIds = mine.conversationIds.filter((id) => id !== conversationId);
    await ctx.store.putPresence(mine);
  }
  colleague.conversationIds.push(conversationId);
  await ctx.store.putPresence(colleague);
  ctx.push.staff({ counsellor: me.key }, 'conversation:ended', { conversationId, by: 'transferred' });
  conversation.counsellorKey = colleague.counsellorKey;
  conversation.counsellorName = colleague.name;
  await ctx.store.putConversation(conversation);
  ctx.push.youth(conversation.sessionKey, 'conversation:started', { counsellorName: colleague.name });
  await postNotice(ctx, conversation, 'transferred', colleague.name);
  ctx.push.staff({ counsellor: colleague.counsellorKey }, 'conversation:assigned', {
    conversation: await conversationView(ctx, conversation),
    reason: 'transferred',
  });
  ctx.indicators.transferred();
  ctx.logger.info('conversation.transferred', { to: 'colleague', withNote: Boolean(note) });
  if (conversation.flagged) await broadcastFlags(ctx);
  await broadcastTeam(ctx);
  return { ok: true };
}

/**
 * Blocks an abusive young person. Two keys, on purpose:
 * - the session (hash of the tab's token) for a full day: that tab cannot come back;
 * - the network (keyed hash of the address, secret rotated daily) only briefly, because a whole
 *   school or family shares one address: 15 minutes at first, doubling on each further block of the
 *   same network that day, capped at 2 hours. It only stops NEW queue joins; classmates already
 *   waiting or talking on that network are not touched. The raw address is never stored.
 */
export async function blockConversation(ctx: ChatContext, me: StaffIdentity, conversationId: string): Promise<Ack> {
  const conversation = await ownConversation(ctx, me, conversationId);
  if (isAck(conversation)) return conversation;
  const now = ctx.now();
  const session = await ctx.store.getSession(conversation.sessionKey);
  await ctx.store.putBlock(sessionBlockKey(conversation.sessionKey), now + Math.min(ctx.config.sessionBlockMs, DAY_MS));
  let networkMinutes = 0;
  if (session) {
    const times = await ctx.store.countBlock(networkBlockKey(session.networkKey), now, DAY_MS);
    const duration = Math.min(ctx.config.networkBlockMs * 2 ** (times - 1), ctx.config.networkBlockMaxMs, DAY_MS);
    await ctx.store.putBlock(networkBlockKey(session.networkKey), now + duration);
    networkMinutes = Math.round(duration / 60_000);
  }
  await endConversation(ctx, conversation, 'blocked', { feedback: false });
  ctx.logger.info('conversation.blocked', { networkMinutes });
  return { ok: true };
}

export async function flagConversation(ctx: ChatContext, me: StaffIdentity, conversationId: string): Promise<Ack<{ crisisLines: CrisisLineView[] }>> {
  const conversation = await ownConversation(ctx, me, conversationId);
  if (isAck(conversation)) return conversation;
  if (!conversation.flagged) {
    conversation.flagged = true;
    conversation.flaggedAt = ctx.now();
    conversation.flaggedBy = me.name;
    await ctx.store.putConversation(conversation);
    ctx.indicators.flagged();
    ctx.logger.info('conversation.flagged');
    ctx.push.staff('supervisors', 'flag:alert', flagView(conversation));
    ctx.push.staff({ conversationWatchers: conversation }, 'conversation:flagged', { conversationId, flagged: true });
    await broadcastFlags(ctx);
  }
  return { ok: true, crisisLines: ctx.config.crisisLines };
}

export async function observeConversation(
  ctx: ChatContext,
  me: StaffIdentity,
  conversationId: string,
  observe: true,
): Promise<Ack<{ conversation: ConversationView }>>;
export async function observeConversation(ctx: ChatContext, me: StaffIdentity, conversationId: string, observe: false): Promise<Ack>;
export async function observeConversation(
  ctx: ChatContext,
  me: StaffIdentity,
  conversationId: string,
  observe: boolean,
): Promise<Ack<{ conversation: ConversationView }> | Ack> {
  if (me.role !== 'supervisor') return fail('supervisor_only');
  const conversation = await ctx.store.getConversation(conversationId);
  if (!conversation) return fail('conversation_unknown');
  // The README promises reading along with "zorgelijk" chats only; knowing an id is not enough.
  if (observe && !conversation.flagged) return fail('not_flagged');
  const others = conversation.observers.filter((key) => key !== me.key);
  const wasReading = others.length < conversation.observers.length;
  conversation.observers = observe ? [...others, me.key] : others;
  await ctx.store.putConversation(conversation);
  ctx.push.observe(me.key, conversationId, observe);
  // Transparency: the young person is told, in neutral words, whenever someone starts or stops reading along.
  if (!observe) {
    if (wasReading) await postNotice(ctx, conversation, 'colleagueStopped');
    return { ok: true };
  }
  if (!wasReading) await postNotice(ctx, conversation, 'colleagueReading');
  ctx.logger.info('conversation.observed');
  return { ok: true, conversation: await conversationView(ctx, conversation, true) };
}

export async function setAvailable(ctx: ChatContext, me: StaffIdentity, available: boolean): Promise<Ack> {
  const presence = await presenceOf(ctx, me);
  // Nothing changed: no broadcast, so repeating the event cannot keep the whole team busy.
  if (presence.available === available) return { ok: true };
  presence.available = available;
  await ctx.store.putPresence(presence);
  // One counsellor, one status: every console of theirs shows it (a pause in one tab is a pause).
  ctx.push.staff({ counsellor: me.key }, 'presence:update', { available });
  await broadcastTeam(ctx);
  await broadcastQueue(ctx);
  return { ok: true };
}

/**
 * The presence of a counsellor who has a connected, authorised console (every staff event passed the
 * login check first). A record that went missing (released by a sweep that raced a reconnect) is made
 * again, so a connected console never hears "log opnieuw in" and is always counted.
 */
async function presenceOf(ctx: ChatContext, me: StaffIdentity, connecting = false): Promise<Presence> {
  const found = await ctx.store.getPresence(me.key);
  if (found) return found;
  const presence: Presence = {
    counsellorKey: me.key,
    name: me.name,
    role: me.role,
    available: true,
    online: true,
    maxConversations: ctx.config.maxConversationsPerCounsellor,
    conversationIds: [],
  };
  await ctx.store.putPresence(presence);
  if (!connecting) ctx.logger.info('staff.presence_restored');
  return presence;
}

export async function staffConnected(ctx: ChatContext, me: StaffIdentity): Promise<StaffSessionState> {
  const presence = await presenceOf(ctx, me, true);
  const wasAway = !presence.online;
  presence.online = true;
  presence.role = me.role;
  delete presence.disconnectedAt;
  await ctx.store.putPresence(presence);
  if (wasAway) ctx.logger.info('staff.resumed', { conversations: presence.conversationIds.length });
  const conversations: ConversationView[] = [];
  for (const id of presence.conversationIds) {
    const conversation = await ctx.store.getConversation(id);
    if (conversation) conversations.push(await conversationView(ctx, conversation));
  }
  const observing: ConversationView[] = [];
  for (const conversation of await ctx.store.listConversations()) {
    if (conversation.observers.includes(me.key)) {
      ctx.push.observe(me.key, conversation.conversationId, true);
      observing.push(await conversationView(ctx, conversation, true));
    }
  }
  await broadcastTeam(ctx);
  await broadcastQueue(ctx);
  return {
    me: { name: me.name, role: me.role },
    available: presence.available,
    maxConversations: presence.maxConversations,
    conversations,
    observing,
    queue: await queueViews(ctx),
    team: await teamView(ctx),
    flags: me.role === 'supervisor' ? await flagViews(ctx) : [],
    crisisLines: ctx.config.crisisLines,
    status: await chatStatus(ctx),
  };
}

/** Marks a counsellor online again when a console of theirs is connected after all; true if so. */
async function stillConnected(ctx: ChatContext, counsellorKey: string): Promise<boolean> {
  if ((await ctx.push.staffSockets(counsellorKey)) === 0) return false;
  const presence = await ctx.store.getPresence(counsellorKey);
  if (presence && !presence.online) {
    presence.online = true;
    delete presence.disconnectedAt;
    await ctx.store.putPresence(presence);
    ctx.logger.info('staff.still_connected');
  }
  return true;
}

/**
 * The last socket of a counsellor dropped: their conversations wait a grace period (see the sweep).
 * A console may reconnect while this runs (a reload, a network blip, another tab): the sockets are
 * counted again after "away" is written, so a connected counsellor is never left marked away.
 */
export async function staffDisconnected(ctx: ChatContext, me: StaffIdentity): Promise<void> {
  if ((await ctx.push.staffSockets(me.key)) > 0) return;
  const presence = await ctx.store.getPresence(me.key);
  if (!presence) return;
  presence.online = false;
  presence.disconnectedAt = ctx.now();
  await ctx.store.putPresence(presence);
  ctx.logger.info('staff.away', { conversations: presence.conversationIds.length });
  await stillConnected(ctx, me.key);
  await broadcastTeam(ctx);
  await broadcastQueue(ctx);
}

/** Hands a counsellor's conversations back to the front of the queue and forgets their presence. */
async function releasePresence(ctx: ChatContext, presence: Presence, event: 'staff.gone' | 'staff.account_removed'): Promise<void> {
  for (const id of presence.conversationIds) {
    const conversation = await ctx.store.getConversation(id);
    if (conversation) await requeueConversation(ctx, conversation, 'counsellorGone');
  }
  for (const conversation of await ctx.store.listConversations()) {
    if (conversation.observers.includes(presence.counsellorKey)) {
      conversation.observers = conversation.observers.filter((key) => key !== presence.counsellorKey);
      await ctx.store.putConversation(conversation);
    }
  }
  await ctx.store.deletePresence(presence.counsellorKey);
  ctx.logger.info(event, { requeued: presence.conversationIds.length });
  await broadcastTeam(ctx);
}

/** Counsellors away longer than the grace period: their conversations go to the front of the queue. */
export async function releaseGoneCounsellors(ctx: ChatContext): Promise<void> {
  const now = ctx.now();
  for (const presence of await ctx.store.listPresence()) {
    if (presence.online || (presence.disconnectedAt ?? now) > now - ctx.config.counsellorGraceMs) continue;
    if (await stillConnected(ctx, presence.counsellorKey)) {
      await broadcastTeam(ctx);
      continue;
    }
    await releasePresence(ctx, presence, 'staff.gone');
  }
}

/**
 * Compares every presence with the account list as it is now (not with "did the file change",
 * which any login attempt already answered): a removed account loses every login session and its
 * conversations go back to the queue at once, without waiting for a grace period.
 */
export async function releaseRemovedAccounts(ctx: ChatContext): Promise<void> {
  for (const presence of await ctx.store.listPresence()) {
    if (ctx.accounts.get(presence.counsellorKey)) continue;
    for (const hash of await ctx.store.deleteStaffSessionsOf(presence.counsellorKey)) ctx.push.endLogin(hash);
    await releasePresence(ctx, presence, 'staff.account_removed');
  }
}
