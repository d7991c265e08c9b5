import { describe, expect, test } from 'vitest';
import { transcriptFilename, transcriptText } from '../../src/lib/chat-transcript.ts';

describe('saved transcript', () => {
  const now = Date.parse('2026-11-22T15:30:00Z');
  test('has a header that says the CJG keeps no copy, then one line per message', () => {
    const text = transcriptText(
      [
        { who: 'Jij', text: 'Hoi', at: Date.parse('2026-11-22T15:01:00Z') },
        { who: 'Sam', text: 'Hoi!\nWaar wil je over praten?', at: Date.parse('2026-11-22T15:02:00Z') },
      ],
      { cjgName: 'CJG Voorbeeldstad', now, timeZone: 'Europe/Amsterdam' },
    );
    const lines = text.split('\r\n');
    expect(lines[0]).toContain('CJG Voorbeeldstad');
    expect(lines[0]).toContain('22 november 2026');
    expect(lines[0]).toContain('Het CJG heeft geen kopie');
    expect(lines[2]).toBe('[16:01] Jij: Hoi');
    expect(lines[3]).toBe('[16:02] Sam: Hoi!\nWaar wil je over praten?');
  });

  test('file name holds only the date', () => {
    expect(transcriptFilename(now, 'Europe/Amsterdam')).toBe('cjg-chat-2026-11-22.txt');
  });
});
