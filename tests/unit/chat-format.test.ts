import { describe, expect, test } from 'vitest';
import { checkComposer, formatWait, formatWaited } from '../../src/lib/chat-format.ts';
import { t } from '../../shared/i18n/nl.ts';

describe('waiting estimate wording', () => {
  test('is rounded and honest about what we do not know', () => {
    expect(formatWait(null)).toBe('nog niet bekend');
    expect(formatWait(-5)).toBe('nog niet bekend');
    expect(formatWait(0)).toBe('minder dan een minuut');
    expect(formatWait(1)).toBe('ongeveer 1 minuut');
    expect(formatWait(4)).toBe('ongeveer 4 minuten');
    expect(formatWait(13)).toBe('ongeveer 15 minuten');
    expect(formatWait(180)).toBe('meer dan 30 minuten');
  });

  test('an unknown wait reads as one sentence in every place it is shown', () => {
    expect(t('chat.waiting.estimate', { wait: formatWait(null) })).toBe('Geschatte wachttijd: nog niet bekend.');
    expect(t('chatStatus.open', { wait: formatWait(undefined) })).toBe('De chat is open. Wachttijd: nog niet bekend.');
  });

  test('counsellor sees how long someone waited', () => {
    expect(formatWaited(0, 45_000)).toBe('45 s');
    expect(formatWaited(0, 3 * 60_000 + 5000)).toBe('3 min');
    expect(formatWaited(0, 65 * 60_000)).toBe('1 u 5 min');
    expect(formatWaited(10_000, 0)).toBe('0 s');
  });
});

describe('composer check', () => {
  test('shows the counter only near the limit and flags overflow', () => {
    expect(checkComposer('a'.repeat(10), 100)).toEqual({ remaining: 90, showCounter: false, tooLong: false });
    expect(checkComposer('a'.repeat(80), 100)).toEqual({ remaining: 20, showCounter: true, tooLong: false });
    expect(checkComposer('a'.repeat(103), 100)).toEqual({ remaining: -3, showCounter: true, tooLong: true });
  });
  test('counts an emoji as one character', () => {
    expect(checkComposer('😀😀', 2).tooLong).toBe(false);
  });
});
