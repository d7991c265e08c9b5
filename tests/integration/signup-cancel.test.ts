/**
 * Attacker review 17, M2 (and m8): one sign-up cannot bring more people than the activity allows, and
 * staff with the activities role cancel a sign-up: its places go back and the waiting list moves up,
 * marked "van wachtlijst" for staff. Also: a malformed CSV filter is refused, and the log says which
 * staff account exported or cancelled, nothing about the sign-up.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { SqliteSignupStore } from '../../chat-server/signups/sqlite-store.ts';
import { cancelNoticeText } from '../../shared/signup/staff-text.ts';
import type { CancelAnswer } from '../../shared/signup/types.ts';
import { form, parent, startSignupNode, type SignupNode } from './signup-harness.ts';

const nodes: SignupNode[] = [];
afterEach(async () => {
  for (const node of nodes.splice(0)) await node.close().catch(() => undefined);
});
async function node() {
  const n = await startSignupNode({
    accounts: [
      ['Petra', 'activities'],
      ['Sanne', 'counsellor'],
    ],
  });
  nodes.push(n);
  return n;
}

interface Row {
  id: string;
  name: string;
  people: number;
  status: string;
  promotedAt?: number;
}
async function rows(n: SignupNode, token: string): Promise<Row[]> {
  const view = await n.get('/api/medewerkers/aanmeldingen', { Authorization: `Bearer ${token}` });
  return view.body.activities.flatMap((a) => a.options.flatMap((o) => o.signups as Row[]));
}
const cancel = (n: SignupNode, id: unknown, headers: Record<string, string>) => n.post('/api/medewerkers/aanmeldingen/annuleren', { id }, headers);

describe('people per sign-up', () => {
  test('the activity says how many people one sign-up may bring (default 4); more is refused at the field', async () => {
    const n = await node();
    const res = await n.post('/api/aanmelden', parent({ activity: 'online-avond', people: '5' }));
    expect(res.status).toBe(400);
    expect(res.body.fields).toEqual({ people: 'Kies met hoeveel personen je komt: 1 tot en met 4.' });
    const page = await n.post('/api/aanmelden', form(parent({ activity: 'online-avond', name: 'Kees', people: '5' })));
    expect(page.status).toBe(400);
    expect(page.text).toContain('value="Kees"');
    expect([...page.text.matchAll(/<option value="(\d)"/g)].map((m) => m[1])).toEqual(['1', '2', '3', '4']);
    expect((await n.post('/api/aanmelden', parent({ activity: 'online-avond', people: '4' }))).body.status).toBe('placed');
  });
});

describe('staff cancel a sign-up', () => {
  test('the places go back; each waiting group that fits moves up in order, marked for staff; a new sign-up takes a place no waiting group fits in', async () => {
    const n = await node();
    // Triple P has 4 places: Anna 3 + Bert 1 placed; Cor 2, Dirk 2, Eva 1 waiting.
    const signUp = (name: string, phone: string, people: number) => n.post('/api/aanmelden', parent({ name, phone, people, waitlist: '1' }));
    await signUp('Anna', '0611111111', 3);
    await signUp('Bert', '0622222222', 1);
    await signUp('Cor', '0633333333', 2);
    await signUp('Dirk', '0644444444', 2);
    await signUp('Eva', '0655555555', 1);
    const petra = await n.login('Petra');
    const auth = { Authorization: `Bearer ${petra}` };
    const anna = (await rows(n, petra)).find((r) => r.name === 'Anna');
    if (!anna) throw new Error('Anna missing');

    const res = await cancel(n, anna.id, auth);
    expect(res.status).toBe(200);
    // Whom to call, and who waits ahead of them because their group does not fit yet (newcomer review 17-3, minor 3).
    expect(res.body).toEqual({ ok: true, promoted: 2, promotedNames: ['Cor', 'Eva'], notFitting: [{ name: 'Dirk', people: 2 }] });
    expect(cancelNoticeText('Anna', res.body as unknown as CancelAnswer)).toBe(
      'Anna is afgemeld. Cor en Eva van de wachtlijst hebben nu een plek. Bel ze; je ziet "van wachtlijst" bij de naam. Dirk (2 personen) past nog niet en blijft bovenaan de wachtlijst.',
    );
    const after = await rows(n, petra);
    expect(after.map((r) => `${r.name}:${r.status}:${r.promotedAt ? 'van wachtlijst' : '-'}`)).toEqual([
      'Bert:placed:-',
      'Cor:placed:van wachtlijst',
      'Dirk:waiting:-',
      'Eva:placed:van wachtlijst',
    ]);
    // Cor took 2 of the 3 freed places; Dirk (2) does not fit in the 1 left and keeps his first place in line; Eva (1) behind him takes it.
    expect((await n.get('/api/aanmelden/plekken?activiteit=triple-p')).body.options[0]).toMatchObject({ left: 0, state: 'waitlist' });
    // The CSV says whom to call, like the page (newcomer review 17-2, minor 3).
    const csv = (await n.get('/api/medewerkers/aanmeldingen.csv?activiteit=triple-p', auth)).text;
    expect(csv.match(/;Geplaatst van wachtlijst;/g)).toHaveLength(2);
    // Bert cancels: 1 place free, Dirk (2) still does not fit. That place does not stay empty: a new
    // sign-up of 1 fits and takes it, as Eva did (attacker review 17-3, m1); Dirk keeps place 1.
    const bert = after.find((r) => r.name === 'Bert');
    expect((await cancel(n, bert?.id ?? '', auth)).body).toEqual({ ok: true, promoted: 0, promotedNames: [], notFitting: [] });
    expect((await n.get('/api/aanmelden/plekken?activiteit=triple-p')).body.options[0]).toMatchObject({ left: 1, state: 'open' });
    const fien = await n.post('/api/aanmelden', parent({ name: 'Fien', phone: '0666666666', people: 1 }));
    expect(fien.body).toMatchObject({ ok: true, status: 'placed', people: 1 });
    // Full again: a new group goes behind Dirk.
    const gijs = await n.post('/api/aanmelden', parent({ name: 'Gijs', phone: '0677777777', people: 1 }));
    expect(gijs.body.code).toBe('needs_waitlist');
    expect((await n.post('/api/aanmelden', parent({ name: 'Gijs', phone: '0677777777', people: 1, waitlist: '1' }))).body).toMatchObject({
      status: 'waiting',
      position: 2,
    });

    const again = await cancel(n, anna.id, auth);
    expect(again.status).toBe(404);
    expect(again.body.error).toBe('Deze aanmelding is er niet meer. Misschien heeft een collega haar al afgemeld.');
    // Who cancelled is logged (a staff account), never who was cancelled.
    const line = n.logs.find((l) => l.includes('"signup.cancelled"'));
    expect(line).toContain('"account":"Petra"');
    expect(n.logs.join('\n')).not.toMatch(/Anna|Cor|Fien|0611111111/);
  });

  test('only the activities role (and supervisors), only with a login, only from this site, only by POST', async () => {
    const n = await node();
    await n.post('/api/aanmelden', parent());
    const petra = await n.login('Petra');
    const all = await rows(n, petra);
    expect(all).toHaveLength(1);
    const row = all[0];
    const sanne = await cancel(n, row.id, { Authorization: `Bearer ${await n.login('Sanne')}` });
    expect(sanne.status).toBe(403);
    expect(sanne.body.error).toContain('Geen toegang');
    expect((await cancel(n, row.id, {})).status).toBe(401);
    expect((await cancel(n, row.id, { Authorization: `Bearer ${petra}`, Origin: 'https://kwaadwillend.example' })).status).toBe(403);
    expect((await n.get('/api/medewerkers/aanmeldingen/annuleren', { Authorization: `Bearer ${petra}` })).status).toBe(405);
    for (const bad of ['', '../x', 'x'.repeat(200), 42, null]) expect((await cancel(n, bad, { Authorization: `Bearer ${petra}` })).status).toBe(404);
    expect(await rows(n, petra)).toHaveLength(1);
  });
});

describe('the CSV export', () => {
  test('a malformed activity is a Dutch 400, not everything; the log names the staff account only', async () => {
    const n = await node();
    await n.post('/api/aanmelden', parent({ name: 'Anna' }));
    const auth = { Authorization: `Bearer ${await n.login('Petra')}` };
    for (const bad of ['../../etc/passwd', 'Triple-P', '%20', '']) {
      const res = await n.get(`/api/medewerkers/aanmeldingen.csv?activiteit=${bad}`, auth);
      expect(res.status, bad).toBe(400);
      expect(res.text).toContain('Deze activiteit bestaat niet.');
    }
    expect((await n.get('/api/medewerkers/aanmeldingen.csv?activiteit=triple-p', auth)).text).toContain(';Anna;');
    const line = n.logs.find((l) => l.includes('"signup.exported"'));
    expect(line).toContain('"account":"Petra"');
    expect(line).not.toContain('Anna');
  });
});

describe('a cancelled sign-up is gone from the files at once (attacker review 17, m5)', () => {
  test('no trace of its ciphertext in the data folder after cancelling, while the server still runs', async () => {
    const n = await node();
    await n.post('/api/aanmelden', parent({ name: 'Anna', phone: '0611111111' }));
    await n.post('/api/aanmelden', parent({ name: 'Bert', phone: '0622222222' }));
    // A second reader of the same file, as a thief with a copy would read it.
    const reader = new SqliteSignupStore(n.dataDir);
    const list = await reader.list();
    await reader.close();
    expect(list).toHaveLength(2);
    const anna = list[0];
    const box = anna.box;
    const folder = () =>
      readdirSync(n.dataDir)
        .filter((f) => f.startsWith('aanmeldingen.sqlite'))
        .map((f) => readFileSync(join(n.dataDir, f)).toString('latin1'))
        .join('\n');
    expect(folder()).toContain(box.slice(0, 40));
    expect(await n.signups.service.cancel(anna.id)).toEqual({ promoted: 0, promotedNames: [], notFitting: [] });
    expect(folder()).not.toContain(box.slice(0, 40));
    expect(folder()).not.toContain(anna.id);
  });
});
