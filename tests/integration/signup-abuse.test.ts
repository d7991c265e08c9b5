/**
 * Abuse of every input path of signing up: malformed and oversized bodies, the wrong method, another
 * site's form, the bot trap, a flood from one network, odd values per field, unknown activities, and
 * what ends up in the logs. Each refusal is a Dutch sentence; nothing is stored.
 */
import { describe, expect, test } from 'vitest';
import { request } from 'node:http';
import { form, parent, signupNodes, type Answer, type SignupNode } from './signup-harness.ts';

const node = signupNodes({ accounts: [['Petra', 'activities']] });

async function stored(n: SignupNode): Promise<number> {
  const view = await n.get('/api/medewerkers/aanmeldingen', { Authorization: `Bearer ${await n.login('Petra')}` });
  return (view.body.activities as { options: { signups: unknown[] }[] }[]).flatMap((a) => a.options.flatMap((o) => o.signups)).length;
}

const raw = (n: SignupNode, body: string, headers: Record<string, string>) =>
  fetch(`${n.url}/api/aanmelden`, { method: 'POST', headers, body }).then(async (r) => ({ status: r.status, text: await r.text() }));

describe('malformed requests', () => {
  test('not JSON, a JSON array, another content type, no body: 400 with a Dutch sentence', async () => {
    const n = await node();
    const json = { 'Content-Type': 'application/json', Accept: 'application/json' };
    for (const [body, headers] of [
      ['{"activity": "triple-p", ', json],
      ['[1,2,3]', json],
      ['null', json],
      ['activity=triple-p&name=Jan', { 'Content-Type': 'text/plain', Accept: 'application/json' }],
      ['', json],
    ] as const) {
      const res = await raw(n, body, headers);
      expect(res.status).toBe(400);
      expect((JSON.parse(res.text) as Answer).error).toBe('Dat verzoek klopt niet. Er is niets bewaard. Ga terug naar de activiteit en probeer het opnieuw.');
    }
    // Fields of the wrong type.
    const typed = await n.post('/api/aanmelden', { ...parent(), name: ['Jan'], people: { n: 2 }, waitlist: 5 });
    expect(typed.status).toBe(400);
    expect(await stored(n)).toBe(0);
  });

  test('a body over 8 KB is refused whole, as JSON and as a page', async () => {
    const n = await node();
    const big = await n.post('/api/aanmelden', parent({ question: 'a'.repeat(9000) }));
    expect(big.status).toBe(413);
    expect(big.body.error).toBe('Wat je stuurde is te groot. Er is niets bewaard. Maak je vraag korter en probeer het opnieuw.');
    const page = await n.post('/api/aanmelden', form(parent({ question: 'é'.repeat(5000) })));
    expect(page.status).toBe(413);
    expect(page.text).toContain('Wat je stuurde is te groot.');
    expect(await stored(n)).toBe(0);
  });

  test('the wrong method gets 405 with Allow', async () => {
    const n = await node();
    const res = await fetch(`${n.url}/api/aanmelden`);
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
    const post = await fetch(`${n.url}/api/medewerkers/aanmeldingen`, { method: 'POST' });
    expect(post.status).toBe(405);
  });

  test('an unknown or malformed activity: 404 and a link to all activities', async () => {
    const n = await node();
    for (const activity of ['bestaat-niet', '../../etc/passwd', '<script>', '']) {
      const res = await n.post('/api/aanmelden', parent({ activity }));
      expect(res.status).toBe(404);
      expect(res.body.error).toBe('Deze activiteit kennen we niet (meer). Kijk bij de andere activiteiten.');
    }
    const page = await n.post('/api/aanmelden', form(parent({ activity: '<b>x</b>' })));
    expect(page.status).toBe(404);
    expect(page.text).not.toContain('<b>x</b>');
    expect(page.text).toContain('href="/activiteiten/"');
    expect((await n.get('/api/aanmelden/plekken?activiteit=bestaat-niet')).status).toBe(404);
    expect((await n.get('/api/aanmelden/plekken')).status).toBe(404);
  });
});

describe('another site, bots and floods', () => {
  test("another site's form is refused (CSRF), with the browser's own headers", async () => {
    const n = await node();
    const foreign: Record<string, string>[] = [
      { 'Sec-Fetch-Site': 'cross-site' },
      { Origin: 'https://kwaadwillend.example' },
      { 'Sec-Fetch-Site': 'same-site', Origin: 'https://ander.example' },
      // A sandboxed frame on another site, in a browser without Fetch Metadata.
      { Origin: 'null' },
    ];
    for (const headers of foreign) {
      const res = await n.post('/api/aanmelden', form(parent()), headers);
      expect(res.status).toBe(403);
      expect(res.text).toContain('Dit formulier kwam niet van de website van het CJG.');
    }
    // A form post from the page itself: a same-origin browser, with Origin "null" (no-referrer) or without.
    expect((await n.post('/api/aanmelden', form(parent()), { 'Sec-Fetch-Site': 'same-origin' })).status).toBe(200);
    expect((await n.post('/api/aanmelden', form(parent({ phone: '0611111111' })), { 'Sec-Fetch-Site': 'same-origin', Origin: 'null' })).status).toBe(200);
    expect(await stored(n)).toBe(2);
  });

  test('the field hidden from people: filled in, nothing is stored and nothing tells a bot why', async () => {
    const n = await node();
    const res = await n.post('/api/aanmelden', parent({ leave_empty: 'http://spam.example' }));
    expect(res.status).toBe(400);
    expect(res.body.fields).toEqual({ leave_empty: 'Er ging iets mis met het formulier. Controleer je gegevens en klik nog een keer op Aanmelden.' });
    const page = await n.post('/api/aanmelden', form(parent({ leave_empty: 'http://spam.example' })));
    expect(page.text).not.toContain('spam.example');
    expect(await stored(n)).toBe(0);
    expect(n.logs.some((l) => l.includes('"signup.trap"'))).toBe(true);
  });

  test('a flood from one network: 20 an hour, then 429 with Retry-After and the form kept', async () => {
    const n = await node();
    for (let i = 0; i < 20; i++)
      expect((await n.post('/api/aanmelden', parent({ activity: 'online-avond', phone: `06400000${String(i).padStart(2, '0')}` }))).status).toBe(200);
    const res = await n.post('/api/aanmelden', parent({ activity: 'online-avond', phone: '0640000099' }));
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(60);
    expect(res.body.error).toMatch(/^Er zijn vanaf deze internetverbinding veel aanmeldingen gedaan\. Wacht \d+ minuten/);
    const page = await n.post('/api/aanmelden', form(parent({ activity: 'online-avond', name: 'Kees', phone: '0640000098' })));
    expect(page.status).toBe(429);
    expect(page.text).toContain('value="Kees"');
    // Mistakes cost nothing: a parent correcting a typo is not counted.
    expect((await n.post('/api/aanmelden', parent({ phone: '06-123' }))).status).toBe(400);
  });

  test('the store cap: beyond it sign-ups are refused with a line to call', async () => {
    const n = await node({ config: { maxStored: 2 } });
    await n.post('/api/aanmelden', parent({ activity: 'online-avond', phone: '0650000001' }));
    await n.post('/api/aanmelden', parent({ activity: 'online-avond', phone: '0650000002' }));
    const res = await n.post('/api/aanmelden', parent({ activity: 'online-avond', phone: '0650000003' }));
    expect(res.status).toBe(503);
    expect(res.body.error).toBe('Aanmelden via de website lukt nu even niet. Bel of mail de organisator om je aan te melden.');
    expect(res.body.contact).toMatchObject({ phone: null, page: '/sociale-kaart/verslavingszorg/' });
  });
});

describe('how people really type', () => {
  const accepted: [string, string][] = [
    ['06-12345678', '0612345678'],
    ['06 1234 5678', '0612345678'],
    ['+31 6 12345678', '0612345678'],
    ['+31 (0)6 12345678', '0612345678'],
    ['0031612345678', '0612345678'],
    ['(020) 123 45 67', '0201234567'],
    ['012-3456789', '0123456789'],
    ['+32 471 23 45 67', '+32471234567'],
  ];
  test.each(accepted)('phone %s is stored as %s', async (typed, normal) => {
    const n = await node();
    expect((await n.post('/api/aanmelden', parent({ activity: 'online-avond', phone: typed }))).status).toBe(200);
    const view = await n.get('/api/medewerkers/aanmeldingen', { Authorization: `Bearer ${await n.login('Petra')}` });
    expect(view.body.activities[0].options[0].signups[0].phone).toBe(normal);
  });

  test('names, numbers and addresses that are not right get their own sentence', async () => {
    const n = await node();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ name: '' }, 'name', 'Vul je voornaam of voorletters in.'],
      [{ name: '   ' }, 'name', 'Vul je voornaam of voorletters in.'],
      [
        { name: '<script>alert(1)</script>' },
        'name',
        'Gebruik alleen letters, spaties en gewone leestekens in je naam, zoals een punt, komma, streepje of haakjes.',
      ],
      [{ name: 'x'.repeat(61) }, 'name', 'Je naam is te lang. Een voornaam of voorletters is genoeg (hooguit 60 tekens).'],
      [{ phone: 'O6-12345678' }, 'phone', 'Dit telefoonnummer klopt niet. Een Nederlands nummer heeft 10 cijfers, bijvoorbeeld 06 12345678 of 012 3456789.'],
      [{ phone: 'fatima@example.nl' }, 'phone', 'Dit lijkt een e-mailadres. Vul het in bij "E-mailadres".'],
      [{ phone: '', email: '0612345678' }, 'email', 'Dit lijkt een telefoonnummer. Vul het in bij "Telefoonnummer".'],
      [{ phone: '', email: 'fatima@hotmail,com' }, 'email', 'Dit e-mailadres klopt niet. Het ziet eruit als naam@voorbeeld.nl.'],
      [{ people: '0' }, 'people', 'Kies met hoeveel personen je komt: 1 tot en met 6.'],
      [{ people: '7' }, 'people', 'Kies met hoeveel personen je komt: 1 tot en met 6.'],
      [{ people: '-1' }, 'people', 'Kies met hoeveel personen je komt: 1 tot en met 6.'],
      [{ people: '1e1' }, 'people', 'Kies met hoeveel personen je komt: 1 tot en met 6.'],
      [{ people: 'twee' }, 'people', 'Kies met hoeveel personen je komt: 1 tot en met 6.'],
      [{ people: 2.5 }, 'people', 'Kies met hoeveel personen je komt: 1 tot en met 6.'],
      [{ option: "reeks' OR 1=1" }, 'option', 'Kies een bijeenkomst uit de lijst.'],
    ];
    for (const [over, field, message] of cases) {
      const res = await n.post('/api/aanmelden', parent(over));
      expect(res.status, JSON.stringify(over)).toBe(400);
      expect(res.body.fields[field], JSON.stringify(over)).toBe(message);
    }
    for (const name of ['Anne-Marie', "D'Souza", 'J.P.', 'Zoë', 'Jan & Ria', 'Ölçek', 'محمد']) {
      expect(
        (await n.post('/api/aanmelden', parent({ activity: 'online-avond', name, phone: '', email: `${encodeURIComponent(name).length}@example.nl` }))).status,
        name,
      ).toBe(200);
    }
  });

  test('the logs hold event names, never a name, number, address or question', async () => {
    const n = await node();
    await n.post('/api/aanmelden', parent({ name: 'Geheimnaam', phone: '0698765432', email: 'geheim@example.nl', question: 'Geheime vraag' }));
    await n.post('/api/aanmelden', parent({ name: 'Geheimnaam', phone: '0698765432', submission: 'een-keer-verstuurd-formulier' }));
    await n.post('/api/aanmelden', parent({ name: 'Geheimnaam', phone: '0698765432', submission: 'een-keer-verstuurd-formulier' }));
    const logs = n.logs.join('\n');
    for (const secret of ['Geheimnaam', '0698765432', '98765432', 'geheim@example.nl', 'Geheime vraag', '127.0.0.1']) expect(logs).not.toContain(secret);
    expect(logs).toContain('signup.added');
    expect(logs).toContain('signup.resent');
  });
});

describe('refusals stay Dutch and keep what was typed (attacker review 17, m7)', () => {
  test('a form refused as not from our site comes back with everything typed', async () => {
    const n = await node();
    const res = await n.post('/api/aanmelden', form(parent({ name: 'Kees', question: 'Mag oma mee?' })), { Origin: 'https://proxy-herschreef-host.example' });
    expect(res.status).toBe(403);
    expect(res.text).toContain('Dit formulier kwam niet van de website van het CJG.');
    expect(res.text).toContain('value="Kees"');
    expect(res.text).toContain('Mag oma mee?</textarea>');
    expect(await stored(n)).toBe(0);
  });

  test('JSON with the wrong types gets a Dutch sentence at each field, never zod English', async () => {
    const n = await node();
    const res = await n.post('/api/aanmelden', parent({ people: true, question: null, email: null, name: ['A', 'B'], waitlist: 3 }));
    expect(res.status).toBe(400);
    const messages = [res.body.error, ...Object.values(res.body.fields)];
    expect(Object.keys(res.body.fields).sort()).toEqual(['email', 'name', 'people', 'question', 'waitlist']);
    for (const message of messages) {
      expect(message).not.toMatch(/Invalid|expected|received/i);
      expect(message).toMatch(/^[A-Z].*\.$/);
    }
    expect(res.body.fields.people).toBe('Kies met hoeveel personen je komt: 1 tot en met 6.');
  });

  test("the form's address opened directly is a Dutch page that leads back to the activities", async () => {
    const n = await node();
    const page = await n.get('/api/aanmelden', { Accept: 'text/html' });
    expect(page.status).toBe(405);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.text).toContain('Hier kun je je niet rechtstreeks aanmelden.');
    expect(page.text).toContain('href="/activiteiten/"');
    expect((await n.get('/api/aanmelden', { Accept: 'application/json' })).body.code).toBe('invalid');
  });
});

/** A JSON sign-up from another source address on this machine (127.0.0.x is a network of its own). */
function postFrom(n: SignupNode, address: string, body: Record<string, unknown>): Promise<{ status: number; body: Answer }> {
  const url = new URL(`${n.url}/api/aanmelden`);
  const data = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        localAddress: address,
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as Answer }));
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

describe('one network cannot take an activity (attacker review 17-3)', () => {
  const evening = (over: Record<string, unknown>) => parent({ activity: 'ouderavond', option: '2027-01-28T19:30', people: '4', waitlist: '1', ...over });

  test('M2: at most two sign-ups per network per meeting a day, with a Dutch sentence and whom to call', async () => {
    const n = await node({ config: { perNetworkPerOption: 2 } });
    expect((await n.post('/api/aanmelden', evening({ phone: '0611000001', submission: 'eerste-formulier-0001' }))).body.status).toBe('placed');
    expect((await n.post('/api/aanmelden', evening({ phone: '0611000002' }))).body.status).toBe('placed');
    const third = await n.post('/api/aanmelden', evening({ phone: '0611000003' }));
    expect(third.status).toBe(429);
    expect(third.body).toMatchObject({
      ok: false,
      code: 'network_limit',
      error: 'Vanaf dit netwerk zijn al twee aanmeldingen gedaan voor deze bijeenkomst. Bel de organisator als je met meer gezinnen wilt komen.',
      contact: { name: 'CJG', phone: '012-345 67 89' },
    });
    // Without JavaScript: the same sentence, the organiser's number, and what was typed.
    const page = await n.post('/api/aanmelden', form(evening({ name: 'Kees', phone: '0611000004' })));
    expect(page.status).toBe(429);
    expect(page.text).toContain('Vanaf dit netwerk zijn al twee aanmeldingen gedaan');
    expect(page.text).toContain('012-345 67 89');
    expect(page.text).toContain('value="Kees"');
    // The first form sent again is its answer, not a refusal; another evening and another network are free.
    expect((await n.post('/api/aanmelden', evening({ phone: '0611000001', submission: 'eerste-formulier-0001' }))).body.status).toBe('placed');
    expect((await n.post('/api/aanmelden', evening({ option: '2027-03-18T19:30', people: '1', phone: '0611000005' }))).status).toBe(200);
    expect((await postFrom(n, '127.0.0.2', evening({ phone: '0611000006' }))).body.status).toBe('placed');
    expect(await stored(n)).toBe(4);
    // Two from one network is the cap, not a flag: staff see "… van hetzelfde netwerk" only from 3 (a raised cap).
    const view = await n.signups.service.staffView();
    expect(view.activities.flatMap((a) => a.options.flatMap((o) => o.signups)).filter((x) => x.sameNetwork !== undefined)).toEqual([]);
  });

  test('m5: a form already stored, sent again after the hourly limit, gets its own answer, not 429', async () => {
    const n = await node({ config: { perNetwork: { burst: 2, perSecond: 2 / 3600 } } });
    const first = await n.post('/api/aanmelden', parent({ phone: '0622000001', submission: 'formulier-nummer-een-01' }));
    await n.post('/api/aanmelden', parent({ phone: '0622000002', submission: 'formulier-nummer-twee-02' }));
    expect((await n.post('/api/aanmelden', parent({ phone: '0622000003', submission: 'formulier-nummer-drie-03' }))).status).toBe(429);
    const again = await n.post('/api/aanmelden', parent({ phone: '0622000001', submission: 'formulier-nummer-een-01' }));
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
  });

  test('m2: the places-left endpoint allows 60 looks a minute per network, then 429 in Dutch', async () => {
    const n = await node();
    for (let i = 0; i < 60; i++) expect((await n.get('/api/aanmelden/plekken?activiteit=triple-p')).status).toBe(200);
    const res = await n.get('/api/aanmelden/plekken?activiteit=triple-p');
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(res.body).toMatchObject({ ok: false, code: 'rate_limited' });
    expect(res.body.error).toMatch(/^Er is vanaf deze internetverbinding heel vaak gekeken hoeveel plekken er zijn\. Wacht 1 minuut/);
  });

  test('m6: 0 people gets the most THIS activity takes', async () => {
    const n = await node();
    const res = await n.post('/api/aanmelden', parent({ activity: 'online-avond', people: '0' }));
    expect(res.status).toBe(400);
    expect(res.body.fields['people']).toBe('Kies met hoeveel personen je komt: 1 tot en met 4.');
  });
});
