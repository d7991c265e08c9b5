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
