/**
 * What staff see on /medewerkers/aanmeldingen/ (review 17): every activity that takes sign-ups here,
 * also those without any yet ("nog geen aanmeldingen", not missing), and each waiting sign-up's place in
 * line, in the view and in the CSV.
 */
import { describe, expect, test } from 'vitest';
import { parent, signupNodes, staffActivity } from './signup-harness.ts';

const node = signupNodes({ accounts: [['Petra', 'activities']] });

describe('the staff view', () => {
  test('activities without sign-ups are listed (empty); the waiting list is numbered, also in the CSV', async () => {
    const n = await node();
    const auth = { Authorization: `Bearer ${await n.login('Petra')}` };
    const empty = await n.get('/api/medewerkers/aanmeldingen', auth);
    // Every date is listed, also without sign-ups, so staff see "Nog geen aanmeldingen." there (newcomer review 17-2, minor 5).
    expect(empty.body.activities.map((a) => [a.id, a.options.map((o) => o.signups.length)])).toEqual([
      ['online-avond', [0]],
      ['ouderavond', [0, 0]],
      ['triple-p', [0]],
      ['online-link', [0]],
    ]);
    expect(staffActivity(empty, 'ouderavond').options.map((o) => o.label)).toEqual([
      'donderdag 28 januari 2027, 19.30 tot 21.00 uur',
      'donderdag 18 maart 2027, 19.30 tot 21.00 uur',
    ]);
    await n.post('/api/aanmelden', parent({ people: 4 }));
    await n.post('/api/aanmelden', parent({ name: 'Kees', phone: '0612312312', waitlist: '1' }));
    await n.post('/api/aanmelden', parent({ name: 'Ayşe', phone: '0645645645', waitlist: '1', people: 2 }));
    const view = await n.get('/api/medewerkers/aanmeldingen', auth);
    expect(staffActivity(view, 'triple-p').options[0]?.signups.map((s) => [s.name, s.status, s.position])).toEqual([
      ['Fatima', 'placed', undefined],
      ['Kees', 'waiting', 1],
      ['Ayşe', 'waiting', 2],
    ]);
    expect(staffActivity(view, 'ouderavond').options.flatMap((o) => o.signups)).toEqual([]);
    const csv = (await n.get('/api/medewerkers/aanmeldingen.csv?activiteit=triple-p', auth)).text;
    expect(csv).toContain(';Wachtlijst, plek 1;');
    expect(csv).toContain(';Wachtlijst, plek 2;');
  });
});
