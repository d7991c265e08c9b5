import { describe, expect, test } from 'vitest';
import { consoleShortcut } from '../../src/lib/chat-shortcuts.ts';

const key = (code: string, mods: Partial<{ altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }> = {}) => ({
  altKey: true,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  code,
  ...mods,
});

describe('console shortcuts', () => {
  test('Alt+N takes the next young person', () => {
    expect(consoleShortcut(key('KeyN'))).toEqual({ kind: 'next' });
  });
  test('Alt+1..9 switch conversation, also on the number pad', () => {
    expect(consoleShortcut(key('Digit1'))).toEqual({ kind: 'switch', index: 0 });
    expect(consoleShortcut(key('Numpad9'))).toEqual({ kind: 'switch', index: 8 });
    expect(consoleShortcut(key('Digit0'))).toBeNull();
  });
  test('without Alt, or with another modifier, nothing happens', () => {
    expect(consoleShortcut(key('KeyN', { altKey: false }))).toBeNull();
    expect(consoleShortcut(key('KeyN', { ctrlKey: true }))).toBeNull();
    expect(consoleShortcut(key('Digit2', { shiftKey: true }))).toBeNull();
  });
});

describe('every console action has one shortcut, and the help list names them all', async () => {
  const { CONSOLE_SHORTCUTS, ariaShortcut } = await import('../../src/lib/chat-shortcuts.ts');
  test.each([
    ['KeyE', 'end'],
    ['KeyO', 'transfer'],
    ['KeyZ', 'flag'],
    ['KeyB', 'block'],
    ['KeyL', 'close'],
    ['KeyS', 'phrase'],
    ['KeyK', 'kaart'],
    ['KeyM', 'message'],
    ['KeyW', 'queue'],
    ['KeyG', 'ack'],
    ['KeyH', 'help'],
    ['ArrowUp', 'previous'],
    ['ArrowDown', 'following'],
  ])('Alt+%s → %s', (code, kind) => {
    expect(consoleShortcut(key(code))).toEqual({ kind });
  });
  test('plain letters while typing do nothing', () => {
    for (const code of ['KeyE', 'KeyB', 'KeyZ']) expect(consoleShortcut(key(code, { altKey: false }))).toBeNull();
  });
  test('the help list shows the same keys the buttons announce', () => {
    expect(ariaShortcut('end')).toBe('Alt+E');
    expect(ariaShortcut('following')).toBe('Alt+ArrowDown');
    const listed = CONSOLE_SHORTCUTS.map((s) => s.aria);
    for (const action of ['next', 'message', 'phrase', 'kaart', 'end', 'transfer', 'flag', 'block', 'close', 'queue', 'ack', 'help'] as const) {
      expect(listed).toContain(ariaShortcut(action));
    }
  });
});
