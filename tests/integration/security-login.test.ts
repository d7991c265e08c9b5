/**
 * Security review, findings 3, 4 and 5: login storms are counted before any password is checked,
 * the checks are capped, throttling is per name AND network, and the network is the one our own
 * proxy saw (not what the client wrote into X-Forwarded-For).
 */
import { afterEach, describe, expect, test } from 'vitest';
import { io } from 'socket.io-client';
import { newSessionToken } from '../../src/lib/chat-session.ts';
import { ack, ackOk, next, startChat, PASSWORD, type Harness, type YouthSocket } from './chat-harness.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function login(harness: Harness, name: string, password: string, forwardedFor?: string) {
  const res = await fetch(`${harness.url}/api/medewerkers/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(forwardedFor ? { 'X-Forwarded-For': forwardedFor } : {}) },
    body: JSON.stringify({ name, password }),
  });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as { ok: boolean; code?: string; error?: string } };
}

const checked = (harness: Harness) => harness.logs.filter((l) => l.includes('"staff.login_failed"')).length;

describe('finding 3: a login storm is counted before passwords are checked', () => {
  test('200 parallel wrong passwords for one name: only a handful are checked, the rest refused with 429 + Retry-After', async () => {
    const harness = (h = await startChat({ accounts: [['Sanne', 'counsellor']] }));
    const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => login(harness, 'Sanne', `fout-${i}-wachtwoord`)));
    const refused = answers.filter((a) => a.status === 429);
    expect(checked(h)).toBeLessThanOrEqual(6);
    expect(answers.filter((a) => a.status === 401).length).toBe(checked(h));
    expect(refused.length).toBe(200 - checked(h));
    for (const answer of refused) {
      expect(Number(answer.retryAfter)).toBeGreaterThan(0);
      expect(answer.body.error).toMatch(/^(Te veel mislukte pogingen|Er wordt nu al een inlogpoging)/);
    }
  });

  test('many names at once (unknown names cost a full password check): checks are capped overall, the rest refused', async () => {
    const harness = (h = await startChat({ config: { trustProxy: 1 } }));
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => login(harness, `Naam${i}`, 'een-fout-wachtwoord', `198.51.100.${i + 1}`)));
    expect(answers.every((a) => a.status === 401 || a.status === 429)).toBe(true);
    const refused = answers.filter((a) => a.status === 429);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((a) => Number(a.retryAfter) > 0 && a.body.code === 'login_busy')).toBe(true);
    expect(checked(h)).toBeLessThan(40);
  });
});

describe('finding 4: throttling is per name and network', () => {
  test('wrong guesses from one network do not lock the real person out on another network', async () => {
    h = await startChat({ accounts: [['Sanne', 'counsellor']], config: { trustProxy: 1 } });
    for (let i = 0; i < 6; i++) await login(h, 'Sanne', `fout-${i}-wachtwoord`, '203.0.113.9');
    const attacker = await login(h, 'Sanne', PASSWORD, '203.0.113.9');
    expect(attacker.status).toBe(429);
    expect(attacker.body.code).toBe('throttled');
    const real = await login(h, 'Sanne', PASSWORD, '198.51.100.20');
    expect(real.status).toBe(200);
  });
});

describe('finding 5: X-Forwarded-For counts only the hops of your own proxy', () => {
  async function youthFrom(harness: Harness, forwardedFor: string): Promise<YouthSocket> {
    const socket: YouthSocket = io(`${harness.url}/jongeren`, {
      auth: { token: newSessionToken() },
      transports: ['websocket'],
      extraHeaders: { 'X-Forwarded-For': forwardedFor },
      reconnection: false,
      forceNew: true,
    });
    await next(socket, 'session:state');
    return socket;
  }

  test('a blocked network cannot come back by writing another address at the left of X-Forwarded-For', async () => {
    h = await startChat({ accounts: [['Sanne', 'counsellor']], config: { trustProxy: 1 } });
    const first = await youthFrom(h, '203.0.113.9');
    await ack(first, 'queue:join', {});
    const sanne = await h.staff('Sanne');
    const taken = await ackOk(sanne.socket, 'conversation:take', {});
    expect(await ack(sanne.socket, 'conversation:block', { conversationId: taken.conversation.conversationId })).toMatchObject({ ok: true });
    // Our proxy appends the address it saw; the client wrote the part on the left.
    const spoofed = await youthFrom(h, '192.0.2.77, 203.0.113.9');
    expect(await ack(spoofed, 'queue:join', {})).toMatchObject({ ok: false, code: 'blocked' });
    first.close();
    spoofed.close();
  });

  test('with two trusted hops the second address from the right counts', async () => {
    h = await startChat({ accounts: [['Sanne', 'counsellor']], config: { trustProxy: 2 } });
    for (let i = 0; i < 6; i++) await login(h, 'Sanne', `fout-${i}-wachtwoord`, `192.0.2.${i}, 203.0.113.9, 10.0.0.1`);
    expect((await login(h, 'Sanne', PASSWORD, '192.0.2.99, 203.0.113.9, 10.0.0.2')).status).toBe(429);
    expect((await login(h, 'Sanne', PASSWORD, '203.0.113.9, 198.51.100.20, 10.0.0.1')).status).toBe(200);
  });
});
