/**
 * Hardening of the sign-up endpoints (review 17): a body that trickles in is given up with 408 and
 * nothing of it is used; the staff API takes the auth scheme in any case (RFC 9110); a form from the
 * configured site URL is accepted when this server runs under another host name, "Origin: null" not.
 */
import { connect } from 'node:net';
import { describe, expect, test } from 'vitest';
import { site } from '../../shared/config/site.ts';
import { form, parent, signupNodes, type SignupNode } from './signup-harness.ts';

const node = signupNodes({ accounts: [['Petra', 'activities']] });

async function stored(n: SignupNode): Promise<number> {
  const view = await n.get('/api/medewerkers/aanmeldingen', { Authorization: `Bearer ${await n.login('Petra')}` });
  return view.body.activities.flatMap((a) => a.options.flatMap((o) => o.signups)).length;
}

/**
 * A raw client on 127.0.0.1 that sends the headers and the first half of a valid body, then one more
 * byte each time the server has not answered yet, never the whole body; resolves with what the server
 * sent once it closes the connection.
 */
function trickle(url: string, body: string): Promise<string> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1');
    let answer = '';
    let sent = Math.floor(body.length / 2);
    let drip: NodeJS.Timeout | undefined;
    socket.on('connect', () => {
      socket.write(
        `POST /api/aanmelden HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/x-www-form-urlencoded\r\n` +
          `Content-Length: ${body.length}\r\nSec-Fetch-Site: same-origin\r\n\r\n${body.slice(0, sent)}`,
      );
      drip = setInterval(() => {
        // Never the last byte: the body stays incomplete however long the server waits.
        if (sent < body.length - 1) socket.write(body[sent++] ?? '');
      }, 50);
    });
    socket.on('data', (chunk) => (answer += chunk.toString('utf8')));
    socket.on('close', () => {
      clearInterval(drip);
      resolve(answer);
    });
    socket.on('error', reject);
  });
}

describe('a body that trickles in', () => {
  test('gets 408 with a Dutch sentence, the connection is closed, and nothing is stored', async () => {
    const n = await node({ config: { bodyTimeoutMs: 300 } });
    const answer = await trickle(n.url, form(parent({ question: 'x'.repeat(400) })));
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(answer).toContain('Het versturen duurde te lang. Er is niets bewaard.');
    expect(await stored(n)).toBe(0);
    expect(n.logs.some((l) => l.includes('signup.body_timeout'))).toBe(true);
    // A body that arrives whole in time is not affected.
    expect((await n.post('/api/aanmelden', form(parent()), { 'Sec-Fetch-Site': 'same-origin' })).status).toBe(200);
  });

  test('by default the limit is 10 seconds', async () => {
    const n = await node();
    expect(n.signups.service.config.bodyTimeoutMs).toBe(10_000);
  });
});

describe('staff API: the auth scheme in any case (RFC 9110)', () => {
  test('"bearer", "BEARER" and "Bearer" all work; a wrong scheme or no token does not', async () => {
    const n = await node();
    const token = await n.login('Petra');
    for (const scheme of ['Bearer', 'bearer', 'BEARER', 'bEaReR']) {
      expect((await n.get('/api/medewerkers/aanmeldingen', { Authorization: `${scheme} ${token}` })).status, scheme).toBe(200);
    }
    expect((await n.get('/api/medewerkers/aanmeldingen', { Authorization: `Basic ${token}` })).status).toBe(401);
    expect((await n.get('/api/medewerkers/aanmeldingen', { Authorization: 'bearer' })).status).toBe(401);
  });
});

describe('Origin: the configured site URL as well as this server host', () => {
  test("the site's own pages may post from the site URL; another site and Origin null are refused", async () => {
    const n = await node();
    const siteOrigin = new URL(site.siteUrl).origin;
    expect((await n.post('/api/aanmelden', form(parent()), { Origin: siteOrigin })).status).toBe(200);
    expect((await n.post('/api/aanmelden', form(parent({ phone: '0611111111' })), { 'Sec-Fetch-Site': 'same-site', Origin: siteOrigin })).status).toBe(200);
    const refused: Record<string, string>[] = [
      { Origin: 'null' },
      { Origin: `${siteOrigin}.evil.example` },
      { 'Sec-Fetch-Site': 'cross-site', Origin: siteOrigin },
    ];
    for (const headers of refused) {
      expect((await n.post('/api/aanmelden', form(parent({ phone: '0622222222' })), headers)).status, JSON.stringify(headers)).toBe(403);
    }
    expect(await stored(n)).toBe(2);
  });
});
