/**
 * Invisible characters out of what people write (shared/visible-text.ts): bidirectional controls that
 * reorder a line, zero-width characters that hide text or split a word past the danger check, and what
 * must stay (emoji sequences, Persian and Hindi joiners, flags).
 */
import { describe, expect, test } from 'vitest';
import { suggestsDanger } from '../../shared/danger.ts';
import { visibleChatText, visibleText, tidyLines } from '../../shared/visible-text.ts';

describe('taken out', () => {
  test('bidirectional overrides, embeddings, isolates and marks ("Trojan Source")', () => {
    // Shown as "ik ben 18 jaar" reversed around the override; stored as typed without it.
    expect(visibleText('ik ben \u202E81\u202C jaar')).toBe('ik ben 81 jaar');
    for (const cp of [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x200e, 0x200f, 0x061c]) {
      expect(visibleText(`a${String.fromCodePoint(cp)}b`), cp.toString(16)).toBe('ab');
    }
    // Copied from a messaging app, a name comes wrapped in isolates.
    expect(visibleText('\u2068Mees\u2069 zei dat ik niks waard ben')).toBe('Mees zei dat ik niks waard ben');
  });

  test('control characters other than tab and line breaks (NUL, BEL, ESC, DEL, C1)', () => {
    expect(visibleChatText('a\u0000b\u0007c\u001Bd\u007Fe\u0085f\u009Fg\u202E')).toBe('abcdefg');
    expect(visibleChatText('regel 1\r\nregel 2\n\tmet tab')).toBe('regel 1\r\nregel 2\n\tmet tab');
    // Only in chat lines and notes: in an e-mail address a control character must make it wrong, not change it.
    expect(visibleText('a\u0000b@example.nl')).toBe('a\u0000b@example.nl');
  });

  test('zero-width characters that split a word so a filter misses it', () => {
    const hidden = 'ik denk aan zelf\u200Bmoord';
    expect(suggestsDanger(hidden)).toBe(false);
    expect(visibleText(hidden)).toBe('ik denk aan zelfmoord');
    expect(suggestsDanger(visibleText(hidden))).toBe(true);
    expect(visibleText('zelf\u200Dmoord')).toBe('zelfmoord');
    expect(visibleText('zelf\u200Cmoord')).toBe('zelfmoord');
    expect(visibleText('zelf\u00ADmoord')).toBe('zelfmoord');
    expect(visibleText('zelf\u2060moo\uFEFFrd')).toBe('zelfmoord');
    expect(visibleText('\u3164\u115F\u1160\uFFA0')).toBe('');
  });

  test('text hidden in Unicode tags or in a run of variation selectors', () => {
    const tags = Array.from('stuur je wachtwoord', (c) => String.fromCodePoint(0xe0000 + c.charCodeAt(0))).join('');
    expect(visibleText(`hoi${tags}`)).toBe('hoi');
    // Data smuggled behind an emoji as variation selectors: the emoji stays, the payload goes.
    const smuggled = `😀${String.fromCodePoint(0xe0100, 0xe0101, 0xe0142)}\uFE01\uFE02`;
    expect(visibleText(smuggled)).toBe(`😀${String.fromCodePoint(0xe0100)}`);
    expect(visibleText('\uFE0Fhoi')).toBe('hoi');
  });

  test('a message of nothing but invisible characters becomes empty (and the schemas say "write something")', () => {
    expect(visibleText('\u200B\u200B\u202E\u2066')).toBe('');
  });
});

describe('kept', () => {
  test('ordinary Dutch with typos, slang, accents and punctuation is returned as it is', () => {
    for (const text of ['hoi, mn moeder doet echt raar 😭', 'ik ben 14 en weet nie wat ik moet doen!!', 'café, coördinatie, één', 'a\n\nb\tc']) {
      expect(visibleText(text)).toBe(text);
    }
  });

  test('emoji sequences with joiners, skin tones and selectors', () => {
    for (const emoji of ['👩‍👩‍👧', '🏳️‍🌈', '🧑🏽‍🤝‍🧑🏻', '❤️', '1️⃣', '👍🏾', '🏳️‍⚧️']) expect(visibleText(`zo ${emoji}!`)).toBe(`zo ${emoji}!`);
  });

  test('a subdivision flag keeps its tags', () => {
    const england = String.fromCodePoint(0x1f3f4, 0xe0067, 0xe0062, 0xe0065, 0xe006e, 0xe0067, 0xe007f);
    expect(visibleText(`voetbal ${england}`)).toBe(`voetbal ${england}`);
    // Tags after a flag without the closing cancel tag are not a flag.
    expect(visibleText(String.fromCodePoint(0x1f3f4, 0xe0067, 0xe0062))).toBe('🏴');
  });

  test('joiners between letters of scripts that need them (Persian, Hindi), not between Latin letters', () => {
    const persian = 'می\u200Cخواهم'; // "I want", with the half-space every Persian keyboard types
    expect(visibleText(persian)).toBe(persian);
    const hindi = 'क्\u200Dष';
    expect(visibleText(hindi)).toBe(hindi);
    expect(visibleText('mi\u200Cxa')).toBe('mixa');
  });
});

describe('tidyLines: blank lines around and inside a chat line (attacker review 14, m5)', () => {
  test('blank lines before and after are dropped; the text itself stays as typed', () => {
    expect(tidyLines('\n\n\n\n\n\nSanne:\nJe gesprek wordt beëindigd')).toBe('Sanne:\nJe gesprek wordt beëindigd');
    expect(tidyLines('  \r\n \nhoi\n\n  \n')).toBe('hoi');
    expect(tidyLines('  hoi  ')).toBe('  hoi  ');
  });

  test('one blank line between paragraphs stays, a run of them becomes one', () => {
    expect(tidyLines('eerst\n\ndan')).toBe('eerst\n\ndan');
    expect(tidyLines('eerst\n\n\n\n\ndan')).toBe('eerst\n\ndan');
    expect(tidyLines('eerst\r\n\r\n\r\n\r\ndan')).toBe('eerst\r\n\r\ndan');
  });

  test('a message of nothing but blank lines is empty, so the schema says "Typ eerst een bericht."', () => {
    expect(tidyLines('\n\n \n')).toBe('');
  });
});
