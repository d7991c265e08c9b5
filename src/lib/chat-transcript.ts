import { translator } from '../../shared/i18n/fill.ts';
import { chatStrings } from '../../shared/i18n/nl/chat.ts';
import { saveFile } from './download.ts';

const t = translator(chatStrings);

/**
 * "Bewaar dit gesprek": the transcript as plain text, made in the browser and saved on the young
 * person's own device. The server never sees this file.
 */
export interface TranscriptLine {
  /** Who said it, as shown in the chat ("Jij", the counsellor's first name, "Melding"). */
  who: string;
  text: string;
  /** Epoch milliseconds. */
  at: number;
}

const stamp = (ms: number, timeZone: string, withDate: boolean) =>
  new Intl.DateTimeFormat('nl-NL', {
    timeZone,
    ...(withDate ? { day: 'numeric', month: 'long', year: 'numeric' } : {}),
    hour: '2-digit',
    minute: '2-digit',
  }).format(ms);

export function transcriptText(lines: TranscriptLine[], opts: { cjgName: string; now: number; timeZone: string }): string {
  const header = t('chat.save.header', { cjg: opts.cjgName, date: stamp(opts.now, opts.timeZone, true) });
  const body = lines.map((line) => `[${stamp(line.at, opts.timeZone, false)}] ${line.who}: ${line.text.replace(/\r\n?/g, '\n')}`);
  // CRLF so the file opens cleanly in Notepad too.
  return [header, '', ...body, ''].join('\r\n');
}

/** "cjg-chat-2026-11-22.txt": the date only, nothing about the topic, in case someone sees the file. */
export function transcriptFilename(now: number, timeZone: string): string {
  const date = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  return t('chat.save.filename', { date });
}

export function downloadText(text: string, filename: string): void {
  saveFile(new Blob([text], { type: 'text/plain;charset=utf-8' }), filename);
}
