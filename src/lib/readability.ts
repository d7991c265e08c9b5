import type { Audience } from '../../shared/taxonomy.ts';

/**
 * A small, pure readability check for Dutch page text (markdown). It does not grade a text; it
 * catches pages that drift away from plain language, so an editor hears about it before a reader does.
 *
 * Three measures, all cheap and explainable to a web editor:
 *
 * 1. Average words per sentence. Dutch plain-language (B1) advice keeps sentences at about 15 words
 *    on average and rarely above 20. Sentence length is one of the two inputs of the classic Dutch
 *    readability formulas (Douma's adaptation of Flesch, Brouwer's leesindex).
 * 2. Share of long words: words of 4 or more syllables. The other input of those formulas is word
 *    length in syllables, not letters. Letters punish short everyday words with many consonants
 *    ("schrijft", "gesprekken") and miss abstract words that are hard but not very long
 *    ("organisatie": 11 letters, 5 syllables).
 *    Four syllables is where Dutch officialese lives ("verantwoordelijkheden", "gemeentelijke",
 *    "implementatie") while everyday words stay below it ("vriendin", "school", "praten", "ouders").
 *    Names of organisations (De Kindertelefoon, schoolmaatschappelijk werk) are long too; a page
 *    can afford a few of them, which is why this is a share and not a ban.
 * 3. Share of long sentences: sentences over 20 words. An average can hide a few monsters between
 *    many short sentences; B1 advice says "rarely above 20", so we count them.
 *
 * The syllable count is a heuristic (vowel groups, "ij" as one vowel, a diaeresis starts a new
 * syllable). It is right for almost all Dutch words and off by one for some loanwords ("vape");
 * that does not move a share of hundreds of words.
 */

export interface ReadabilityThresholds {
  /** Highest allowed average number of words per sentence. */
  maxAverageWordsPerSentence: number;
  /** Highest allowed share (0–1) of words with LONG_WORD_MIN_SYLLABLES or more syllables. */
  maxLongWordShare: number;
  /** Highest allowed share (0–1) of sentences with more than LONG_SENTENCE_MAX_WORDS words. */
  maxLongSentenceShare: number;
}

/** A word with this many syllables or more counts as long. */
export const LONG_WORD_MIN_SYLLABLES = 4;
/** A sentence with more words than this counts as long (B1 advice: rarely above 20 words). */
export const LONG_SENTENCE_MAX_WORDS = 20;

/**
 * Per-audience limits. Plain Dutch (B1) advice: sentences of about 15 words on average, rarely over
 * 20, and everyday words. Good B1 text built from short paragraphs and lists stays far below these
 * limits (averages of 6 to 10 words, a few percent long words); officialese runs at 25 to 40 words
 * per sentence with one long word in five or six. The limits sit between the two, per audience:
 * - jongeren: stricter than B1, in the youth tone of seed 001 ("jong, snel, laagdrempelig"):
 *   average at most 11 words, at most 1 sentence in 20 over 20 words, at most 1 word in 12 long.
 * - ouders: B1 with a margin, because parents often read on a phone in between other things:
 *   average at most 13 words, at most 1 sentence in 10 long, at most 1 word in 10 long.
 * - professionals: their jargon ("jeugdgezondheidszorg", "verwijsindex") is their vocabulary, so
 *   up to 15% long words; sentences may be a little longer than B1 (average 16, 1 in 5 over 20).
 */
export const READABILITY_THRESHOLDS: Readonly<Record<Audience, Readonly<ReadabilityThresholds>>> = {
  jongeren: { maxAverageWordsPerSentence: 11, maxLongWordShare: 0.08, maxLongSentenceShare: 0.05 },
  ouders: { maxAverageWordsPerSentence: 13, maxLongWordShare: 0.1, maxLongSentenceShare: 0.1 },
  professionals: { maxAverageWordsPerSentence: 16, maxLongWordShare: 0.15, maxLongSentenceShare: 0.2 },
};

export interface ReadabilityMeasures {
  sentences: number;
  words: number;
  averageWordsPerSentence: number;
  /** 0–1 */
  longWordShare: number;
  /** 0–1 */
  longSentenceShare: number;
  /** The long sentences themselves, so an editor can find and split them. */
  longSentences: string[];
}

export type ReadabilityMeasure = keyof ReadabilityThresholds;

export interface ReadabilityViolation {
  measure: ReadabilityMeasure;
  value: number;
  limit: number;
  /** Dutch, for the web editor. */
  message: string;
}

/**
 * Markdown → the prose a reader reads, as blocks (paragraphs, list items, table cells).
 * Headings are left out: they are labels, not sentences, and counting them would flatter the average.
 * List items that are only a link ("Meer weten?" lists) are navigation, not prose, and are left out
 * for the same reason. Link text stays; URLs, code, HTML and images go.
 */
export function proseBlocks(markdown: string): string[] {
  const text = markdown
    .replace(/^\uFEFF/, '')
    .replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n?/, '')
    .replace(/```[\s\S]*?```/g, '\n\n')
    .replace(/<!--[\s\S]*?-->/g, '');
  const blocks: string[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length > 0) blocks.push(current.join(' '));
    current = [];
  };
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.replace(/^\s*(>\s*)+/, '').trimEnd();
    if (line.trim() === '') {
      flush();
      continue;
    }
    if (/^\s*#{1,6}\s/.test(line) || /^\s*(={3,}|-{3,}|\*{3,})\s*$/.test(line)) {
      flush();
      continue;
    }
    if (/^\s*\[[^\]]+\]:\s*\S+/.test(line)) continue; // reference link definition
    if (/^\s*\|/.test(line)) {
      flush();
      if (/^\s*\|?[\s:|-]+\|?\s*$/.test(line)) continue; // table separator row
      blocks.push(
        ...line
          .split('|')
          .map((cell) => cell.trim())
          .filter(Boolean),
      );
      continue;
    }
    const listItem = /^\s*(?:[-*+]|\d+[.)])\s+(.*)$/.exec(line);
    if (listItem) {
      flush();
      const item = listItem[1];
      if (isLinkOnly(item)) continue;
      current.push(item);
      continue;
    }
    current.push(line.trim());
  }
  flush();
  return blocks.map(inlineToText).filter((block) => words(block).length > 0);
}

/** "[Trimbos: alcohol](https://…)" with at most closing punctuation: a link, not a sentence. */
function isLinkOnly(item: string): boolean {
  return /^\s*(?:\*\*|__)?\[[^\]]*\]\([^)]*\)(?:\*\*|__)?\s*[.;,]?\s*$/.test(item);
}

function inlineToText(block: string): string {
  return block
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/<https?:[^>]*>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/`[^`]*`/g, ' ')
    .replace(/(\*\*|__|\*|_)(?=\S)([^*_]*?\S)\1/g, '$2')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Abbreviations whose full stop does not end a sentence, even before a capital. */
const ABBREVIATIONS = new Set([
  'bijv',
  'bv',
  'o.a',
  'enz',
  'd.w.z',
  'i.p.v',
  't.o.v',
  'ca',
  'nr',
  'dhr',
  'mevr',
  'mr',
  'dr',
  'z.s.m',
  'm.b.v',
  'incl',
  'excl',
  'evt',
  'resp',
  'e.d',
  'etc',
]);

/**
 * Splits a block into sentences at . ! ? or … followed by a space and a capital letter or digit
 * (Dutch sentences can start with a number). Not after a known abbreviation. A block without end
 * punctuation (a list item) is one sentence.
 */
export function splitSentences(block: string): string[] {
  const sentences: string[] = [];
  const boundary = /([.!?…]+)["'”’)]*\s+(?=["'“‘(]*[\p{Lu}\p{N}])/gu;
  let start = 0;
  for (const match of block.matchAll(boundary)) {
    const end = match.index + match[0].length;
    const before = block.slice(start, match.index);
    const lastToken = (/(\S+)$/.exec(before)?.[1] ?? '').toLowerCase().replace(/^[("'“‘]+/, '');
    if (match[1] === '.' && ABBREVIATIONS.has(lastToken)) continue;
    sentences.push(block.slice(start, end).trim());
    start = end;
  }
  const rest = block.slice(start).trim();
  if (rest) sentences.push(rest);
  return sentences.filter((s) => words(s).length > 0);
}

/** Words: runs of letters or digits, joined by hyphens or apostrophes ("e-sigaret", "0800-0432", "zo'n"). */
export function words(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? [];
}

const VOWEL = /[aeiouyàáâèéêìíîòóôùúû]/;
const DIAERESIS = /[äëïöü]/;

/** Dutch syllables, by vowel groups. "ij" is one vowel; ë/ï start a new one (ideeën, geïnteresseerd). */
export function countSyllables(word: string): number {
  let count = 0;
  for (const part of word.toLowerCase().split(/['’-]/)) {
    const w = part.replace(/ij/g, 'y');
    let inVowel = false;
    let partCount = 0;
    for (const ch of w) {
      if (DIAERESIS.test(ch)) {
        partCount += 1;
        inVowel = true;
      } else if (VOWEL.test(ch)) {
        if (!inVowel) partCount += 1;
        inVowel = true;
      } else {
        inVowel = false;
      }
    }
    // Acronyms and numbers ("CJG", "112") are read as one short unit.
    count += Math.max(1, partCount);
  }
  return count;
}

export function measureReadability(markdown: string): ReadabilityMeasures {
  const sentences = proseBlocks(markdown).flatMap(splitSentences);
  const perSentence = sentences.map((s) => words(s));
  const allWords = perSentence.flat();
  const longSentences = sentences.filter((_, i) => (perSentence[i]?.length ?? 0) > LONG_SENTENCE_MAX_WORDS);
  const longWords = allWords.filter((w) => countSyllables(w) >= LONG_WORD_MIN_SYLLABLES);
  return {
    sentences: sentences.length,
    words: allWords.length,
    averageWordsPerSentence: sentences.length === 0 ? 0 : allWords.length / sentences.length,
    longWordShare: allWords.length === 0 ? 0 : longWords.length / allWords.length,
    longSentenceShare: sentences.length === 0 ? 0 : longSentences.length / sentences.length,
    longSentences,
  };
}

const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;
const oneDecimal = (n: number) => `${Math.round(n * 10) / 10}`;

/** Every measure over its limit for this audience, with a Dutch message that names it. */
export function checkReadability(measures: ReadabilityMeasures, doelgroep: Audience): ReadabilityViolation[] {
  const limits = READABILITY_THRESHOLDS[doelgroep];
  const violations: ReadabilityViolation[] = [];
  if (measures.averageWordsPerSentence > limits.maxAverageWordsPerSentence) {
    violations.push({
      measure: 'maxAverageWordsPerSentence',
      value: measures.averageWordsPerSentence,
      limit: limits.maxAverageWordsPerSentence,
      message: `gemiddeld ${oneDecimal(measures.averageWordsPerSentence)} woorden per zin; voor ${doelgroep} is dat maximaal ${limits.maxAverageWordsPerSentence}. Maak zinnen korter.`,
    });
  }
  if (measures.longWordShare > limits.maxLongWordShare) {
    violations.push({
      measure: 'maxLongWordShare',
      value: measures.longWordShare,
      limit: limits.maxLongWordShare,
      message: `${percent(measures.longWordShare)} lange woorden (${LONG_WORD_MIN_SYLLABLES} of meer lettergrepen); voor ${doelgroep} is dat maximaal ${percent(limits.maxLongWordShare)}. Kies kortere, gewone woorden.`,
    });
  }
  if (measures.longSentenceShare > limits.maxLongSentenceShare) {
    violations.push({
      measure: 'maxLongSentenceShare',
      value: measures.longSentenceShare,
      limit: limits.maxLongSentenceShare,
      message: `${percent(measures.longSentenceShare)} van de zinnen heeft meer dan ${LONG_SENTENCE_MAX_WORDS} woorden; voor ${doelgroep} is dat maximaal ${percent(limits.maxLongSentenceShare)}. Splits deze zinnen: ${measures.longSentences.map((s) => `"${s}"`).join(' ')}`,
    });
  }
  return violations;
}
