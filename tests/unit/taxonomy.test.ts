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
  test('bands are contiguous from 0 to 23', () => {
    AGE_BANDS.forEach((band, i) => {
      const next = AGE_BANDS.at(i + 1);
      if (next) expect(next.min).toBe(band.max);
    });
    expect(AGE_BANDS[0].min).toBe(0);
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
