import { describe, expect, test } from 'vitest';
import { pagefindFilters, readSearchState, writeSearchState } from '../../src/lib/search-state.ts';

describe('search state in the URL', () => {
  test('reads query and known filters', () => {
    expect(readSearchState('?q=alcohol&doelgroep=jongeren&leeftijd=12-18')).toEqual({
      q: 'alcohol',
      doelgroep: 'jongeren',
      onderwerp: '',
      leeftijd: '12-18',
    });
  });

  test('ignores filter values that do not exist', () => {
    expect(readSearchState('?doelgroep=opa&onderwerp=<script>').doelgroep).toBe('');
    expect(readSearchState('?doelgroep=opa&onderwerp=<script>').onderwerp).toBe('');
  });

  test('round-trips and leaves out empty fields', () => {
    const state = { q: 'gepest worden', doelgroep: 'ouders', onderwerp: '', leeftijd: '' };
    expect(writeSearchState(state)).toBe('?q=gepest+worden&doelgroep=ouders');
    expect(readSearchState(writeSearchState(state))).toEqual(state);
    expect(writeSearchState({ q: ' ', doelgroep: '', onderwerp: '', leeftijd: '' })).toBe('');
  });

  test('maps filters to the labels pages are tagged with', () => {
    expect(pagefindFilters({ q: '', doelgroep: 'jongeren', onderwerp: 'middelengebruik', leeftijd: '12-18' })).toEqual({
      doelgroep: 'Jongeren',
      onderwerp: 'Alcohol, roken, drugs en gamen',
      leeftijd: '12-18',
    });
  });
});
