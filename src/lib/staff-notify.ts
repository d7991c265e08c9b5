/**
 * How the console gets a counsellor's attention when they look elsewhere: the tab title, a short
 * sound made in the browser (no file to fetch) and, after they opted in, a desktop notification.
 * Notifications never carry message text: a screen others can see must not show what a young
 * person wrote.
 */
import { translator } from '../../shared/i18n/fill.ts';
import { consoleStrings } from '../../shared/i18n/nl/console.ts';
import { werkplekStrings } from '../../shared/i18n/nl/werkplek.ts';

const t = translator({ ...werkplekStrings, ...consoleStrings });

export interface AttentionCounts {
  waiting: number;
  waitingOnMe: number;
  /** Flagged conversations a supervisor has not acknowledged yet. */
  unacknowledgedFlags: number;
  /** Flagged questions ("Stel je vraag") a supervisor has not acknowledged yet. */
  unacknowledgedQuestions?: number;
  /** Conversations a colleague handed to me that I have not opened yet. */
  handedToMe?: number;
}

/** The tab title: what needs attention first, then the page's own title. */
export function attentionTitle(counts: AttentionCounts, base: string): string {
  const parts: string[] = [];
  if (counts.unacknowledgedFlags > 0) parts.push(t('werkplek.notify.flag'));
  if ((counts.unacknowledgedQuestions ?? 0) > 0) parts.push(t('werkplek.notify.question'));
  if ((counts.handedToMe ?? 0) > 0) parts.push(t('werkplek.notify.handedToMe', { n: counts.handedToMe ?? 0 }));
  if (counts.waitingOnMe > 0) parts.push(t('werkplek.notify.waiting', { n: counts.waitingOnMe }));
  if (counts.waiting > 0) parts.push(t('werkplek.notify.queue', { n: counts.waiting }));
  return parts.length ? `${parts.join(' · ')} | ${base}` : base;
}

/** A short tone; `urgent` is two higher ones, for a flagged conversation. */
export function beep(audio: AudioContext | null, urgent = false): void {
  if (!audio) return;
  const tones = urgent ? [880, 1100] : [660];
  tones.forEach((frequency, i) => {
    const start = audio.currentTime + i * 0.35;
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.frequency.value = frequency;
    gain.gain.setValueAtTime(0.2, start);
    gain.gain.exponentialRampToValueAtTime(0.001, start + 0.3);
    osc.connect(gain).connect(audio.destination);
    osc.start(start);
    osc.stop(start + 0.3);
  });
}

export type DesktopPermission = 'unsupported' | NotificationPermission;

export function desktopPermission(): DesktopPermission {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

export async function askDesktopPermission(): Promise<DesktopPermission> {
  if (typeof Notification === 'undefined') return 'unsupported';
  return Notification.requestPermission();
}

/**
 * Shows a desktop notification only while this tab is hidden and the counsellor allowed it.
 * `tag` folds repeats into one notification instead of a pile.
 */
export function notifyDesktop(text: string, tag: string, enabled: boolean): void {
  if (!enabled || typeof document === 'undefined' || !document.hidden || desktopPermission() !== 'granted') return;
  const note = new Notification(t('console.pageTitle'), { body: text, tag, silent: true });
  note.onclick = () => {
    window.focus();
    note.close();
  };
}
