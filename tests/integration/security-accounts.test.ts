/**
 * Security review, findings 1 and 2: a removed, re-added, re-keyed or demoted account loses what it
 * had at once — its open sockets, its login tokens and its conversations (back to the queue).
 */
import { spawnSync } from 'node:child_process';
import { io } from 'socket.io-client';
import { afterEach, describe, expect, test } from 'vitest';
import { addAccount, removeAccount, setAccountPassword, setAccountRole } from '../../chat-server/accounts/account-file.ts';
import { hashPassword } from '../../chat-server/accounts/password.ts';
import { ack, ackOk, eventually, next, startChat, PASSWORD, type Harness } from './chat-harness.ts';

const CHEAP = { N: 2 ** 10, r: 8, p: 1 };
let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** Whether a staff-only HTTP endpoint (the figures) would still accept this token: 1 or 0. */
async function staffRequest(harness: Harness, token: string): Promise<number> {
  return (await harness.chat.staffFromRequest({ headers: { authorization: `Bearer ${token}` } } as never)) ? 1 : 0;
}

describe('finding 1: removing an account ends its access at once', () => {
  test('a removed counsellor cannot send or take, is disconnected, and the chat goes back to the queue', async () => {
    // A long grace period: the requeue below must come from the removal, not from the dropped socket.
    h = await startChat({
      accounts: [
        ['Sanne', 'counsellor'],
        ['Kees', 'counsellor'],
      ],
      config: { counsellorGraceMs: 60_000 },
    });
    const youth = await h.youth();
    await ack(youth.socket, 'queue:join', {});
    const sanne = await h.staff('Sanne');
    const taken = await ackOk(sanne.socket, 'conversation:take', {});
    expect(taken.ok).toBe(true);
    const other = await h.youth();
    await ack(other.socket, 'queue:join', {});

    removeAccount(h.dataDir, 'Sanne');
    // The review's trick: any failed login re-reads the file, so a sweep that only looks for "a change" misses it.
    expect((await h.login('Niemand', 'verkeerd-wachtwoord')).status).toBe(401);

    const send = await ack(sanne.socket, 'message:send', { conversationId: taken.conversation.conversationId, text: 'nog steeds hier' }).catch(() => ({
      ok: false,
      code: 'disconnected',
    }));
    expect(send).toMatchObject({ ok: false });
    await eventually(() => sanne.socket.disconnected, 2000);
    const store = h.store;
    await eventually(async () => (await store.getConversation(taken.conversation.conversationId))?.counsellorKey === null, 2000);
    expect(await h.store.queueLength()).toBe(2);
    expect(await h.store.getPresence('sanne')).toBeNull();
    // Her token is gone too.
    expect(await staffRequest(h, sanne.token)).toBe(0);
    const again = io(`${h.url}/medewerkers`, { auth: { token: sanne.token }, transports: ['websocket'], reconnection: false, forceNew: true });
    expect((await next<Error & { data?: { code: string } }>(again, 'connect_error')).data?.code).toBe('unauthorized');
    again.close();
    // A colleague takes the conversation over, history and all.
    const kees = await h.staff('Kees');
    expect(await ack(kees.socket, 'conversation:take', {})).toMatchObject({ ok: true, conversation: { conversationId: taken.conversation.conversationId } });
  });
});

describe('finding 2: login sessions belong to one version of an account', () => {
  test('remove + re-add with the same name does not revive old tokens', async () => {
    h = await startChat({ accounts: [['Sanne', 'counsellor']] });
    const sanne = await h.staff('Sanne');
    expect(await staffRequest(h, sanne.token)).toBe(1);
    // Within one sweep interval, so "the list did not change" for a sweep that compares names only.
    removeAccount(h.dataDir, 'Sanne');
    addAccount(h.dataDir, 'Sanne', 'counsellor', await hashPassword('een-nieuw-wachtwoord', CHEAP));
    await eventually(() => sanne.socket.disconnected, 2000);
    expect(await staffRequest(h, sanne.token)).toBe(0);
    const again = io(`${h.url}/medewerkers`, { auth: { token: sanne.token }, transports: ['websocket'], reconnection: false, forceNew: true });
    expect((await next<Error & { data?: { code: string } }>(again, 'connect_error')).data?.code).toBe('unauthorized');
    again.close();
    expect((await h.login('Sanne', PASSWORD)).status).toBe(401);
    expect((await h.login('Sanne', 'een-nieuw-wachtwoord')).status).toBe(200);
  });

  test('a new password ends the sessions of the old one; the new one works', async () => {
    h = await startChat({ accounts: [['Sanne', 'counsellor']] });
    const sanne = await h.staff('Sanne');
    expect(await staffRequest(h, sanne.token)).toBe(1);
    setAccountPassword(h.dataDir, 'Sanne', await hashPassword('een-nieuw-wachtwoord', CHEAP));
    const refused = await ack(sanne.socket, 'presence:set', { available: false }).catch(() => ({ ok: false }));
    expect(refused).toMatchObject({ ok: false });
    await eventually(() => sanne.socket.disconnected, 2000);
    expect(await staffRequest(h, sanne.token)).toBe(0);
    expect((await h.login('Sanne', 'een-nieuw-wachtwoord')).status).toBe(200);
  });

  test('a demoted supervisor loses the supervisor role on the open socket at once', async () => {
    h = await startChat({
      accounts: [
        ['Sanne', 'counsellor'],
        ['Fatima', 'supervisor'],
      ],
    });
    const youth = await h.youth();
    await ack(youth.socket, 'queue:join', {});
    const sanne = await h.staff('Sanne');
    const taken = await ackOk(sanne.socket, 'conversation:take', {});
    await ack(sanne.socket, 'conversation:flag', { conversationId: taken.conversation.conversationId });
    const fatima = await h.staff('Fatima');
    setAccountRole(h.dataDir, 'Fatima', 'counsellor');
    const observe = await ack(fatima.socket, 'conversation:observe', { conversationId: taken.conversation.conversationId }).catch(() => ({ ok: false }));
    expect(observe).toMatchObject({ ok: false });
    await eventually(() => fatima.socket.disconnected, 2000);
    const relogin = await h.login('Fatima', PASSWORD);
    expect(relogin.body).toMatchObject({ ok: true, role: 'counsellor' });
  });
});

describe('the administration command line (attacker review 17, m1 and m2)', () => {
  const cli = (dataDir: string, args: string[], input = '') =>
    spawnSync(process.execPath, ['chat-server/cli/counsellor.ts', ...args], { env: { ...process.env, CJG_DATA_DIR: dataDir }, input, encoding: 'utf8' });

  test('a role set back (supervisor → counsellor → supervisor) does not revive the old login', async () => {
    const harness = await startChat({ accounts: [['Fatima', 'supervisor']] });
    h = harness;
    const login = await h.login('Fatima', PASSWORD);
    if (!login.body.ok) throw new Error('login failed');
    const token = login.body.token;
    expect(await staffRequest(h, token)).toBe(1);
    expect(cli(h.dataDir, ['role', 'Fatima', 'counsellor']).status).toBe(0);
    await eventually(async () => (await staffRequest(harness, token)) === 0, 5000);
    expect(cli(h.dataDir, ['role', 'Fatima', 'supervisor']).status).toBe(0);
    const fresh = await h.login('Fatima', PASSWORD);
    expect(fresh.body).toMatchObject({ ok: true, role: 'supervisor' });
    // The new login works (so the file was read again); the old token stays dead.
    if (fresh.body.ok) expect(await staffRequest(h, fresh.body.token)).toBe(1);
    expect(await staffRequest(h, token)).toBe(0);
  });

  test('a mistyped option is refused with a Dutch message, and no account is made', async () => {
    h = await startChat({ accounts: [['Sanne', 'counsellor']] });
    for (const args of [
      ['add', 'Joop2', '--rol', 'activities'],
      ['add', 'Kees', '--role', 'activities', '--role', 'supervisor'],
      ['add', 'Kees', '-r', 'activities'],
      ['role', 'Sanne', '--rol', 'activities'],
    ]) {
      const run = cli(h.dataDir, args, `${PASSWORD}\n`);
      expect(run.status, args.join(' ')).not.toBe(0);
      expect(run.stderr, args.join(' ')).toMatch(/^Onbekende optie "-/);
    }
    const list = cli(h.dataDir, ['list']);
    expect(list.stdout.trim().split('\n')).toEqual([expect.stringMatching(/^Sanne\tcounsellor\t/)]);
    // A name of several words is still fine.
    expect(cli(h.dataDir, ['add', 'Joop', 'de', 'Vries', '--role', 'activities'], `${PASSWORD}\n`).status).toBe(0);
    expect(cli(h.dataDir, ['list']).stdout).toMatch(/^Joop de Vries\tactivities\t/m);
  });
});
