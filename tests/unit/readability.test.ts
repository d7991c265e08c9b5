import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { AUDIENCES, type Audience } from '../../shared/taxonomy.ts';
import { READABILITY_THRESHOLDS, checkReadability, countSyllables, measureReadability, proseBlocks, splitSentences, words } from '../../src/lib/readability.ts';

const OFFICIALESE = `In het kader van de implementatie van de gemeentelijke verantwoordelijkheden ten aanzien van de
jeugdhulp dient een integrale afweging plaats te vinden van de beschikbare voorzieningen, teneinde te
komen tot een sluitende aanpak die aansluit bij de behoeften van jeugdigen en hun ouders. Het college
draagt er zorg voor dat de uitvoering van deze verordening geschiedt met inachtneming van de relevante
wettelijke kaders en de daarbij behorende beleidsregels, alsmede de afspraken die in regionaal verband
met de betrokken maatschappelijke organisaties zijn gemaakt.`;

const B1_TEXT = `Maak je je zorgen over je kind? Dat is heel normaal. Bijna alle ouders hebben wel eens vragen.

Praat er eerst over met iemand die je kent. Bijvoorbeeld je partner, een vriendin of de juf.

- **Luister goed.** Vraag wat je kind zelf vindt.
- **Blijf rustig.** Boos worden helpt bijna nooit.

Kom je er niet uit? Bel dan het CJG. Je kunt ook langskomen op het spreekuur. Dat is gratis.`;

describe('syllables and words', () => {
  test.each([
    ['school', 1],
    ['praten', 2],
    ['vriendin', 2],
    ['alcohol', 3],
    ['bijvoorbeeld', 3],
    ['ideeën', 3],
    ['medewerker', 4],
    ['gemeentelijke', 5],
    ['verantwoordelijkheden', 7],
    ['CJG', 1],
    ['112', 1],
  ])('%s has %i syllables', (word, syllables) => {
    expect(countSyllables(word)).toBe(syllables);
  });

  test('words keep hyphenated words and phone numbers whole, and drop punctuation', () => {
    expect(words('Bel 0800-0432, of koop een e-sigaret? Zo’n ding.')).toEqual(['Bel', '0800-0432', 'of', 'koop', 'een', 'e-sigaret', 'Zo’n', 'ding']);
  });
});

describe('sentences and markdown', () => {
  test('splits at full stops, question and exclamation marks before a capital or digit', () => {
    expect(splitSentences('Gaat het niet goed? Bel ons. Echt! 112 bel je bij gevaar.')).toEqual([
      'Gaat het niet goed?',
      'Bel ons.',
      'Echt!',
      '112 bel je bij gevaar.',
    ]);
  });

  test('does not split after an abbreviation or inside a number', () => {
    expect(splitSentences('Er zijn veel hulplijnen, bijv. De Kindertelefoon. Ongeveer 1.5 uur per dag.')).toEqual([
      'Er zijn veel hulplijnen, bijv. De Kindertelefoon.',
      'Ongeveer 1.5 uur per dag.',
    ]);
  });

  test('drops frontmatter, headings, URLs and link-only list items, and keeps link text', () => {
    const md = `---\ntitle: Test\n---\n\n## Tips\n\nLees [meer over pesten](/jongeren/pesten/) of kijk op https://www.example.org vandaag.\n\n## Meer weten?\n\n- [Trimbos: alcohol](https://www.trimbos.nl)\n- [113](https://www.113.nl): chat of bel gratis.`;
    expect(proseBlocks(md)).toEqual(['Lees meer over pesten of kijk op vandaag.', '113: chat of bel gratis.']);
  });

  test('every list item is its own sentence, and bold markers vanish', () => {
    const md = '- **Nee zeggen mag.** Je hoeft niets uit te leggen\n- een blikje fris';
    expect(proseBlocks(md).flatMap(splitSentences)).toEqual(['Nee zeggen mag.', 'Je hoeft niets uit te leggen', 'een blikje fris']);
  });
});

describe('the thresholds', () => {
  test('youth is strictest and professionals loosest on every measure', () => {
    const { jongeren, ouders, professionals } = READABILITY_THRESHOLDS;
    for (const measure of Object.keys(jongeren) as (keyof typeof jongeren)[]) {
      expect(jongeren[measure]).toBeLessThan(ouders[measure]);
      expect(ouders[measure]).toBeLessThan(professionals[measure]);
    }
  });

  test('a plain B1 text passes for every audience', () => {
    const measures = measureReadability(B1_TEXT);
    expect(measures.averageWordsPerSentence).toBeLessThan(8);
    for (const doelgroep of AUDIENCES) expect(checkReadability(measures, doelgroep)).toEqual([]);
  });

  test.each(AUDIENCES.map((d) => [d]))('officialese fails for %s, on sentence length and long words', (doelgroep) => {
    const measures = measureReadability(OFFICIALESE);
    expect(measures.sentences).toBe(2);
    expect(measures.averageWordsPerSentence).toBeGreaterThan(30);
    const failed = checkReadability(measures, doelgroep).map((v) => v.measure);
    expect(failed).toContain('maxAverageWordsPerSentence');
    expect(failed).toContain('maxLongSentenceShare');
    expect(failed).toContain('maxLongWordShare');
  });

  test('one long sentence among short ones is named in the message', () => {
    const long =
      'Als je het gevoel hebt dat je er helemaal alleen voor staat en niemand je begrijpt dan kun je altijd met iemand van ons chatten over wat er is.';
    const text = `${long}\n\nDat mag. Echt waar. Je bent welkom.`;
    const violation = checkReadability(measureReadability(text), 'jongeren')
      .filter((v) => v.measure === 'maxLongSentenceShare')
      .at(0);
    expect(violation?.message).toContain(long);
  });
});

// Every published article meets the limits of its audience.
const ROOT = join(import.meta.dirname, '..', '..');
const ARTICLES_DIR = join(ROOT, 'src', 'content', 'artikelen');

function markdownFilesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return markdownFilesUnder(path);
    // Files starting with `_` are drafts: not published, not checked (as in content-links.test.ts).
    return /\.mdx?$/.test(name) && !name.startsWith('_') ? [path] : [];
  });
}

const articles = markdownFilesUnder(ARTICLES_DIR).map((path) => {
  const text = readFileSync(path, 'utf8');
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  const data = (parseYaml(match?.[1] ?? '') ?? {}) as { doelgroep?: Audience; summary?: string };
  return { file: relative(ROOT, path).split(sep).join('/'), body: match?.[2] ?? text, data };
});

describe('every article is readable for its audience', () => {
  test('finds articles for every audience', () => {
    const audiences = new Set(articles.map((a) => a.data.doelgroep));
    for (const doelgroep of AUDIENCES) expect(audiences).toContain(doelgroep);
  });

  test.each(articles.map((a) => [a.file, a] as const))('%s', (file, article) => {
    const doelgroep = article.data.doelgroep;
    expect(AUDIENCES, `${file}: onbekende doelgroep`).toContain(doelgroep);
    // The summary is prose every visitor reads first, so it counts with the body.
    const measures = measureReadability(`${article.data.summary ?? ''}\n\n${article.body}`);
    const problems = checkReadability(measures, doelgroep as Audience).map((v) => `${file}: ${v.measure}: ${v.message}`);
    expect(problems, `${file} is te moeilijk voor ${doelgroep}`).toEqual([]);
  });
});
