import { describe, expect, test } from 'vitest';
import { kaartCard, kaartCardText, kaartCards } from '../../src/lib/kaart-card.ts';

describe('sociale-kaart cards for answers', () => {
  test('take the organisation phone, else the first service phone, and sort by Dutch name order', () => {
    const cards = kaartCards([
      { id: 'vt', data: { name: 'Veilig Thuis', url: 'https://veiligthuis.nl', phones: [{ number: '0800-2000' }] } },
      { id: 'wt', data: { name: 'Wijkteam', services: [{}, { phones: [{ number: '012-345 00 00' }] }] } },
      { id: 'ab', data: { name: 'Ämbulant team' } },
    ]);
    expect(cards.map((c) => c.id)).toEqual(['ab', 'vt', 'wt']);
    expect(cards[2]).toEqual({ id: 'wt', name: 'Wijkteam', phone: '012-345 00 00' });
    expect(kaartCardText(kaartCard('vt', { name: 'Veilig Thuis', url: 'https://veiligthuis.nl', phones: [{ number: '0800-2000' }] }))).toBe(
      'Veilig Thuis, bel 0800-2000, https://veiligthuis.nl',
    );
    expect(kaartCardText({ id: 'x', name: 'Alleen een naam' })).toBe('Alleen een naam');
  });
});
