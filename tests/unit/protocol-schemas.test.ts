/**
 * Every payload a client can send is parsed by these schemas before anything changes. Each test
 * gives what a real client (or an abuser) sends and expects either the cleaned value or the Dutch
 * message the young person or counsellor will read.
 */
import { describe, expect, test } from 'vitest';
import type { z } from 'zod';
import { CHAT_AGE_BANDS, CHAT_TOPICS, MAX_MESSAGE_LENGTH } from '../../shared/protocol/limits.ts';
import {
  conversationRefSchema,
  counsellorName,
  feedbackSchema,
  loginSchema,
  presenceSchema,
  queueJoinSchema,
  sessionEndSchema,
  staffAuthSchema,
  staffMessageSchema,
  staffTypingSchema,
  takeSchema,
  transferSchema,
  newAccountName,
  youthAuthSchema,
  youthMessageSchema,
  youthTypingSchema,
} from '../../shared/protocol/schemas.ts';

/** The messages a refused payload gives, in order (empty: accepted). */
function problems(schema: z.ZodType, input: unknown): string[] {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => i.message);
}
const ID = 'Ab3_-xYz';
const TOKEN = 'a'.repeat(43);

describe('young people', () => {
  test('handshake: a session token of 32 to 128 safe characters, and an optional last sequence number', () => {
    expect(youthAuthSchema.parse({ token: TOKEN })).toEqual({ token: TOKEN });
    expect(youthAuthSchema.parse({ token: TOKEN, lastSeq: 0 })).toEqual({ token: TOKEN, lastSeq: 0 });
    expect(problems(youthAuthSchema, {})).toEqual(['De sessiecode ontbreekt.']);
    expect(problems(youthAuthSchema, { token: 'a'.repeat(31) })).toEqual(['De sessiecode klopt niet.']);
    expect(problems(youthAuthSchema, { token: 'a'.repeat(129) })).toEqual(['De sessiecode klopt niet.']);
    expect(problems(youthAuthSchema, { token: `${'a'.repeat(40)}<b>` })).toEqual(['De sessiecode klopt niet.']);
    expect(problems(youthAuthSchema, { token: TOKEN, lastSeq: -1 })).toHaveLength(1);
    expect(problems(youthAuthSchema, { token: TOKEN, lastSeq: 1.5 })).toHaveLength(1);
  });

  test('joining the queue: topic and age only from the lists, both optional', () => {
    expect(queueJoinSchema.parse({})).toEqual({});
    expect(queueJoinSchema.parse({ topic: CHAT_TOPICS[0], ageBand: CHAT_AGE_BANDS[1] })).toEqual({ topic: CHAT_TOPICS[0], ageBand: '12-18' });
    expect(problems(queueJoinSchema, { topic: 'drugs' })).toEqual(['Kies een onderwerp uit de lijst.']);
    expect(problems(queueJoinSchema, { ageBand: '25+' })).toEqual(['Kies een leeftijd uit de lijst.']);
    // The chat serves 12 to 23; '4-12' is a valid band elsewhere but not one a young person can pick.
    expect(problems(queueJoinSchema, { ageBand: '4-12' })).toEqual(['Kies een leeftijd uit de lijst.']);
  });

  test('a message: text up to the limit, not only spaces, with an optional client id', () => {
    expect(youthMessageSchema.parse({ text: 'hoi, ik wil iets vragen', clientId: 'c-1_a' })).toEqual({ text: 'hoi, ik wil iets vragen', clientId: 'c-1_a' });
    expect(youthMessageSchema.parse({ text: 'x'.repeat(MAX_MESSAGE_LENGTH) }).text).toHaveLength(MAX_MESSAGE_LENGTH);
    expect(problems(youthMessageSchema, { text: 'x'.repeat(MAX_MESSAGE_LENGTH + 1) })).toEqual([
      `Je bericht mag maximaal ${MAX_MESSAGE_LENGTH} tekens hebben.`,
    ]);
    expect(problems(youthMessageSchema, { text: ' \n\t ' })).toEqual(['Typ eerst een bericht.']);
    // Invisible characters go before the checks (shared/visible-text.ts): bidi overrides, zero-width characters.
    expect(youthMessageSchema.parse({ text: 'ik ben \u202E81\u202C, zelf\u200Bmoord?' }).text).toBe('ik ben 81, zelfmoord?');
    expect(problems(youthMessageSchema, { text: '\u200B\u2066\u2069' })).toEqual(['Typ eerst een bericht.']);
    expect(youthMessageSchema.parse({ text: `${'x'.repeat(MAX_MESSAGE_LENGTH)}\u200B` }).text).toHaveLength(MAX_MESSAGE_LENGTH);
    expect(problems(youthMessageSchema, { text: 42 })).toEqual(['Een bericht moet tekst zijn.']);
    expect(problems(youthMessageSchema, { text: 'hoi', clientId: '' })).toEqual(['Dit bericht-id klopt niet.']);
    expect(problems(youthMessageSchema, { text: 'hoi', clientId: 'c'.repeat(65) })).toEqual(['Dit bericht-id klopt niet.']);
    expect(problems(youthMessageSchema, { text: 'hoi', clientId: 'c'.repeat(64) })).toEqual([]);
    expect(problems(youthMessageSchema, { text: 'hoi', clientId: '../c-1' })).toEqual(['Dit bericht-id klopt niet.']);
    expect(problems(youthMessageSchema, { text: 'hoi', clientId: 'c-1 OR 1=1' })).toEqual(['Dit bericht-id klopt niet.']);
    expect(problems(staffMessageSchema, { conversationId: ID, text: 'hoi', clientId: 'c 1' })).toEqual(['Dit bericht-id klopt niet.']);
  });

  test('typing is true or false, nothing else', () => {
    expect(youthTypingSchema.parse({ typing: true })).toEqual({ typing: true });
    expect(problems(youthTypingSchema, { typing: 'ja' })).toEqual(['Typen is waar of niet waar.']);
  });

  test('ending: "stop" unless it says quick exit', () => {
    expect(sessionEndSchema.parse({})).toEqual({ reason: 'stop' });
    expect(sessionEndSchema.parse({ reason: 'quickExit' })).toEqual({ reason: 'quickExit' });
    expect(problems(sessionEndSchema, { reason: 'weg' })).toEqual(['Onbekende reden.']);
  });

  test('feedback: a whole number from 1 to 5 for a known ticket', () => {
    expect(feedbackSchema.parse({ feedbackId: ID, rating: 1 })).toEqual({ feedbackId: ID, rating: 1 });
    expect(feedbackSchema.parse({ feedbackId: ID, rating: 5 }).rating).toBe(5);
    expect(problems(feedbackSchema, { feedbackId: ID, rating: 0 })).toEqual(['Kies een cijfer van 1 tot 5.']);
    expect(problems(feedbackSchema, { feedbackId: ID, rating: 6 })).toEqual(['Kies een cijfer van 1 tot 5.']);
    expect(problems(feedbackSchema, { feedbackId: ID, rating: 4.5 })).toEqual(['Kies een heel cijfer.']);
    expect(problems(feedbackSchema, { feedbackId: ID, rating: 'vijf' })).toEqual(['Kies een cijfer.']);
    expect(problems(feedbackSchema, { rating: 3 })).toEqual(['Een id ontbreekt.']);
  });
});

describe('server-made ids', () => {
  test('8 to 64 base64url characters', () => {
    expect(conversationRefSchema.parse({ conversationId: ID })).toEqual({ conversationId: ID });
    expect(problems(conversationRefSchema, { conversationId: 'x'.repeat(64) })).toEqual([]);
    expect(problems(conversationRefSchema, { conversationId: 'x'.repeat(7) })).toEqual(['Dit id klopt niet.']);
    expect(problems(conversationRefSchema, { conversationId: 'x'.repeat(65) })).toEqual(['Dit id klopt niet.']);
    expect(problems(conversationRefSchema, { conversationId: '../../etc' })).toEqual(['Dit id klopt niet.']);
    expect(problems(conversationRefSchema, {})).toEqual(['Een id ontbreekt.']);
    // Anything around a valid-looking part is refused too: the whole id must match.
    expect(problems(conversationRefSchema, { conversationId: '<script>Ab3_-xYz' })).toEqual(['Dit id klopt niet.']);
    expect(problems(conversationRefSchema, { conversationId: 'Ab3_-xYz</script>' })).toEqual(['Dit id klopt niet.']);
    expect(problems(feedbackSchema, { feedbackId: `${ID}\n`, rating: 3 })).toEqual(['Dit id klopt niet.']);
  });
});

describe('counsellors', () => {
  test('handshake: the login token', () => {
    expect(staffAuthSchema.parse({ token: 'b'.repeat(32) })).toEqual({ token: 'b'.repeat(32) });
    expect(problems(staffAuthSchema, {})).toEqual(['Je bent niet ingelogd.']);
    expect(problems(staffAuthSchema, { token: 'b'.repeat(31) })).toEqual(['Je sessie klopt niet.']);
    expect(problems(staffAuthSchema, { token: 'b'.repeat(129) })).toEqual(['Je sessie klopt niet.']);
  });

  test('take the first in line, or a chosen one', () => {
    expect(takeSchema.parse({})).toEqual({});
    expect(takeSchema.parse({ entryId: ID })).toEqual({ entryId: ID });
    expect(problems(takeSchema, { entryId: 'kort' })).toEqual(['Dit id klopt niet.']);
  });

  test('a message and typing belong to a conversation', () => {
    expect(staffMessageSchema.parse({ conversationId: ID, text: 'Fijn dat je er bent.' })).toEqual({ conversationId: ID, text: 'Fijn dat je er bent.' });
    expect(problems(staffMessageSchema, { text: 'hoi' })).toEqual(['Een id ontbreekt.']);
    expect(problems(staffMessageSchema, { conversationId: ID, text: '   ' })).toEqual(['Typ eerst een bericht.']);
    expect(problems(staffTypingSchema, { conversationId: ID, typing: 1 })).toEqual(['Typen is waar of niet waar.']);
    expect(staffTypingSchema.parse({ conversationId: ID, typing: false })).toEqual({ conversationId: ID, typing: false });
  });

  test('transfer to a colleague by name (trimmed), or back to the queue', () => {
    expect(transferSchema.parse({ conversationId: ID })).toEqual({ conversationId: ID });
    expect(transferSchema.parse({ conversationId: ID, to: '  Jesse  ' })).toEqual({ conversationId: ID, to: 'Jesse' });
    expect(problems(transferSchema, { conversationId: ID, to: '<script>' })).toEqual([
      'Een naam heeft 1 tot 40 letters, cijfers, spaties, punten of streepjes.',
    ]);
  });

  test('names: letters (any script), digits, spaces, dots and dashes, 1 to 40, starting with a letter or digit', () => {
    for (const name of ['Sanne', 'Zoë de Vries-Bakker', 'M.', 'Ayşe', '1e lijn', 'x'.repeat(40)]) expect(problems(counsellorName, name), name).toEqual([]);
    for (const name of ['', ' ', '-Sanne', 'x'.repeat(41), 'Sanne!', 'a\nb']) expect(problems(counsellorName, name), JSON.stringify(name)).toHaveLength(1);
    expect(problems(counsellorName, undefined)).toEqual(['Een naam ontbreekt.']);
  });

  test('a new account is not named like a young person in the console', () => {
    for (const name of ['Jongere 2', 'jongere', 'JONGERE-12', 'Jongere.3', 'Jongere2']) expect(problems(newAccountName, name), name).toHaveLength(1);
    for (const name of ['Sanne', 'Jongerenwerker Ali', 'Jong']) expect(problems(newAccountName, name), name).toEqual([]);
  });

  test('a handover note loses bidi overrides and control characters, keeps its lines', () => {
    const note = transferSchema.parse({ conversationId: ID, note: 'zie \u202Eetsiw\u202C\u0000\u0007 gesprek\nbel\t113' }).note;
    expect(note).toBe('zie etsiw gesprek\nbel\t113');
  });

  test('availability is true or false', () => {
    expect(presenceSchema.parse({ available: false })).toEqual({ available: false });
    expect(problems(presenceSchema, {})).toEqual(['Beschikbaar is waar of niet waar.']);
  });
});

describe('login', () => {
  test('a name and a password up to 1024 characters', () => {
    expect(loginSchema.parse({ name: ' Sanne ', password: 'een-lang-wachtwoord' })).toEqual({ name: 'Sanne', password: 'een-lang-wachtwoord' });
    expect(problems(loginSchema, { name: 'Sanne', password: '' })).toEqual(['Vul je wachtwoord in.']);
    expect(problems(loginSchema, { name: 'Sanne' })).toEqual(['Vul je wachtwoord in.']);
    expect(problems(loginSchema, { name: 'Sanne', password: 'x'.repeat(1024) })).toEqual([]);
    expect(problems(loginSchema, { name: 'Sanne', password: 'x'.repeat(1025) })).toEqual(['Dit wachtwoord is te lang.']);
  });
});
