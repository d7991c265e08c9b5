import { describe, expect, test } from 'vitest';
import type { ChatMessage } from '../../shared/protocol/events.ts';
import {
  conversationState,
  freeSlot,
  listOrder,
  slotTarget,
  withSlotRule,
  youthTurn,
  type ConsoleConversation,
} from '../../src/components/chat/console-types.ts';
import { mergeLines, messageToLine } from '../../src/components/chat/types.ts';

const at = 1_780_000_000_000;

describe('one message-line mapper for both sides', () => {
  test('messages keep their id and time; a colleague who stepped in is marked', () => {
    expect(messageToLine({ seq: 1, id: 'a1', at, from: 'youth', text: 'hoi' })).toEqual({ id: 'a1', at, from: 'youth', text: 'hoi' });
    expect(messageToLine({ seq: 2, id: 'a2', at, from: 'counsellor', name: 'Sam', text: 'hallo' })).toEqual({
      id: 'a2',
      at,
      from: 'counsellor',
      name: 'Sam',
      text: 'hallo',
    });
    expect(messageToLine({ seq: 3, id: 'a3', at, from: 'counsellor', name: 'Petra', text: 'ik help mee', colleague: true })).toMatchObject({
      name: 'Petra',
      colleague: true,
    });
  });
  test('every notice has its own Dutch line; reading along is said in neutral words', () => {
    const notice = (n: Extract<ChatMessage, { from: 'system' }>['notice'], name?: string) =>
      messageToLine({ seq: 1, id: 'n', at, from: 'system', notice: n, ...(name ? { name } : {}) }).text;
    expect(notice('counsellorJoined', 'Sam')).toBe('Sam praat nu met je.');
    expect(notice('transferred', 'Mo')).toContain('Mo');
    expect(notice('requeued')).toContain('vooraan in de rij');
    expect(notice('colleagueReading')).toBe('Een collega leest mee om je zo goed mogelijk te helpen.');
    expect(notice('colleagueStopped')).toBe('De collega leest niet meer mee.');
    expect(notice('counsellorJoined')).toBe('Medewerker praat nu met je.');
  });
  test('a resumed history merges without doubles, in time order', () => {
    const a = messageToLine({ seq: 1, id: 'x', at, from: 'youth', text: 'een' });
    const b = messageToLine({ seq: 2, id: 'y', at: at + 5, from: 'youth', text: 'twee' });
    expect(mergeLines([b], [a, b]).map((l) => l.text)).toEqual(['een', 'twee']);
  });
});

const conversation = (lines: ConsoleConversation['lines'], extra: Partial<ConsoleConversation> = {}): ConsoleConversation => ({
  id: 'c',
  number: 1,
  topic: null,
  ageBand: null,
  startedAt: at,
  lines,
  youthTyping: false,
  youthConnected: true,
  flagged: false,
  danger: false,
  readOnly: false,
  unread: 0,
  slot: 1,
  error: '',
  ...extra,
});

describe('Alt + 1 … 9 stay with their conversation', () => {
  type Card = { id: string; slot: number | null; ended?: ConsoleConversation['ended'] };
  /** Takes a conversation the way the console does: the lowest free number. */
  const take = (list: Card[], id: string): Card[] => [...list, { id, slot: freeSlot(list) }];
  const end = (list: Card[], id: string, how: ConsoleConversation['ended']): Card[] => list.map((c) => (c.id === id ? withSlotRule({ ...c, ended: how }) : c));

  test('handing on number 1 keeps 2 and 3 where they were, and the next one taken gets 1', () => {
    let list = take(take(take([], 'j1'), 'j2'), 'j3');
    expect(list.map((c) => c.slot)).toEqual([1, 2, 3]);
    list = end(list, 'j1', 'transferred');
    expect(slotTarget(list, 2)?.id).toBe('j2');
    expect(slotTarget(list, 3)?.id).toBe('j3');
    expect(slotTarget(list, 1)).toBeUndefined();
    list = take(list, 'j4');
    expect(slotTarget(list, 1)?.id).toBe('j4');
    // Listed as the keys read: Alt 1 (j4) above Alt 2 and Alt 3 (newcomer review 14-3, m2).
    expect(listOrder(list).map((c) => c.id)).toEqual(['j4', 'j2', 'j3', 'j1']);
  });

  test('an ended or requeued conversation frees its number at once; ten at once leaves the tenth without one', () => {
    let list: Card[] = [];
    for (let i = 1; i <= 10; i += 1) list = take(list, `j${i}`);
    expect(list.at(-1)?.slot).toBeNull();
    expect(freeSlot(list)).toBeNull();
    list = end(list, 'j5', 'youth');
    list = end(list, 'j2', 'requeued');
    expect(list.find((c) => c.id === 'j5')?.slot).toBeNull();
    expect(freeSlot(list)).toBe(2);
    expect(slotTarget(list, 5)).toBeUndefined();
    expect(slotTarget(list, 9)?.id).toBe('j9');
  });
});

describe('what the conversation list shows', () => {
  const youth = (text: string, t: number) => ({ id: text, from: 'youth' as const, text, at: t });
  const counsellor = (text: string, t: number) => ({ id: text, from: 'counsellor' as const, name: 'Sam', text, at: t });
  const notice = (text: string, t: number) => ({ id: text, from: 'notice' as const, text, at: t });

  test('the young person had the last word: waiting on me, since their last line (notices do not count)', () => {
    const c = conversation([counsellor('hoi', at), youth('help', at + 10), notice('verbinding weg', at + 20)]);
    expect(youthTurn(c)).toEqual({ lastYouthAt: at + 10, waitingOnMe: true });
  });
  test('answered, ended or only reading along: not waiting on me', () => {
    expect(youthTurn(conversation([youth('help', at), counsellor('ik ben er', at + 1)])).waitingOnMe).toBe(false);
    expect(youthTurn(conversation([youth('help', at)], { ended: 'youth' })).waitingOnMe).toBe(false);
    expect(youthTurn(conversation([youth('help', at)], { readOnly: true })).waitingOnMe).toBe(false);
    expect(youthTurn(conversation([]))).toEqual({ lastYouthAt: null, waitingOnMe: false });
  });
  test('the state word: how it ended, or that the young person is away', () => {
    expect(conversationState(conversation([], { ended: 'quickExit' }))).toBe('weg met "Snel weg"');
    expect(conversationState(conversation([], { ended: 'counsellor' }))).toBe('beëindigd');
    expect(conversationState(conversation([], { ended: 'transferred' }))).toBe('overgedragen');
    expect(conversationState(conversation([], { youthConnected: false }))).toBe('verbinding weg');
    expect(conversationState(conversation([]))).toBe('');
  });
});
