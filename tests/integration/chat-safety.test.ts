import { afterEach, describe, expect, test } from 'vitest';
import { io } from 'socket.io-client';
import { MAX_MESSAGE_LENGTH } from '../../shared/protocol/limits.ts';
import { newSessionToken } from '../../src/lib/chat-session.ts';
import { ack, ackError, ackOk, eventually, rawAck, next, startChat, type Harness } from './chat-harness.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function twoConversations(harness: Harness) {
  const a = await harness.youth();
  const b = await harness.youth();
  await ack(a.socket, 'queue:join', {});
  await ack(b.socket, 'queue:join', {});
  const staff = await harness.staff('Sanne');
  const one = await ackOk(staff.socket, 'conversation:take', {});
  const two = await ackOk(staff.socket, 'conversation:take', {});
  return { a: a.socket, b: b.socket, staff: staff.socket, idA: one.conversation.conversationId, idB: two.conversation.conversationId };
}

describe('bad input is answered clearly and changes nothing', () => {
  test('oversize and malformed payloads get Dutch error acks; the other conversation carries on', async () => {
    h = await startChat({ accounts: [['Sanne', 'counsellor']] });
    const { a, b, staff, idB } = await twoConversations(h);
    const tooLong = await ackError(a, 'message:send', { text: 'x'.repeat(MAX_MESSAGE_LENGTH + 1) });
    expect(tooLong).toMatchObject({ ok: false, code: 'too_long' });
    expect(tooLong.error).toContain(String(MAX_MESSAGE_LENGTH));
    expect(await ack(a, 'message:send', { text: '   ' })).toMatchObject({ ok: false, code: 'empty', error: 'Typ eerst een bericht.' });
    for (const payload of [null, 42, 'tekst', [], { text: 5 }, { text: ['a'] }, { text: 'ok', clientId: '../../' }]) {
      expect(await rawAck(a, 'message:send', payload), JSON.stringify(payload)).toMatchObject({ ok: false, code: 'invalid' });
    }
    expect(await rawAck(a, 'queue:join', { topic: '<script>' })).toMatchObject({ ok: false, code: 'invalid' });
    expect(await rawAck(staff, 'conversation:take', { entryId: { $ne: 1 } })).toMatchObject({ ok: false, code: 'invalid' });
    expect(await ack(a, 'feedback:send', { feedbackId: 'abcdefghij', rating: 9 })).toMatchObject({ ok: false, code: 'invalid' });
    // Nothing was stored for a.
    expect((await h.store.messagesAfter((await h.store.listConversations())[0].conversationId, 0)).filter((m) => m.from === 'youth')).toEqual([]);
    // The other conversation still works.
    const got = next<{ text: string }>(b, 'message');
    expect(await ack(staff, 'message:send', { conversationId: idB, text: 'nog steeds hier' })).toMatchObject({ ok: true });
    expect(await got).toMatchObject({ text: 'nog steeds hier' });
  });

  test('a packet over the size limit closes only that socket; everyone else carries on', async () => {
    h = await startChat({ accounts: [['Sanne', 'counsellor']] });
    const { a, b, staff, idB } = await twoConversations(h);
    const closed = next<string>(a, 'disconnect');
    a.emit('message:send', { text: 'x'.repeat(100_000) }, () => {});
    expect(await closed).toBeTruthy();
    const got = next<{ text: string }>(b, 'message');
    await ack(staff, 'message:send', { conversationId: idB, text: 'gaat door' });
    expect(await got).toMatchObject({ text: 'gaat door' });
    expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
  });
});

describe('invisible characters (bidirectional controls, zero-width)', () => {
  test('are taken out of messages both ways, and a message of only invisible characters is empty', async () => {
    h = await startChat({ accounts: [['Sanne', 'counsellor']] });
    const { a, staff, idA } = await twoConversations(h);
    const toStaff = next<{ message: { text: string } }>(staff, 'message');
    const sent = await ackOk(a, 'message:send', { text: 'mijn \u2068stiefvader\u2069 zegt ik ben \u202E81\u202C, is dat zo? zelf\u200Bmoord' });
    expect(sent.ok).toBe(true);
    expect((await toStaff).message).toMatchObject({ text: 'mijn stiefvader zegt ik ben 81, is dat zo? zelfmoord' });
    const toYouth = next<{ text: string }>(a, 'message');
    await ackOk(staff, 'message:send', { conversationId: idA, text: 'Dat \u202Dklopt\u202C niet \u{1F3F3}\uFE0F\u200D\u{1F308}' });
    expect(await toYouth).toMatchObject({ text: 'Dat klopt niet \u{1F3F3}\uFE0F\u200D\u{1F308}' });
    expect(await ack(a, 'message:send', { text: '\u200B\u202E\u2066\uFEFF' })).toMatchObject({ ok: false, code: 'empty', error: 'Typ eerst een bericht.' });
    const stored = (await h.store.messagesAfter(idA, 0)).map((m) => ('text' in m ? m.text : '')).join('\n');
    expect(stored).not.toMatch(/[\u200B\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/);
  });
});

describe('rate limits', () => {
  test('a young person flooding messages gets a Dutch rate-limit error; the counsellor and others are not affected', async () => {
    h = await startChat({ accounts: [['Sanne', 'counsellor']] });
    const { a, b, staff, idB } = await twoConversations(h);
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => ack(a, 'message:send', { text: `bericht ${i}` })));
    const limited = results.filter((r) => !r.ok);
    expect(limited.length).toBeGreaterThan(0);
    expect(limited[0]).toMatchObject({ code: 'rate_limited', error: 'Je stuurt heel snel achter elkaar. Wacht even en probeer het dan opnieuw.' });
    expect(limited[0].retryAfterMs).toBeGreaterThan(0);
    expect(await ack(b, 'message:send', { text: 'ik ben b' })).toMatchObject({ ok: true });
    expect(await ack(staff, 'message:send', { conversationId: idB, text: 'hoi b' })).toMatchObject({ ok: true });
  });

  test('many events from one socket hit the per-socket limit, also for events that would fail anyway', async () => {
    h = await startChat();
    const y = await h.youth();
    const results = await Promise.all(Array.from({ length: 40 }, () => ack(y.socket, 'feedback:send', { feedbackId: 'abcdefghij', rating: 3 })));
    expect(results.filter((r) => !r.ok && r.code === 'rate_limited').length).toBeGreaterThan(10);
  });
});

describe('privacy of the logs', () => {
  test('a flood of refused events writes a few lines and one count per socket, not a line per event', async () => {
    h = await startChat();
    const y = await h.youth();
    const staffEvent = Array.from({ length: 120 }, () => rawAck(y.socket, 'conversation:take', {}));
    expect((await Promise.all(staffEvent)).every((a) => !a.ok && a['code'] === 'forbidden')).toBe(true);
    const lines = (event: string) => h?.logs.filter((l) => l.includes(`"${event}"`)).map((l) => JSON.parse(l) as Record<string, unknown>) ?? [];
    expect(lines('chat.event_refused')).toHaveLength(5);
    y.socket.disconnect();
    await eventually(() => lines('chat.refusals_suppressed').length === 1);
    expect(lines('chat.refusals_suppressed')[0]).toMatchObject({ namespace: 'youth', refused: 'chat.event_refused', count: 115 });
  });

  test('after a whole chat the log has no IP address, user agent, token or message text', async () => {
    h = await startChat({ accounts: [['Sanne', 'counsellor']], config: { counsellorGraceMs: 100 } });
    const token = newSessionToken();
    const y = io(`${h.url}/jongeren`, {
      auth: { token },
      transports: ['polling', 'websocket'],
      extraHeaders: { 'User-Agent': 'GeheimeBrowser/9.9' },
      reconnection: false,
      forceNew: true,
    });
    await next(y, 'session:state');
    await ack(y, 'queue:join', { topic: 'problemen' });
    const staff = await h.staff('Sanne');
    const { conversation } = await ackOk(staff.socket, 'conversation:take', {});
    await ack(y, 'message:send', { text: 'mijn geheime zin over thuis' });
    await ack(staff.socket, 'message:send', { conversationId: conversation.conversationId, text: 'antwoord van de medewerker' });
    await ack(y, 'message:send', { text: 'x'.repeat(3000) });
    await ack(staff.socket, 'conversation:flag', { conversationId: conversation.conversationId });
    await h.login('Sanne', 'verkeerd-wachtwoord-hier');
    y.disconnect();
    staff.socket.disconnect();
    // Until the server has handled both goodbyes, and the counsellor's grace period has run out.
    const logs = h.logs;
    await eventually(() => ['"youth.away"', '"staff.gone"'].every((event) => logs.some((l) => l.includes(event))));

    const log = h.logs.join('\n');
    expect(h.logs.length).toBeGreaterThan(5);
    expect(log).toContain('conversation.started');
    for (const secret of [
      '127.0.0.1',
      '::1',
      '::ffff:',
      'GeheimeBrowser',
      'geheime zin',
      'antwoord van de medewerker',
      'xxxxxxxxxx',
      token,
      'verkeerd-wachtwoord',
      'Sanne',
    ]) {
      expect(log, secret).not.toContain(secret);
    }
    for (const line of h.logs) {
      expect(() => {
        JSON.parse(line);
      }).not.toThrow();
    }
  });
});
