/**
 * After a sign-up, and whenever the site says "bel de organisator", the parent gets the organiser's real
 * contact as the sociale kaart knows it (a tel: link, an e-mail address, a website; otherwise the
 * organiser's page), with and without JavaScript. A course that has started is refused with a clear
 * page. A sign-up for one evening of a series is deleted after THAT evening.
 */
import { describe, expect, test } from 'vitest';
import { DAY, form, parent, signupNodes } from './signup-harness.ts';

const node = signupNodes({ accounts: [['Petra', 'activities']] });

const TRIPLE_P_PHONE = '<a href="tel:0123456100">012-345 61 00</a>';

describe('the organiser, reachable', () => {
  test('the confirmation (no JavaScript) names the organiser with a tel: link and e-mail; no number is made up', async () => {
    const n = await node();
    const placed = await n.post('/api/aanmelden', form(parent()));
    expect(placed.status).toBe(200);
    expect(placed.text).toContain('Neem contact op met Opvoedcursus:');
    expect(placed.text).toContain(TRIPLE_P_PHONE);
    expect(placed.text).toContain('<a href="mailto:cursus@cjg.voorbeeldstad.example">cursus@cjg.voorbeeldstad.example</a>');
    // An organiser with only a phone and a website: exactly those.
    const evening = await n.post('/api/aanmelden', form(parent({ activity: 'ouderavond', option: '2027-01-28T19:30' })));
    expect(evening.text).toContain('<a href="tel:0123456789">012-345 67 89</a>');
    expect(evening.text).toContain('<a href="https://cjg.voorbeeldstad.example/">Website van CJG</a>');
    expect(evening.text).not.toContain('mailto:');
    // Nothing known but the organisation: its page on the sociale kaart, never a made-up number.
    const online = await n.post('/api/aanmelden', form(parent({ activity: 'online-avond' })));
    expect(online.text).toContain('<a href="/sociale-kaart/verslavingszorg/">Contactgegevens van Verslavingszorg</a>');
    expect(online.text).not.toContain('tel:');
  });

  test('the waiting list: "Je staat op de wachtlijst, plek N", in B1, with whom to call; JSON gives the same', async () => {
    const n = await node();
    await n.post('/api/aanmelden', parent({ people: 4 }));
    const first = await n.post('/api/aanmelden', parent({ name: 'Kees', phone: '0612312312', waitlist: '1', people: 2 }));
    expect(first.body).toMatchObject({ status: 'waiting', position: 1, contact: { phone: '012-345 61 00' } });
    const second = await n.post('/api/aanmelden', form(parent({ name: 'Ayşe', phone: '0645645645', waitlist: '1', people: 3 })));
    expect(second.text).toContain('<h1>Je staat op de wachtlijst</h1>');
    expect(second.text).toContain('Je staat op de wachtlijst, plek 2. De organisator belt of mailt je als er een plek vrijkomt.');
    expect(second.text).toContain('Het gaat om Triple P-cursus: De hele reeks (4 bijeenkomsten), vanaf dinsdag 9 februari 2027. Je komt met 3 personen.');
    expect(second.text).not.toContain('De activiteit is vol');
    expect(second.text).toContain(TRIPLE_P_PHONE);
  });

  test('full, waiting list too: the refusal gives the contact, with and without JavaScript, and keeps what was typed', async () => {
    const n = await node({ config: { perNetwork: { burst: 100, perSecond: 1 } } });
    await n.post('/api/aanmelden', parent({ people: 4 }));
    for (let i = 0; i < 10; i++) await n.post('/api/aanmelden', parent({ phone: `06111111${String(i).padStart(2, '0')}`, waitlist: '1' }));
    const json = await n.post('/api/aanmelden', parent({ phone: '0622222222', waitlist: '1' }));
    expect(json.body).toMatchObject({ code: 'full', contact: { name: 'Opvoedcursus', phone: '012-345 61 00' } });
    const page = await n.post('/api/aanmelden', form(parent({ name: 'Kees', phone: '0622222222', waitlist: '1' })));
    expect(page.status).toBe(409);
    expect(page.text).toContain('Vol, en de wachtlijst is ook vol. Bel of mail de organisator');
    expect(page.text).toContain(TRIPLE_P_PHONE);
    expect(page.text).toContain('value="Kees"');
  });
});

describe('a course that has started', () => {
  test('is refused with a Dutch page that says whom to call, no dead form; JSON says the same', async () => {
    const clock = { now: Date.parse('2027-02-10T12:00:00Z') };
    const n = await node({ clock });
    const page = await n.post('/api/aanmelden', form(parent({ name: 'Kees', question: 'Kan ik nog instromen?' })));
    expect(page.status).toBe(409);
    expect(page.text).toContain('<h1>Aanmelden: Triple P-cursus</h1>');
    expect(page.text).toContain('Deze activiteit is al begonnen. Aanmelden via de website kan daarom niet meer.');
    expect(page.text).toContain(TRIPLE_P_PHONE);
    expect(page.text).not.toContain('<form');
    expect(page.text).toContain('href="/activiteiten/triple-p/"');
    const json = await n.post('/api/aanmelden', parent());
    expect(json.body).toMatchObject({ code: 'closed', contact: { phone: '012-345 61 00', email: 'cursus@cjg.voorbeeldstad.example' } });
    expect(json.body.error).toContain('al begonnen');
  });

  test('one evening of a series has started: the form again with what was typed, the choice marked, the contact', async () => {
    const clock = { now: Date.parse('2027-02-01T12:00:00Z') };
    const n = await node({ clock });
    const page = await n.post('/api/aanmelden', form(parent({ activity: 'ouderavond', option: '2027-01-28T19:30', name: 'Kees' })));
    expect(page.status).toBe(409);
    expect(page.text).toContain('Deze bijeenkomst is al begonnen. Kies een andere, of neem contact op met de organisator.');
    expect(page.text).toContain('value="Kees"');
    expect(page.text).toContain('<a href="tel:0123456789">012-345 67 89</a>');
  });
});

describe('retention per evening', () => {
  test('a sign-up for one evening of a series is deleted 7 days after THAT evening; a later evening keeps its own', async () => {
    const clock = { now: Date.parse('2027-01-10T12:00:00Z') };
    const n = await node({ clock });
    const early = await n.post('/api/aanmelden', parent({ activity: 'ouderavond', option: '2027-01-28T19:30' }));
    expect(early.body.deleteText).toBe('donderdag 4 februari 2027');
    await n.post('/api/aanmelden', parent({ activity: 'ouderavond', option: '2027-03-18T19:30', phone: '0612312312' }));
    const evening = Date.parse('2027-01-28T21:00:00+01:00');
    clock.now = evening + 7 * DAY - 60_000;
    expect(await n.signups.service.sweep()).toEqual({ deleted: 0 });
    clock.now = evening + 7 * DAY;
    expect(await n.signups.service.sweep()).toEqual({ deleted: 1 });
    const view = await n.get('/api/medewerkers/aanmeldingen', { Authorization: `Bearer ${await n.login('Petra')}` });
    const left = view.body.activities.find((a: { id: string }) => a.id === 'ouderavond');
    expect(left?.options.flatMap((o: { key: string; signups: unknown[] }) => (o.signups.length ? [o.key] : []))).toEqual(['2027-03-18T19:30']);
    clock.now = Date.parse('2027-03-18T21:00:00+01:00') + 7 * DAY;
    expect(await n.signups.service.sweep()).toEqual({ deleted: 1 });
  });
});

describe('an e-mail address with a likely typo', () => {
  test('is accepted, not blocked, and the confirmation asks "Bedoel je …?" (JSON and page)', async () => {
    const n = await node();
    const json = await n.post('/api/aanmelden', parent({ phone: '', email: 'sandra@hotmal.nl' }));
    expect(json.status).toBe(200);
    expect(json.body).toMatchObject({ status: 'placed', emailSuggestion: 'sandra@hotmail.nl' });
    const page = await n.post('/api/aanmelden', form(parent({ phone: '', email: 'kees@gmial.com' })));
    expect(page.status).toBe(200);
    expect(page.text).toContain('Klopt je e-mailadres? Bedoel je kees@gmail.com? Laat het dan de organisator weten');
    const right = await n.post('/api/aanmelden', parent({ phone: '', email: 'anna@hotmail.nl' }));
    expect(right.body.emailSuggestion).toBeUndefined();
  });
});

describe('a plain mistake in a field', () => {
  test('gets the form again without a contact block: that is for when the form cannot help', async () => {
    const n = await node();
    const page = await n.post('/api/aanmelden', form(parent({ name: '' })));
    expect(page.status).toBe(400);
    expect(page.text).toContain('Vul je voornaam of voorletters in.');
    expect(page.text).not.toContain('data-signup-contact');
  });
});
