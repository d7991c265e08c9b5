import { unlinkSync } from 'node:fs';
import { io } from 'socket.io-client';
import { afterEach, describe, expect, test } from 'vitest';
import { removeAccount } from '../../chat-server/accounts/account-file.ts';
import { NETWORK_THROTTLE, recordFailure } from '../../chat-server/accounts/login-throttle.ts';
import { networkKey } from '../../chat-server/safety/network-key.ts';
import { newSessionToken } from '../../src/lib/chat-session.ts';
import { ack, ackOk, rawAck, eventually, next, startChat, PASSWORD, type Harness } from './chat-harness.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('counsellor login', () => {
  test('a wrong password is refused with a Dutch message; the right one gives a token', async () => {
    h = await startChat({ accounts: [['Sanne', 'counsellor']] });
    const wrong = await h.login('Sanne', 'niet-het-wachtwoord');
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ ok: false, code: 'wrong_credentials', error: 'Naam of wachtwoord klopt niet. Controleer ze en probeer het opnieuw.' });
    const unknown = await h.login('Niemand', PASSWORD);
    expect(unknown.body).toMatchObject({ ok: false, code: 'wrong_credentials' });
    const right = await h.login('sanne', PASSWORD);
    expect(right.status).toBe(200);
    expect(right.body).toMatchObject({ ok: true, name: 'Sanne', role: 'counsellor' });
    const res = await fetch(`${h.url}/api/medewerkers/login`, { method: 'POST', body: '{"name": 5' });
    expect(res.status).toBe(400);
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  test('after repeated failures the name is throttled, even for the right password, and says how long to wait', async () => {
    h = await startChat({ accounts: [['Sanne', 'counsellor']] });
    for (let i = 0; i < 6; i++) await h.login('Sanne', `fout-${i}-wachtwoord`);
    const throttled = await h.login('Sanne', PASSWORD);
    expect(throttled.status).toBe(429);
    expect(throttled.body).toMatchObject({ ok: false, code: 'throttled' });
    expect(!throttled.body.ok && throttled.body.error).toMatch(/^Te veel mislukte pogingen\. Wacht \d+ seconden/);
    // A colleague on the same network can still log in.
    await h.addAccount('Kees');
    expect((await h.login('Kees', PASSWORD)).status).toBe(200);
  });

  test('failures are counted per network too: many names tried from one network lock that network out', async () => {
    h = await startChat({ accounts: [['Sanne', 'counsellor']], fakeClock: true });
    const netKey = `login:net:${await networkKey(h.store, '127.0.0.1', h.clock.now)}`;
    await h.login('Piet', 'geraden-wachtwoord');
    expect(await h.store.getThrottle(netKey)).toMatchObject({ failures: 1, lockedUntil: h.clock.now });
    // 30 more names tried from here (each once, so no name is throttled): the network is locked.
    for (let i = 0; i < 30; i++) await recordFailure(h.store, netKey, NETWORK_THROTTLE, h.clock.now);
    const throttled = await h.login('Sanne', PASSWORD);
    expect(throttled.status).toBe(429);
    expect(throttled.body).toMatchObject({ ok: false, code: 'throttled', retryAfterMs: 30_000 });
    // The lock runs out; a good login then clears the name's count but not the network's.
    h.clock.now += 30_000;
    expect((await h.login('Sanne', PASSWORD)).status).toBe(200);
    expect((await h.store.getThrottle(netKey))?.failures).toBe(31);
  });

  test('a login from another site (foreign Origin) is refused', async () => {
    h = await startChat({ accounts: [['Sanne', 'counsellor']] });
    const res = await fetch(`${h.url}/api/medewerkers/login`, {
      method: 'POST',
      headers: { Origin: 'https://kwaadwillend.example', 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Sanne', password: PASSWORD }),
    });
    expect(res.status).toBe(403);
  });

  test('logout ends the socket; a removed account is logged out by the running server', async () => {
    h = await startChat({
      accounts: [
        ['Sanne', 'counsellor'],
        ['Kees', 'counsellor'],
      ],
    });
    const sanne = await h.staff('Sanne');
    const expired = next(sanne.socket, 'session:expired');
    await fetch(`${h.url}/api/medewerkers/logout`, { method: 'POST', headers: { Authorization: `Bearer ${sanne.token}` } });
    await expired;
    await eventually(() => sanne.socket.disconnected);

    const kees = await h.staff('Kees');
    const keesExpired = next(kees.socket, 'session:expired');
    removeAccount(h.dataDir, 'Kees');
    await keesExpired;
    expect((await h.login('Kees', PASSWORD)).status).toBe(401);
    // A new account is picked up without a restart.
    await h.addAccount('Fatima', 'supervisor');
    expect((await h.login('Fatima', PASSWORD)).body).toMatchObject({ ok: true, role: 'supervisor' });
    unlinkSync(`${h.dataDir}/counsellors.json`);
    expect((await h.login('Fatima', PASSWORD)).status).toBe(401);
  });
});

describe('namespaces keep young people and counsellors apart', () => {
  test('a young person calling counsellor events is refused and nothing changes', async () => {
    h = await startChat({ accounts: [['Sanne', 'counsellor']] });
    const a = await h.youth();
    const b = await h.youth();
    await ack(b.socket, 'queue:join', {});
    for (const event of ['conversation:take', 'conversation:observe', 'conversation:block', 'conversation:transfer']) {
      expect(await rawAck(a.socket, event, { conversationId: 'abcdefghijkl' }), event).toMatchObject({ ok: false, code: 'forbidden' });
    }
    expect(await h.store.queueLength()).toBe(1);
    expect(h.store.counts().conversations).toBe(0);
  });

  test('a young person cannot reach a conversation by id', async () => {
    h = await startChat({ accounts: [['Sanne', 'counsellor']] });
    const a = await h.youth();
    await ack(a.socket, 'queue:join', {});
    const staff = await h.staff('Sanne');
    const taken = await ackOk(staff.socket, 'conversation:take', {});
    const other = await h.youth();
    const seen: unknown[] = [];
    other.socket.on('message', (m) => seen.push(m));
    // The youth protocol has no conversation id at all; extra fields are ignored and it is not in a conversation.
    expect(await ack(other.socket, 'message:send', { text: 'hoi', conversationId: taken.conversation.conversationId })).toMatchObject({
      ok: false,
      code: 'not_in_conversation',
    });
    const delivered = next<{ text: string }>(a.socket, 'message');
    await ack(staff.socket, 'message:send', { conversationId: taken.conversation.conversationId, text: 'alleen voor a' });
    expect(await delivered).toMatchObject({ text: 'alleen voor a' });
    // An acknowledgement reaches a socket after anything the server sent it before: had the message
    // gone to this young person too, it would be in `seen` by now.
    expect(await ack(other.socket, 'message:send', { text: 'hoi?' })).toMatchObject({ ok: false, code: 'not_in_conversation' });
    expect(seen).toEqual([]);
  });

  test("a young person's socket on /medewerkers is refused, with or without a token", async () => {
    h = await startChat();
    for (const auth of [{}, { token: newSessionToken() }]) {
      const socket = io(`${h.url}/medewerkers`, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
      const error = await next<Error & { data?: { code: string } }>(socket, 'connect_error');
      expect(error.message).toBe('Je bent niet ingelogd, of je sessie is verlopen. Log opnieuw in.');
      expect(error.data?.code).toBe('unauthorized');
      socket.close();
    }
  });

  test('a badly formed session token is refused; a socket from a foreign origin is refused', async () => {
    h = await startChat();
    const bad = io(`${h.url}/jongeren`, { auth: { token: 'kort' }, transports: ['websocket'], reconnection: false, forceNew: true });
    expect((await next<Error>(bad, 'connect_error')).message).toBe('De chat kon je sessie niet starten. Laad de pagina opnieuw.');
    bad.close();
    const foreign = io(`${h.url}/jongeren`, {
      auth: { token: newSessionToken() },
      transports: ['polling'],
      extraHeaders: { Origin: 'https://elders.example' },
      reconnection: false,
      forceNew: true,
    });
    await next(foreign, 'connect_error');
    expect(foreign.connected).toBe(false);
    foreign.close();
  });
});
