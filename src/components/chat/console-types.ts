/** View models of the counsellors' console; the wire types stay in shared/protocol. */
import type { ConversationView, EndedBy, HandoverView, TeamMemberView } from '../../../shared/protocol/events.ts';
import { AGE_BANDS, TOPIC_INFO } from '../../../shared/taxonomy.ts';
import { t } from './console-strings.ts';
import type { ChatLine } from './types.ts';

export interface ConsoleConversation {
  id: string;
  /** "Jongere 3": decided by the server, the same in every console; never anything identifying. */
  number: number;
  topic: ConversationView['topic'];
  ageBand: ConversationView['ageBand'];
  startedAt: number;
  lines: ChatLine[];
  youthTyping: boolean;
  youthConnected: boolean;
  flagged: boolean;
  /** A message of the young person suggested acute danger: "mogelijk acuut gevaar" and the crisis script. */
  danger: boolean;
  /** The note of the counsellor who handed this conversation on. */
  handover?: HandoverView | undefined;
  /** A supervisor reading along. */
  readOnly: boolean;
  /** Set when the conversation left this console; it stays until closed, so nothing vanishes mid-sentence. */
  ended?: EndedBy | 'transferred' | 'requeued';
  unread: number;
  /** Its Alt number (1 … 9) while it is going; null when ended, handed on or all nine were in use. */
  slot: number | null;
  /** Handed to me by a colleague and not opened yet: the tab title says so. */
  handedToMe?: boolean;
  /** Text to put into this conversation's message field (a standaardzin, a card, the crisis lines). */
  insert?: { text: string; key: number };
  error: string;
}

export const topicLabel = (topic: ConversationView['topic']) => (topic ? TOPIC_INFO[topic].label : t('console.queue.noTopic'));
export const ageLabel = (band: ConversationView['ageBand']) => AGE_BANDS.find((g) => g.id === band)?.label ?? t('console.queue.noAge');

/** When the young person last wrote, and whether the last word in the conversation is theirs. */
export function youthTurn(c: ConsoleConversation): { lastYouthAt: number | null; waitingOnMe: boolean } {
  const spoken = c.lines.filter((l) => l.from !== 'notice');
  const lastYouth = spoken.findLast((l) => l.from === 'youth');
  const waitingOnMe = spoken.at(-1)?.from === 'youth' && !c.ended && !c.readOnly;
  return { lastYouthAt: lastYouth?.at ?? null, waitingOnMe };
}

/** The status word of a conversation in the list: ended how, away, or reading along. */
export function conversationState(c: ConsoleConversation): string {
  if (c.ended === 'quickExit') return t('werkplek.mine.quickExit');
  if (c.ended === 'transferred') return t('werkplek.mine.transferred');
  if (c.ended === 'requeued') return t('werkplek.mine.requeued');
  if (c.ended) return t('werkplek.mine.ended');
  if (!c.youthConnected) return t('werkplek.mine.away');
  if (c.readOnly) return t('werkplek.mine.reading');
  return '';
}

/**
 * Colleagues to hand a conversation to, best first: counsellors before supervisors (who watch the
 * whole evening and should not get every transfer by the alphabet), then who has the most room, then by name.
 */
export function transferOrder(colleagues: readonly TeamMemberView[]): TeamMemberView[] {
  const room = (m: TeamMemberView) => m.maxConversations - m.conversations;
  return [...colleagues].sort(
    (a, b) => Number(a.role === 'supervisor') - Number(b.role === 'supervisor') || room(b) - room(a) || a.name.localeCompare(b.name, 'nl'),
  );
}

/** Alt + 1 … Alt + 9. */
export const SLOT_COUNT = 9;

type Slotted = Pick<ConsoleConversation, 'slot' | 'ended'>;

/**
 * The lowest Alt number no conversation still going holds, given when a conversation is taken or
 * received; null when all nine are in use. A number stays with its conversation, so Alt + 2 never
 * opens another young person because a colleague took over number 1.
 */
export function freeSlot(conversations: readonly Slotted[]): number | null {
  const held = new Set(conversations.filter((c) => !c.ended).map((c) => c.slot));
  for (let n = 1; n <= SLOT_COUNT; n += 1) if (!held.has(n)) return n;
  return null;
}

/** The conversation Alt + n opens: only one still going (an ended or handed-on one gave its number up). */
export function slotTarget<C extends Slotted>(conversations: readonly C[], n: number): C | undefined {
  return conversations.find((c) => !c.ended && c.slot === n);
}

/**
 * "Mijn gesprekken" in order: those still going first, in the order of their Alt number (so the list reads
 * as the keys: Alt 1 above Alt 3; one without a number last), ended and handed-on ones after.
 */
export function listOrder<C extends Slotted>(conversations: readonly C[]): C[] {
  const bySlot = (c: C) => c.slot ?? Number.POSITIVE_INFINITY;
  const going = conversations.filter((c) => !c.ended).sort((a, b) => bySlot(a) - bySlot(b));
  return [...going, ...conversations.filter((c) => c.ended)];
}

/**
 * What a conversation looks like after a change: one that ended or was handed on frees its number
 * at once (it stays in the list until closed, without a shortcut).
 */
export function withSlotRule<C extends Slotted>(c: C): C {
  return c.ended && c.slot !== null ? { ...c, slot: null } : c;
}
