/**
 * Keyboard shortcuts of the counsellors' console. Matched on `code`, not `key`: on a Mac, Alt+N
 * types "˜" and Alt+1 types "¡", but the physical key stays KeyN / Digit1.
 */
export type ConsoleShortcut = { kind: 'next' } | { kind: 'switch'; index: number };

export interface ShortcutKeyEvent {
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  code: string;
}

export function consoleShortcut(event: ShortcutKeyEvent): ConsoleShortcut | null {
  if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return null;
  if (event.code === 'KeyN') return { kind: 'next' };
  const digit = /^(?:Digit|Numpad)([1-9])$/.exec(event.code);
  if (digit) return { kind: 'switch', index: Number(digit[1]) - 1 };
  return null;
}
