import { describe, expect, test } from 'vitest';
import { LEEFTIJDSGROEPEN, ONDERWERPEN, ONDERWERP_INFO, leeftijdsgroepenVoor } from '../../shared/taxonomy.ts';

describe('age bands', () => {
  test('an article for 12 to 17 year olds falls in one band', () => {
    expect(leeftijdsgroepenVoor(12, 17)).toEqual(['12-18']);
  });
  test('an age range touching a band boundary includes both bands', () => {
    expect(leeftijdsgroepenVoor(10, 12)).toEqual(['4-12', '12-18']);
  });
  test('the whole CJG age range covers every band', () => {
    expect(leeftijdsgroepenVoor(0, 23)).toEqual(LEEFTIJDSGROEPEN.map((g) => g.id));
  });
  test('bands are contiguous from 0 to 23', () => {
    LEEFTIJDSGROEPEN.forEach((band, i) => {
      const next = LEEFTIJDSGROEPEN[i + 1];
      if (next) expect(next.min).toBe(band.max);
    });
    expect(LEEFTIJDSGROEPEN[0]?.min).toBe(0);
  });
});

describe('topics', () => {
  test('every topic has a Dutch label and an intro', () => {
    for (const onderwerp of ONDERWERPEN) {
      expect(ONDERWERP_INFO[onderwerp].label.length).toBeGreaterThan(2);
      expect(ONDERWERP_INFO[onderwerp].intro).toMatch(/\.$/);
    }
  });
  test('topic slugs are URL-safe', () => {
    for (const onderwerp of ONDERWERPEN) expect(onderwerp).toMatch(/^[a-z-]+$/);
  });
});
