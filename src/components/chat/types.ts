import type { OpeningSchedule } from '../../../shared/schedule.ts';

/**
 * View models shared by the chat islands. These are what the UI renders, not what travels over
 * the wire: the wire types live in shared/protocol/ and are mapped onto these in one place,
 * `messageToLine`, used by both sides.
 */
import type { ChatMessage, NoticeCode } from '../../../shared/protocol/events.ts';
import { t } from './strings.ts';

export interface ChatLine {
  /** Stable id, so a resumed conversation can merge history without duplicates. */
  id: string;
  from: 'youth' | 'counsellor' | 'notice';
  /** Display name of the sender (counsellor's first name); empty for the young person and notices. */
  name?: string;
  /** Written by a second counsellor who stepped in (a supervisor reading along). */
  colleague?: boolean;
  /** Still in the young person's outbox: shown as "wordt verstuurd". */
  pending?: boolean;
  text: string;
  /** Epoch milliseconds. */
  at: number;
}

export interface LineInfo {
  name: string;
  phone: string;
  when: string;
  url?: string;
  /** Opening hours of a line that is not open day and night; absent = always open. */
  hours?: OpeningSchedule;
}

function noticeText(notice: NoticeCode, name: string): string {
  switch (notice) {
    case 'counsellorJoined':
      return t('chat.conversation.joined', { name });
    case 'transferred':
      return t('chat.notice.transferred', { name });
    case 'requeued':
      return t('chat.notice.requeued');
    case 'colleagueReading':
      return t('chat.notice.colleagueReading');
    case 'colleagueStopped':
      return t('chat.notice.colleagueStopped');
  }
}

/** The one mapping from a protocol message to a line on screen, for the young person and the console alike. */
export function messageToLine(message: ChatMessage): ChatLine {
  const base = { id: message.id, at: message.at };
  if (message.from === 'youth') return { ...base, from: 'youth', text: message.text };
  if (message.from === 'counsellor')
    return { ...base, from: 'counsellor', name: message.name, text: message.text, ...(message.colleague ? { colleague: true } : {}) };
  return { ...base, from: 'notice', text: noticeText(message.notice, message.name ?? t('chat.counsellorFallback')) };
}

/** A line only this screen shows (reconnected, ended …): never sent, never stored. */
let localCounter = 0;
export function localNotice(text: string, at = Date.now()): ChatLine {
  localCounter += 1;
  return { id: `lokaal-${at}-${localCounter}`, from: 'notice', text, at };
}

/** Merge lines by id, keeping order by time; a resume sends history again. */
export function mergeLines(current: ChatLine[], incoming: ChatLine[]): ChatLine[] {
  const byId = new Map(current.map((line) => [line.id, line]));
  for (const line of incoming) byId.set(line.id, line);
  return [...byId.values()].sort((a, b) => a.at - b.at);
}
