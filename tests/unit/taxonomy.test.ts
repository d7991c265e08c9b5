import { describe, expect, test } from 'vitest';
import { AGE_BANDS, TOPICS, TOPIC_INFO, ageBandsFor } from '../../shared/taxonomy.ts';

describe('age bands', () => {
  test('an article for 12 to 17 year olds falls in one band', () => {
    expect(ageBandsFor(12, 17)).toEqual(['12-18']);
  });
  test('an age range touching a band boundary includes both bands', () => {
    expect(ageBandsFor(10, 12)).toEqual(['4-12', '12-18']);
  });
  test('the whole CJG age range covers every band', () => {
    expect(ageBandsFor(0, 23)).toEqual(AGE_BANDS.map((g) => g.id));
  });
  test('bands are contiguous from 0 to 23 and do not overlap: every age is in exactly one band', () => {
    AGE_BANDS.forEach((band, i) => {
      const next = AGE_BANDS.at(i + 1);
      if (next) expect(next.min).toBe(band.max + 1);
    });
    expect(AGE_BANDS[0].min).toBe(0);
    expect(AGE_BANDS.at(-1)?.max).toBe(23);
    for (let age = 0; age <= 23; age++) expect(ageBandsFor(age, age), `age ${String(age)}`).toHaveLength(1);
  });
  test('an 18-year-old is in 18 t/m 23 only, a 17-year-old in 12 t/m 17 only, and 23 still counts', () => {
    expect(ageBandsFor(18, 18)).toEqual(['18-23']);
    expect(ageBandsFor(17, 17)).toEqual(['12-18']);
    expect(ageBandsFor(23, 23)).toEqual(['18-23']);
  });
  test('labels say the last year included, so no age appears in two labels', () => {
    expect(AGE_BANDS.map((g) => g.label)).toEqual(['0 t/m 3 jaar', '4 t/m 11 jaar', '12 t/m 17 jaar', '18 t/m 23 jaar']);
  });
});

describe('topics', () => {
  test('every topic has a Dutch label and an intro', () => {
    for (const onderwerp of TOPICS) {
      expect(TOPIC_INFO[onderwerp].label.length).toBeGreaterThan(2);
      expect(TOPIC_INFO[onderwerp].intro).toMatch(/\.$/);
    }
  });
  test('topic slugs are URL-safe', () => {
    for (const onderwerp of TOPICS) expect(onderwerp).toMatch(/^[a-z-]+$/);
  });
});
