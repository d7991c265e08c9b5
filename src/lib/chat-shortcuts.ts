/**
 * Keyboard shortcuts of the counsellors' console: Alt plus one key, so they work while typing in
 * the message field and never clash with text. Matched on `code`, not `key`: on a Mac, Alt+N types
 * "˜" and Alt+1 types "¡", but the physical key stays KeyN / Digit1. The help dialog lists
 * `CONSOLE_SHORTCUTS` in this order, so the list on screen and the behaviour cannot drift apart.
 */
import type { werkplekStrings } from '../../shared/i18n/nl/werkplek.ts';

export type ConsoleAction =
  'next' | 'previous' | 'following' | 'message' | 'phrase' | 'kaart' | 'end' | 'transfer' | 'flag' | 'block' | 'close' | 'queue' | 'ack' | 'help';

export type ConsoleShortcut = { kind: ConsoleAction } | { kind: 'switch'; index: number };

export interface ShortcutKeyEvent {
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  code: string;
}

/** Alt + the physical key → the action. */
const KEYS: Partial<Record<string, ConsoleAction>> = {
  KeyN: 'next',
  ArrowUp: 'previous',
  ArrowDown: 'following',
  KeyM: 'message',
  KeyS: 'phrase',
  KeyK: 'kaart',
  KeyE: 'end',
  KeyO: 'transfer',
  KeyZ: 'flag',
  KeyB: 'block',
  KeyL: 'close',
  KeyW: 'queue',
  KeyG: 'ack',
  KeyH: 'help',
};

export function consoleShortcut(event: ShortcutKeyEvent): ConsoleShortcut | null {
  if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return null;
  const action = KEYS[event.code];
  if (action) return { kind: action };
  const digit = /^(?:Digit|Numpad)([1-9])$/.exec(event.code);
  if (digit) return { kind: 'switch', index: Number(digit[1]) - 1 };
  return null;
}

/** What the help dialog shows: the keys as people press them, and what they do. */
export const CONSOLE_SHORTCUTS: { keys: string; aria: string; label: keyof typeof werkplekStrings }[] = [
  { keys: 'Alt + N', aria: 'Alt+N', label: 'werkplek.key.next' },
  { keys: 'Alt + 1 … 9', aria: 'Alt+1', label: 'werkplek.key.switch' },
  { keys: 'Alt + ↑ / ↓', aria: 'Alt+ArrowUp', label: 'werkplek.key.prevNext' },
  { keys: 'Alt + M', aria: 'Alt+M', label: 'werkplek.key.message' },
  { keys: 'Enter', aria: 'Enter', label: 'werkplek.key.send' },
  { keys: 'Alt + S', aria: 'Alt+S', label: 'werkplek.key.phrase' },
  { keys: 'Alt + K', aria: 'Alt+K', label: 'werkplek.key.kaart' },
  { keys: 'Alt + O', aria: 'Alt+O', label: 'werkplek.key.transfer' },
  { keys: 'Alt + Z', aria: 'Alt+Z', label: 'werkplek.key.flag' },
  { keys: 'Alt + E', aria: 'Alt+E', label: 'werkplek.key.end' },
  { keys: 'Alt + B', aria: 'Alt+B', label: 'werkplek.key.block' },
  { keys: 'Alt + L', aria: 'Alt+L', label: 'werkplek.key.close' },
  { keys: 'Alt + W', aria: 'Alt+W', label: 'werkplek.key.queue' },
  { keys: 'Alt + G', aria: 'Alt+G', label: 'werkplek.key.ack' },
  { keys: 'Alt + H', aria: 'Alt+H', label: 'werkplek.key.help' },
];

/** The aria-keyshortcuts value of an action, for the button that does the same. */
export function ariaShortcut(action: ConsoleAction): string {
  const code = Object.keys(KEYS).find((k) => KEYS[k] === action) ?? '';
  return `Alt+${code.replace(/^Key/, '')}`;
}
