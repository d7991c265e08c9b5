import type { OpeningSchedule } from '../../../shared/schedule.ts';

/**
 * View models shared by the chat islands. These are what the UI renders, not what travels over
 * the wire: the wire types live in shared/protocol/ and are mapped onto these in one place
 * per island.
 */
export interface ChatLine {
  /** Stable id, so a resumed conversation can merge history without duplicates. */
  id: string;
  from: 'youth' | 'counsellor' | 'notice';
  /** Display name of the sender (counsellor's first name); empty for the young person and notices. */
  name?: string;
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

/** Merge lines by id, keeping order by time; a resume sends history again. */
export function mergeLines(current: ChatLine[], incoming: ChatLine[]): ChatLine[] {
  const byId = new Map(current.map((line) => [line.id, line]));
  for (const line of incoming) byId.set(line.id, line);
  return [...byId.values()].sort((a, b) => a.at - b.at);
}
