import { describe, expect, it } from 'vitest';
import { editDistance, normalize, parseQuery, peoplesWords, suggest, textMatch, tokenize } from '../../src/lib/query.ts';
import { realVocabulary } from '../support/vocabulary.ts';

const vocabulary = realVocabulary(['pesten', 'gepest', 'opvoeden', 'slapen']);
const labels = (q: string) => parseQuery(q, vocabulary).terms.map((t) => t.label);
const variants = (q: string) => parseQuery(q, vocabulary).terms.flatMap((t) => t.variants);

describe('reading a query', () => {
  it('drops filler words and the frame of a question', () => {
    expect(labels('wat kan ik doen als mijn kind gepest wordt')).toEqual(['gepest']);
    expect(labels('waar kan ik terecht met vragen over slapen')).toEqual(['slapen']);
    expect(labels('hoe ga ik om met driftbuien')).toEqual(['driftbuien']);
  });

  it('keeps weak words only when there is nothing else', () => {
    expect(labels('hulp')).toEqual(['hulp']);
    expect(labels('hulp bij pesten')).toEqual(['pesten']);
    expect(parseQuery('ik ben depressief en heb kinderen', vocabulary).context.map((t) => t.label)).toEqual(['kinderen']);
  });

  it("expands slang and trade words to the site's words", () => {
    expect(variants('coke')).toContain('cocaïne');
    expect(variants('peuk')).toContain('roken');
    expect(variants('examenstress')).toContain('faalangst');
    expect(variants('JGZ')).toContain('jeugdgezondheidszorg');
    expect(variants('opvoedondersteuning')).toContain('opvoeden');
  });

  it('recognises phrases made of stop words, also with words in between', () => {
    expect(variants('ouders gaan uit elkaar')).toContain('scheiding');
    expect(variants('mijn dochter wil niet meer naar school')).toContain('spijbelen');
    expect(labels('mijn dochter wil niet meer naar school')).not.toContain('school');
  });

  it('corrects cheap typos to known words and keeps what was typed', () => {
    const parsed = parseQuery('gepset', vocabulary);
    expect(parsed.corrections).toEqual({ gepset: 'gepest' });
    expect(parsed.terms[0]?.variants.slice(0, 2)).toEqual(['gepest', 'gepset']);
    expect(parseQuery('zelfmort', vocabulary).danger).toBe(true);
    expect(parseQuery('pesten', vocabulary).corrections).toEqual({});
  });

  it('sees danger in how young people and parents put it', () => {
    for (const q of [
      'ik wil dood',
      'suïcide',
      'zelfmoordgedachten',
      'mijn vader slaat mij',
      'ik ben misbruikt',
      'ik wil weglopen',
      'ik snij mezelf',
      'mn ouders hebben me eruit gezet',
    ]) {
      expect(parseQuery(q, vocabulary).danger, q).toBe(true);
    }
    for (const q of ['mijn opa is dood', 'peuter slaapt slecht', 'blowen', 'driftbuien']) {
      expect(parseQuery(q, vocabulary).danger, q).toBe(false);
    }
  });

  it('sees danger where no keyword says it (phrases from the newcomer review)', () => {
    for (const q of [
      'ik wil springen',
      'pillen geslikt',
      'geen zin meer in alles',
      'ik wil me kapot maken',
      'hij dwingt me tot seks',
      'ik ga mezelf iets aandoen',
      'iemand heeft mn nudes',
      'ik word afgeperst',
    ]) {
      expect(parseQuery(q, vocabulary).danger, q).toBe(true);
    }
    for (const q of ['springen op de trampoline', 'cursus opvoeden', 'kind slaapt slecht']) {
      expect(parseQuery(q, vocabulary).danger, q).toBe(false);
    }
  });

  it('guesses who is asking', () => {
    expect(parseQuery('mijn dochter blowt', vocabulary).audience).toBe('ouders');
    expect(parseQuery('ik voel me alleen', vocabulary).audience).toBe('jongeren');
    expect(parseQuery('leerling gebruikt cannabis', vocabulary).audience).toBe('professionals');
    expect(parseQuery('meldcode', vocabulary).audience).toBe('professionals');
    expect(parseQuery('pesten', vocabulary).audience).toBeNull();
  });
});

describe('bad input', () => {
  it('says what is wrong instead of failing', () => {
    expect(parseQuery('', vocabulary).issue).toBe('empty');
    expect(parseQuery('   ', vocabulary).issue).toBe('empty');
    expect(parseQuery('😢😢', vocabulary).issue).toBe('noWords');
    expect(parseQuery('?!…', vocabulary).issue).toBe('noWords');
    expect(parseQuery('hoe kan ik wat doen', vocabulary).issue).toBe('onlyStopwords');
  });

  it('cuts a very long query and still finds its words', () => {
    const parsed = parseQuery(`pesten ${'a'.repeat(495)}`, vocabulary);
    expect(parsed.truncated).toBe(true);
    expect(parsed.text).toHaveLength(200);
    expect(parsed.terms[0]?.label).toBe('pesten');
  });

  it('reads markup as plain words', () => {
    const parsed = parseQuery('<script>alert(1)</script> pesten', vocabulary);
    expect(parsed.issue).toBeNull();
    expect(parsed.terms.map((t) => t.label)).toContain('pesten');
    expect(parsed.terms.every((t) => t.variants.every((v) => !/[<>]/.test(v)))).toBe(true);
  });

  it('reads emoji between words', () => {
    expect(labels('pesten 😢')).toEqual(['pesten']);
  });
});

describe('helpers', () => {
  it('normalizes case and accents', () => {
    expect(normalize('Cocaïne SUÏCIDE')).toBe('cocaine suicide');
    expect(tokenize("e-sigaret, paddo's en 3-MMC!")).toEqual(['e-sigaret', "paddo's", 'en', '3-mmc']);
  });

  it('counts edits with swapped letters as one', () => {
    expect(editDistance('pesetn', 'pesten', 2)).toBe(1);
    expect(editDistance('blowwen', 'blowen', 2)).toBe(1);
    expect(editDistance('alcohol', 'gamen', 2)).toBe(3);
  });

  it('matches services by words, site words and where the word is', () => {
    const query = parseQuery('schulden', vocabulary);
    const inName = textMatch([{ text: 'Hulp bij schulden', weight: 1.5 }], query);
    const viaSiteWord = textMatch([{ text: 'Gesprekken over geld en wonen', weight: 1 }], query);
    expect(inName.matched).toBe(1);
    expect(viaSiteWord.matched).toBe(1);
    expect(inName.score).toBeGreaterThan(viaSiteWord.score);
    expect(textMatch([{ text: 'Extra ondersteuning', weight: 1 }], parseQuery('ex', { groups: [], known: [] })).matched).toBe(0);
  });

  it('gives pages the words people use for their keywords', () => {
    const words = peoplesWords(['cocaïne', 'xtc'], vocabulary);
    expect(words).toContain('coke');
    expect(words).toContain('snuiven');
    expect(words).not.toContain('cocaïne');
    expect(peoplesWords([], vocabulary, 'Hulp bij schulden en geld')).toContain('blut');
  });

  it('suggests titles and questions as people type, the label start first', () => {
    const list = [
      { label: 'Pesten: als je kind gepest wordt', url: '/ouders/pesten/', words: ['cyberpesten'] },
      { label: 'Ik word gepest', url: '/jongeren/pesten/' },
      { label: 'Mijn kind wordt gepest' },
      { label: 'Slapen en eten', url: '/ouders/slapen-en-eten/', words: ['nachtmerrie'] },
    ];
    expect(suggest('pe', list).map((s) => s.label)[0]).toBe('Pesten: als je kind gepest wordt');
    expect(suggest('gepest', list)).toHaveLength(3);
    expect(suggest('nachtm', list).map((s) => s.url)).toEqual(['/ouders/slapen-en-eten/']);
    expect(suggest('p', list)).toEqual([]);
    expect(suggest('<img src=x>', list)).toEqual([]);
  });
});
