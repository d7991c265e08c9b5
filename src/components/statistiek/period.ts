/** The dashboard's period choices, as day keys in the CJG's time zone. */
import { addDays, dayKey, type DayKey } from '../../../shared/indicators/hour-key.ts';

export type PeriodChoice = 'last7' | 'last30' | 'lastMonth' | 'custom';

export function periodFor(choice: Exclude<PeriodChoice, 'custom'>, now: number, timeZone: string): { van: DayKey; tot: DayKey } {
  const today = dayKey(now, timeZone);
  if (choice === 'last7') return { van: addDays(today, -6), tot: today };
  if (choice === 'last30') return { van: addDays(today, -29), tot: today };
  const firstOfThisMonth = `${today.slice(0, 8)}01`;
  const tot = addDays(firstOfThisMonth, -1);
  return { van: `${tot.slice(0, 8)}01`, tot };
}
