/**
 * Dutch names of everything in a report, for the dashboard and the CSV alike. Browser-safe: plain
 * constants only, so the dashboard island can import it.
 */
import { AGE_BANDS, TOPIC_INFO, TOPICS } from '../taxonomy.ts';
import { statistiekStrings } from '../i18n/nl/statistiek.ts';
import { NONE } from './counters.ts';
import type { Cell, Share } from './suppression.ts';

type Key = keyof typeof statistiekStrings;

export function label(key: Key, vars: Record<string, string | number> = {}): string {
  return statistiekStrings[key].replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/** '5-10' → "5–10 min": short enough for a chart axis. */
export function minutesShortLabel(bin: string): string {
  return `${bin.endsWith('+') ? `>${bin.slice(0, -1)}` : bin.startsWith('0-') ? `<${bin.slice(2)}` : bin.replace('-', '–')} min`;
}

/** '5-10' → "5 tot 10 minuten"; '30+' → "meer dan 30 minuten". */
export function minutesLabel(bin: string): string {
  if (bin.endsWith('+')) return label('statistiek.minutesOver', { from: bin.slice(0, -1) });
  const [from, to] = bin.split('-');
  if (from === '0') return label('statistiek.minutesUnder', { to: to });
  return label('statistiek.minutes', { from: from, to: to });
}

/** '4-24h' → "4 tot 24 uur"; '120h+' → "meer dan 120 uur" (time to answer a question). */
export function hoursLabel(bin: string): string {
  if (bin.endsWith('h+')) return label('statistiek.hoursOver', { from: bin.slice(0, -2) });
  const [from, to] = bin.replace(/h$/, '').split('-');
  if (from === '0') return label('statistiek.hoursUnder', { to: to });
  return label('statistiek.hours', { from: from, to: to });
}

export function topicLabel(id: string): string {
  if (id === NONE) return label('statistiek.none');
  const topic = TOPICS.find((t) => t === id);
  return topic ? TOPIC_INFO[topic].label : id;
}

export function ageBandLabel(id: string): string {
  return id === NONE ? label('statistiek.none') : (AGE_BANDS.find((g) => g.id === id)?.label ?? id);
}

export function outcomeLabel(id: string): string {
  return label(`statistiek.outcome.${id}` as Key);
}

export function weekdayLabel(isoWeekday: number): string {
  return label(`statistiek.weekday.${isoWeekday}` as Key);
}

/** 1 → "ma": for a table with a column per weekday on a narrow screen (the full name goes beside it). */
export function weekdayShortLabel(isoWeekday: number): string {
  return label(`statistiek.weekdayShort.${isoWeekday}` as Key);
}

export function cellText(cell: Cell): string {
  return typeof cell === 'number' ? cell.toLocaleString('nl-NL') : cell;
}

export function shareText(share: Share): string {
  if (share.kind === 'hidden') return label('statistiek.share.hidden');
  if (share.kind === 'none') return label('statistiek.share.none');
  if (share.kind === 'between') return label('statistiek.share.between', { low: share.low, high: share.high });
  return label(`statistiek.share.${share.kind}`, { percent: share.percent });
}

/** "1 maart 2026" for a day key. */
export function dayLabel(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}
