/**
 * Signing up for an activity against a real server: a place, a full option and the waiting list, places
 * counted atomically, the form without JavaScript, a restart, staff reading and exporting, the role
 * check and deletion after the last meeting (with the clock moved).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { readAccounts } from '../../chat-server/accounts/account-file.ts';
import { staticCatalogue } from '../../chat-server/signups/catalogue.ts';
import { staffApi, startQuestionNode } from './question-harness.ts';
import { DAY, form as formBody, parent, staffActivity, startSignupNode, testActivities, type SignupNode } from './signup-harness.ts';

const nodes: SignupNode[] = [];
afterEach(async () => {
  for (const node of nodes.splice(0)) await node.close().catch(() => undefined);
});
async function node(options: Parameters<typeof startSignupNode>[0] = {}) {
  const n = await startSignupNode({
    accounts: [
      ['Petra', 'activities'],
      ['Sanne', 'counsellor'],
      ['Fatima', 'supervisor'],
    ],
    ...options,
  });
  nodes.push(n);
  return n;
}

/** Every byte of the data folder, as a thief with a copy of it would read it. */
const dataFolderText = (dir: string) =>
  readdirSync(dir)
    .map((f) => readFileSync(join(dir, f)).toString('latin1'))
    .join('\n');

describe('signing up', () => {
  test('a parent gets a place; the places left go down; nothing readable is stored', async () => {
    const n = await node();
    const before = await n.get('/api/aanmelden/plekken?activiteit=triple-p');
    expect(before.body.options).toEqual([expect.objectContaining({ key: 'reeks', places: 4, left: 4, state: 'open' })]);
    const res = await n.post('/api/aanmelden', parent({ name: 'Marloes', phone: '06 87654321', question: 'Is er oppas?', people: 2 }));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: true, status: 'placed', people: 2, activityTitle: 'Triple P-cursus' });
    expect(res.body.deleteText).toBe('dinsdag 6 april 2027');
    const after = await n.get('/api/aanmelden/plekken?activiteit=triple-p');
    expect(after.body.options[0]).toMatchObject({ left: 2, state: 'open' });
    await n.signups.close();
    const disk = dataFolderText(n.dataDir);
    for (const secret of ['Marloes', '0687654321', '87654321', 'oppas']) expect(disk).not.toContain(secret);
    nodes.splice(0);
  });

  test('full: the form first says "Vol — je komt op de wachtlijst" and stores nothing; agreed, the parent waits', async () => {
    const n = await node();
    expect((await n.post('/api/aanmelden', parent({ people: 4 }))).body.status).toBe('placed');
    const full = await n.post('/api/aanmelden', parent({ name: 'Kees', phone: '0612312312' }));
    expect(full.status).toBe(409);
    expect(full.body).toMatchObject({
      ok: false,
      code: 'needs_waitlist',
      error: 'Vol — je komt op de wachtlijst. Komt er een plek vrij, dan neemt de organisator contact met je op.',
    });
    expect(full.body.option).toMatchObject({ state: 'waitlist', left: 0 });
    const waiting = await n.post('/api/aanmelden', parent({ name: 'Kees', phone: '0612312312', waitlist: '1' }));
    expect(waiting.body).toMatchObject({ ok: true, status: 'waiting' });
    const view = await n.get('/api/medewerkers/aanmeldingen', { Authorization: `Bearer ${await n.login('Petra')}` });
    const option = staffActivity(view, 'triple-p').options[0];
    expect(option).toMatchObject({ placedPeople: 4, waitingPeople: 1 });
    expect(option.signups.map((s) => [s.name, s.position])).toEqual([
      ['Fatima', undefined],
      ['Kees', 1],
    ]);
  });

  test('a family that does not fit in the places left waits as a whole, and is told why', async () => {
    const n = await node();
    await n.post('/api/aanmelden', parent({ people: 3 }));
    const res = await n.post('/api/aanmelden', parent({ phone: '0611111111', people: 2 }));
    expect(res.body.code).toBe('needs_waitlist');
    expect(res.body.error).toBe('Er is nog 1 plek en jullie zijn met 2. Je komt daarom op de wachtlijst. Kies minder personen als niet iedereen mee hoeft.');
    expect((await n.post('/api/aanmelden', parent({ phone: '0611111111', people: 1 }))).body.status).toBe('placed');
  });

  test('when the waiting list is full too, the form says to call the organiser', async () => {
    const n = await node();
    await n.post('/api/aanmelden', parent({ people: 4 }));
    // The waiting list holds at least 10 people.
    for (let i = 0; i < 2; i++)
      expect((await n.post('/api/aanmelden', parent({ phone: `061000000${i}`, people: 5, waitlist: '1' }))).body.status).toBe('waiting');
    const res = await n.post('/api/aanmelden', parent({ phone: '0619999999', waitlist: '1' }));
    expect(res.status).toBe(409);
    expect(res.body.error).toContain('Vol, en de wachtlijst is ook vol');
    expect((await n.get('/api/aanmelden/plekken?activiteit=triple-p')).body.options[0].state).toBe('closed');
  });

  test('twenty parents at the same moment for four places: exactly four get one', async () => {
    const n = await node();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => n.post('/api/aanmelden', parent({ phone: `06200000${String(i).padStart(2, '0')}`, waitlist: '1' }))),
    );
    const statuses = results.map((r) => r.body.status);
    expect(statuses.filter((s) => s === 'placed')).toHaveLength(4);
    expect(statuses.filter((s) => s === 'waiting')).toHaveLength(10);
    expect(results.filter((r) => r.status === 409)).toHaveLength(6);
  });

  test('the same form sent twice is one sign-up with the first answer; without an id, every request is new', async () => {
    const n = await node();
    const left = async () => (await n.get('/api/aanmelden/plekken?activiteit=triple-p')).body.options[0].left;
    const id = 'formulier-van-fatima-0001';
    const first = await n.post('/api/aanmelden', parent({ phone: '06-12345678', people: '2', submission: id }));
    expect(first.body).toMatchObject({ ok: true, status: 'placed', people: 2 });
    // A double click, or a refresh after changing the number: the answer of the first send, nothing new stored.
    const again = await n.post('/api/aanmelden', parent({ phone: '06-12345678', people: '3', submission: id }));
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(await left()).toBe(2);
    // Without JavaScript, the page shows the same (a browser refresh sends the same form again).
    const page = await n.post('/api/aanmelden', formBody(parent({ phone: '06-12345678', people: '2', submission: id })));
    expect(page.text).toContain('Je komt met 2 personen.');
    expect(await left()).toBe(2);
    // A client without an id is never matched against stored sign-ups: the same request twice is two
    // (staff see the second flagged as a possible double).
    await n.post('/api/aanmelden', parent({ name: 'Ans', phone: '', email: 'Ouder@Example.NL' }));
    await n.post('/api/aanmelden', parent({ name: 'Ans', phone: '', email: 'Ouder@Example.NL' }));
    expect(await left()).toBe(0);
  });

  test('a request without an id tells nothing about who is signed up, on the same network either (attacker review 17-3, M1)', async () => {
    const n = await node();
    const stored = async () => (await n.signups.service.staffView()).activities.flatMap((a) => a.options.flatMap((o) => o.signups)).length;
    // Lotte signs up without JavaScript (the static page has no id); the evening (2 places) fills up.
    const lotte = { activity: 'ouderavond', option: '2027-03-18T19:30', name: 'Lotte', phone: '0614141414', people: '2', submission: '' };
    const page = await n.post('/api/aanmelden', formBody(lotte));
    expect(page.text).toContain('Je bent aangemeld');
    expect(await stored()).toBe(1);
    // From the same network, the same fields as JSON without an id: exactly the answer for someone not signed up.
    const probe = await n.post('/api/aanmelden', { ...lotte, submission: undefined });
    const unknown = await n.post('/api/aanmelden', { ...lotte, name: 'Anna', phone: '0615151515', submission: undefined });
    expect(probe.status).toBe(409);
    expect(probe.body.code).toBe('needs_waitlist');
    expect(probe.body).toEqual(unknown.body);
    // On the waiting list too: both stored, consecutive places; the count grows for the known person as for the unknown one.
    const probeWaits = await n.post('/api/aanmelden', { ...lotte, waitlist: '1' });
    expect(probeWaits.body).toMatchObject({ ok: true, status: 'waiting', position: 1 });
    expect(await stored()).toBe(2);
    const unknownWaits = await n.post('/api/aanmelden', { ...lotte, name: 'Anna', phone: '0615151515', waitlist: '1' });
    expect(unknownWaits.body).toMatchObject({ ok: true, status: 'waiting', position: 2 });
    expect(await stored()).toBe(3);
    // The no-JS form page is answered with a redirect to the confirmation (303): a reload sends nothing again.
    const raw = await fetch(`${n.url}/api/aanmelden`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: n.url },
      body: formBody({ ...lotte, name: 'Noor', phone: '0616161616', waitlist: '1' }),
    });
    expect(raw.status).toBe(303);
    const location = raw.headers.get('location') ?? '';
    expect(location).toMatch(/^\/api\/aanmelden\/uitkomst\?uitkomst=[\w-]+$/);
    expect(location).not.toContain('Noor');
    const shown = await n.get(location);
    const reload = await n.get(location);
    expect(shown.status).toBe(200);
    expect(shown.text).toContain('Je staat op de wachtlijst, plek 3');
    expect(reload.text).toBe(shown.text);
    expect(await stored()).toBe(4);
    // A made-up or changed link shows no confirmation.
    const forged = await n.get(`${location.slice(0, -4)}AAAA`);
    expect(forged.status).toBe(404);
    expect(forged.text).toContain('Deze bevestiging is niet meer te zien');
  });

  test('a malformed submission id is refused in Dutch and stores nothing (attacker review 17-3, m3)', async () => {
    const n = await node();
    for (const bad of ['a', '1', '<script>', '../../', 'x'.repeat(200)]) {
      const res = await n.post('/api/aanmelden', parent({ submission: bad }));
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({
        ok: false,
        code: 'invalid',
        error: 'Dit formulier is niet goed verstuurd. Er is niets bewaard. Laad de pagina opnieuw en meld je nog een keer aan.',
      });
    }
    // Without JavaScript: the sentence above the form, what was typed kept, and a fresh id of the right shape.
    const page = await n.post('/api/aanmelden', formBody(parent({ name: 'Ilse', submission: '<script>' })));
    expect(page.status).toBe(400);
    expect(page.text).toContain('Dit formulier is niet goed verstuurd.');
    expect(page.text).toContain('value="Ilse"');
    expect(page.text).not.toContain('<script>');
    expect(/name="submission" value="([^"]*)"/.exec(page.text)?.[1]).toMatch(/^[\w-]{16,64}$/);
    expect((await n.get('/api/aanmelden/plekken?activiteit=triple-p')).body.options[0].left).toBe(4);
  });

  test('a known contact and a new one get the same answers and take the same places (attacker review 17-2, M1)', async () => {
    const n = await node();
    const left = async () => (await n.get('/api/aanmelden/plekken?activiteit=triple-p')).body.options[0].left;
    let forms = 0;
    const send = (name: string, phone: string, extra: Record<string, string> = {}) =>
      n.post('/api/aanmelden', parent({ name, phone, people: '1', submission: `los-formulier-nummer-${++forms}`, ...extra }));
    expect((await send('Bert', '0611111111')).body.status).toBe('placed');
    expect(await left()).toBe(3);
    // Mallory probes Bert's number, then a new one: the same answer, and each takes a place.
    const known = await send('Mallory', '+31611111111');
    expect(await left()).toBe(2);
    const unknown = await send('Mallory', '0622222222');
    expect(await left()).toBe(1);
    expect(known.status).toBe(unknown.status);
    expect(known.body).toEqual(unknown.body);
    expect(known.body).toMatchObject({ ok: true, status: 'placed', people: 1 });
    await send('Cas', '0655555555');
    // Full: a known and an unknown number get the same refusal, then consecutive places in line.
    const fullKnown = await send('Mallory', '0611111111');
    const fullUnknown = await send('Mallory', '0633333333');
    expect(fullKnown.status).toBe(409);
    expect(fullKnown.body).toEqual(fullUnknown.body);
    const waitKnown = await send('Mallory', '0611111111', { waitlist: '1' });
    const waitUnknown = await send('Mallory', '0644444444', { waitlist: '1' });
    expect(waitKnown.body).toMatchObject({ status: 'waiting', position: 1 });
    expect(waitUnknown.body).toMatchObject({ status: 'waiting', position: 2 });
    expect({ ...waitKnown.body, position: 0 }).toEqual({ ...waitUnknown.body, position: 0 });
    // Without JavaScript: what was sent is what is stored, so the page never confirms what is not there.
    const page = await n.post('/api/aanmelden', formBody(parent({ name: 'Karel', phone: '0611111111', people: '4', waitlist: '1' })));
    expect(page.text).toContain('Je komt met 4 personen.');
    const staff = staffActivity(await n.get('/api/medewerkers/aanmeldingen', { Authorization: `Bearer ${await n.login('Petra')}` }), 'triple-p').options[0];
    // Every sign-up is stored as sent; those with Bert's number are marked for staff to clean up.
    expect(
      staff.signups.map(
        (x: { name: string; people: number; status: string; sameContactAs?: string }) => `${x.name}:${x.people}:${x.status}:${x.sameContactAs ?? ''}`,
      ),
    ).toEqual([
      'Bert:1:placed:',
      'Mallory:1:placed:Bert',
      'Mallory:1:placed:',
      'Cas:1:placed:',
      'Mallory:1:waiting:Bert',
      'Mallory:1:waiting:',
      'Karel:4:waiting:Bert',
    ]);
    const csv = await n.get('/api/medewerkers/aanmeldingen.csv?activiteit=triple-p', { Authorization: `Bearer ${await n.login('Petra')}` });
    expect(csv.text.match(/Zelfde telefoon\/e-mail als Bert: misschien dubbel\./g)).toHaveLength(3);
  });

  test('an evening given on several dates: each date has its own places; a date that started is closed', async () => {
    const clock = { now: Date.parse('2027-01-10T12:00:00Z') };
    const n = await node({ clock });
    const choose = await n.post('/api/aanmelden', parent({ activity: 'ouderavond', option: '' }));
    expect(choose.status).toBe(400);
    expect(choose.body.fields).toEqual({ option: 'Kies een bijeenkomst uit de lijst.' });
    expect((await n.post('/api/aanmelden', parent({ activity: 'ouderavond', option: '2027-05-20T19:30' }))).body.fields).toEqual({
      option: 'Kies een bijeenkomst uit de lijst.',
    });
    clock.now = Date.parse('2027-02-01T12:00:00Z');
    const past = await n.post('/api/aanmelden', parent({ activity: 'ouderavond', option: '2027-01-28T19:30' }));
    expect(past.status).toBe(409);
    expect(past.body.fields.option).toBe('Deze bijeenkomst is al begonnen. Kies een andere, of neem contact op met de organisator.');
    expect(past.body.contact).toMatchObject({ phone: '012-345 67 89' });
    const ok = await n.post('/api/aanmelden', parent({ activity: 'ouderavond', option: '2027-03-18T19:30', people: 2 }));
    expect(ok.body).toMatchObject({ status: 'placed', optionLabel: 'donderdag 18 maart 2027, 19.30 tot 21.00 uur' });
    const places = (await n.get('/api/aanmelden/plekken?activiteit=ouderavond')).body.options;
    expect(places.map((o: { state: string }) => o.state)).toEqual(['started', 'waitlist']);
  });

  test('no limit: everyone is placed', async () => {
    const n = await node();
    for (let i = 0; i < 5; i++)
      expect((await n.post('/api/aanmelden', parent({ activity: 'online-avond', phone: `063000000${i}`, people: 4 }))).body.status).toBe('placed');
    expect((await n.get('/api/aanmelden/plekken?activiteit=online-avond')).body.options[0]).toMatchObject({ places: null, left: null, state: 'open' });
  });
});

describe('without JavaScript', () => {
  test('a form post gets a page: the confirmation with place or waiting list', async () => {
    const n = await node();
    const res = await n.post('/api/aanmelden', formBody(parent({ people: 4 })));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.text).toContain('<h1>Je bent aangemeld</h1>');
    expect(res.text).toContain(
      'Je bent aangemeld voor Triple P-cursus: De hele reeks (4 bijeenkomsten), vanaf dinsdag 9 februari 2027. Je komt met 4 personen.',
    );
    expect(res.text).toContain('href="/activiteiten/triple-p/"');
    const full = await n.post('/api/aanmelden', formBody(parent({ name: 'Kees', phone: '0612312312', question: 'Mag mijn "partner" <ook> mee?' })));
    expect(full.status).toBe(409);
    expect(full.text).toContain('Vol — je komt op de wachtlijst.');
    expect(full.text).toContain('<input type="hidden" name="waitlist" value="1">');
    expect(full.text).toContain('Aanmelden voor de wachtlijst');
    // What was typed comes back, escaped.
    expect(full.text).toContain('value="Kees"');
    expect(full.text).toContain('Mag mijn &quot;partner&quot; &lt;ook&gt; mee?</textarea>');
    const waiting = await n.post('/api/aanmelden', formBody(parent({ name: 'Kees', phone: '0612312312', waitlist: '1' })));
    expect(waiting.text).toContain('<h1>Je staat op de wachtlijst</h1>');
  });

  test('mistakes: the form again, what was typed kept, a Dutch sentence at each field and a summary', async () => {
    const n = await node();
    const res = await n.post(
      '/api/aanmelden',
      formBody(parent({ name: 'Jan 2', phone: '06-1234567', email: 'jan@hotmail,com', people: '9', question: 'x'.repeat(501) })),
    );
    expect(res.status).toBe(400);
    expect(res.text).toContain('Er staan 5 fouten in het formulier.');
    expect(res.text).toContain(
      '<a href="#aanmelden-naam">Gebruik alleen letters, spaties en gewone leestekens in je naam, zoals een punt, komma, streepje of haakjes.</a>',
    );
    expect(res.text).toContain('id="aanmelden-telefoon-fout" class="signup__error">Dit telefoonnummer klopt niet.');
    expect(res.text).toContain('Dit e-mailadres klopt niet. Het ziet eruit als naam@voorbeeld.nl.');
    expect(res.text).toContain('Kies met hoeveel personen je komt: 1 tot en met 6.');
    expect(res.text).toContain('Je vraag is te lang: hooguit 500 tekens.');
    expect(res.text).toContain('value="Jan 2"');
    expect(res.text).toContain('value="06-1234567"');
    expect(res.text).toMatch(/id="aanmelden-naam"[^>]*aria-invalid="true"/);
    const none = await n.post('/api/aanmelden', formBody(parent({ phone: '', email: '' })));
    expect(none.text).toContain('Vul een telefoonnummer of een e-mailadres in, zodat de organisator je kan bereiken.');
  });
});

describe('what is kept, and for how long', () => {
  test('a restart keeps every sign-up and the places taken', async () => {
    const first = await node();
    await first.post('/api/aanmelden', parent({ people: 3 }));
    const second = await first.restart();
    nodes.splice(0, 1, second);
    expect((await second.get('/api/aanmelden/plekken?activiteit=triple-p')).body.options[0].left).toBe(1);
    const view = await second.get('/api/medewerkers/aanmeldingen', { Authorization: `Bearer ${await second.login('Petra')}` });
    expect(staffActivity(view, 'triple-p').options[0]?.signups[0]).toMatchObject({ name: 'Fatima', phone: '0612345678', people: 3 });
  });

  test('deleted 7 days after the last meeting, not a minute before; an activity gone from the site by its own date', async () => {
    const clock = { now: Date.parse('2027-01-10T12:00:00Z') };
    const n = await node({ clock });
    await n.post('/api/aanmelden', parent());
    await n.post('/api/aanmelden', parent({ activity: 'online-avond' }));
    const lastMeeting = Date.parse('2027-03-30T21:30:00+02:00');
    clock.now = lastMeeting + 7 * DAY - 60_000;
    expect(await n.signups.service.sweep()).toEqual({ deleted: 0 });
    clock.now = lastMeeting + 7 * DAY;
    expect(await n.signups.service.sweep()).toEqual({ deleted: 1 });
    // The online evening left the site (a rebuild): its sign-up goes at the moment stored with it.
    const gone = await n.restart({ catalogue: staticCatalogue(testActivities().filter((a) => a.id !== 'online-avond')) });
    nodes.splice(0, 1, gone);
    clock.now = Date.parse('2027-04-22T21:00:00+02:00') - 1;
    expect(await gone.signups.service.sweep()).toEqual({ deleted: 0 });
    clock.now += 1;
    expect(await gone.signups.service.sweep()).toEqual({ deleted: 1 });
    const view = await gone.get('/api/medewerkers/aanmeldingen', { Authorization: `Bearer ${await gone.login('Petra')}` });
    // Gone from the list once deleted; the activities still on the site stay listed, every date without sign-ups.
    expect(view.body.activities.map((a) => [a.id, a.options.map((o) => o.signups.length)])).toEqual([
      ['ouderavond', [0, 0]],
      ['triple-p', [0]],
      ['online-link', [0]],
    ]);
    expect(gone.logs.some((l) => l.includes('signup.deleted'))).toBe(true);
  });

  test('a course that gets an extra evening keeps its sign-ups until 7 days after that one', async () => {
    const clock = { now: Date.parse('2027-01-10T12:00:00Z') };
    const n = await node({ clock });
    await n.post('/api/aanmelden', parent());
    const later = testActivities().map((a) => (a.id === 'triple-p' ? { ...a, endsMs: a.endsMs + 14 * DAY } : a));
    const moved = await n.restart({ catalogue: staticCatalogue(later) });
    nodes.splice(0, 1, moved);
    clock.now = Date.parse('2027-03-30T21:30:00+02:00') + 8 * DAY;
    expect(await moved.signups.service.sweep()).toEqual({ deleted: 0 });
    clock.now += 14 * DAY;
    expect(await moved.signups.service.sweep()).toEqual({ deleted: 1 });
  });
});

describe('staff', () => {
  test('the activities role and supervisors read and export; a counsellor gets 403, no login 401', async () => {
    const n = await node();
    await n.post(
      '/api/aanmelden',
      parent({ name: 'Anne-Marie', phone: '+31 (0)6 1234 5678', email: 'am@example.nl', people: 2, question: '=HYPERLINK("http://x")' }),
    );
    await n.post('/api/aanmelden', parent({ activity: 'online-avond', name: 'J.', phone: '', email: 'j@example.nl' }));
    for (const name of ['Petra', 'Fatima']) {
      const token = await n.login(name);
      expect((await n.get('/api/medewerkers/aanmeldingen', { Authorization: `Bearer ${token}` })).status).toBe(200);
    }
    const counsellor = await n.login('Sanne');
    const refused = await n.get('/api/medewerkers/aanmeldingen', { Authorization: `Bearer ${counsellor}` });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toContain('Geen toegang');
    expect((await n.get('/api/medewerkers/aanmeldingen.csv', { Authorization: `Bearer ${counsellor}` })).status).toBe(403);
    expect((await n.get('/api/medewerkers/aanmeldingen')).status).toBe(401);
    expect((await n.get('/api/medewerkers/aanmeldingen.csv', { Authorization: 'Bearer verzonnen-token-verzonnen-token-123' })).status).toBe(401);

    const csv = await n.get('/api/medewerkers/aanmeldingen.csv?activiteit=triple-p', { Authorization: `Bearer ${await n.login('Petra')}` });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toContain('aanmeldingen-triple-p.csv');
    const lines = csv.text.split('\r\n');
    expect(lines[0]).toBe('Activiteit;Bijeenkomst;Plek;Aangemeld op;Naam;Telefoon;E-mail;Personen;Vraag;Let op');
    expect(lines[1]).toContain(';Geplaatst;');
    expect(lines[1]).toContain(';Anne-Marie;06 12345678;am@example.nl;2;');
    // A spreadsheet formula stays text.
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(lines).toHaveLength(3);
    // The byte order mark Dutch Excel needs (fetch's text() hides it).
    const raw = new Uint8Array(
      await (await fetch(`${n.url}/api/medewerkers/aanmeldingen.csv`, { headers: { Authorization: `Bearer ${await n.login('Fatima')}` } })).arrayBuffer(),
    );
    expect([...raw.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  test('an activities account has no chat console and no questions', async () => {
    const n = await node();
    const token = await n.login('Petra');
    const { io } = await import('socket.io-client');
    const socket = io(`${n.url}/medewerkers`, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
    const error = await new Promise<Error>((resolve) => socket.once('connect_error', resolve));
    socket.disconnect();
    expect(error.message).toContain('niet ingelogd');

    const questions = await startQuestionNode({ accounts: [['Petra', 'activities']] });
    try {
      const refused = await staffApi(questions, await questions.login('Petra')).list();
      expect(refused.status).toBe(403);
    } finally {
      await questions.close();
    }
  });

  test('npm run counsellor grants and takes the activities role', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cjg-cli-rol-'));
    const cli = (args: string[], input = '') =>
      spawnSync('npm', ['run', '-s', 'counsellor', '--', ...args], {
        input,
        encoding: 'utf8',
        env: { ...process.env, CJG_DATA_DIR: dataDir },
        timeout: 30_000,
      });
    const added = cli(['add', 'Petra', '--role', 'activities'], 'een-goed-wachtwoord\n');
    expect(added.status).toBe(0);
    expect(added.stdout).toContain('Account "Petra" (medewerker activiteiten) is aangemaakt');
    expect(readAccounts(dataDir)[0]?.role).toBe('activities');
    expect(cli(['role', 'Petra', 'supervisor']).status).toBe(0);
    expect(readAccounts(dataDir)[0]?.role).toBe('supervisor');
    const wrong = cli(['role', 'Petra', 'activiteiten']);
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain('Onbekende rol "activiteiten". Kies: counsellor, supervisor, activities.');
  });
});
