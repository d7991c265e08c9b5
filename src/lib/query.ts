/**
 * Query understanding, shared by /zoeken/, the header search field and the sociale-kaart search.
 * Pure: no DOM, no Pagefind. It reads a query the way people type it ("wat kan ik doen als mijn
 * dochter niet meer naar school wil", "coke", "pesetn") and returns the meaningful terms, each with the
 * site's own words to search for as well (from the vocabulary in src/data/zoekwoorden.yaml), whether
 * the query suggests danger, and who is probably asking.
 */
import type { Audience } from '../../shared/taxonomy.ts';
import { suggestsDanger } from '../../shared/danger.ts';
import type { Zoekwoord } from '../schemas/zoekwoorden.ts';

/** A vocabulary group as the browser gets it (validated at build time). */
export type VocabularyGroup = Pick<Zoekwoord, 'woorden' | 'zoek' | 'gevaar'> & { id: string };

export interface Vocabulary {
  groups: readonly VocabularyGroup[];
  /** Other words that are on the site (article keywords, title words): targets for typo correction. */
  known: readonly string[];
}

/** Longer queries are cut here: nobody's question needs more, and it bounds the work per keystroke. */
export const MAX_QUERY_LENGTH = 200;
const MAX_TERMS = 8;
const MAX_VARIANTS = 6;

/** Words that carry no topic: pronouns, auxiliaries, question words and the frame of a question. */
const STOP = new Set(
  (
    'de het een en of maar dus want als dan dat die dit deze daar hier er ik je jij u we wij ze zij hij mij me mijn mn jouw jou ' +
    'jullie ons onze hun hen haar zijn zich zelf mezelf jezelf wat wie waar wanneer waarom hoe welk welke hoeveel hoelang ' +
    'kan kun kunt kunnen kon moet moeten moest mag mogen wil wilt willen wou zou zouden zal zullen ga gaat gaan ging doe ' +
    'doet doen deed heb hebt heeft hebben had ben bent is was waren word wordt worden werd te om met van voor naar in op ' +
    'aan bij uit over tot door tegen zonder na onder tussen niet geen wel ook nog al meer veel heel erg zo zeer even eens ' +
    'weer steeds altijd nooit vaak soms iets niets alles iedereen mensen terecht eigenlijk gewoon echt beetje zoiets ding ' +
    'dingen graag weet weten denk denken vind vinden voel voelt voelen krijg krijgt krijgen laat laten maak maakt maken ' +
    'omgaan aanpakken zeggen zegt vertel vertellen vragen vraag iemand best goed slecht wel heel hele dag tijd keer nou ' +
    'toch elke iedere ieder normaal vannacht vandaag morgen gisteren hè he hoi hallo hey hi please pls aub alsjeblieft helpen oplossen'
  ).split(' '),
);

/**
 * Words that say little on their own ("hulp", "kind"): searched only when a query has nothing else.
 * Kept out of the STOP list so a query of just "hulp" still finds the help pages.
 */
const WEAK = new Set(
  (
    'help hulp advies info informatie tips tip kind kinderen kindje dochter zoon dochtertje zoontje jongen meisje kids ' +
    'ouder ouders mama papa moeder vader thuis jaar oud jarig praten probleem problemen zorgen nacht'
  ).split(' '),
);

/** Lower case, without accents, so "Cocaïne" and "cocaine" are one word. */
export function normalize(text: string): string {
  return text
    .toLocaleLowerCase('nl')
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .replace(/[’‘`]/g, "'");
}

/** Words in a text (letters and digits, joined by an inner hyphen or apostrophe), normalized. */
export function tokenize(text: string): string[] {
  return normalize(text).match(/[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*/gu) ?? [];
}

export interface QueryTerm {
  /** What the visitor typed for this term (a word or a matched phrase), normalized. */
  label: string;
  /** What to search for: the typed word (or its correction) first, then the site's words. */
  variants: string[];
  weak: boolean;
}

export type QueryIssue = 'empty' | 'noWords' | 'onlyStopwords';

export interface ParsedQuery {
  /** The query as used: trimmed and cut to MAX_QUERY_LENGTH. */
  text: string;
  truncated: boolean;
  /** The terms that are searched: the strong ones, or the weak ones when there is nothing else. */
  terms: QueryTerm[];
  /** Weak words next to strong ones ("kinderen" in "ik ben depressief en heb kinderen"): they only break ties. */
  context: QueryTerm[];
  danger: boolean;
  audience: Audience | null;
  /** Typo corrections made, typed → known word. */
  corrections: Record<string, string>;
  issue: QueryIssue | null;
}

interface CompiledVocabulary {
  entries: { tokens: string[]; group: VocabularyGroup }[];
  known: Set<string>;
  byLength: Map<number, string[]>;
}

const compiled = new WeakMap<Vocabulary, CompiledVocabulary>();

function compile(vocabulary: Vocabulary): CompiledVocabulary {
  const cached = compiled.get(vocabulary);
  if (cached) return cached;
  const entries: CompiledVocabulary['entries'] = [];
  const known = new Set<string>();
  for (const group of vocabulary.groups) {
    for (const word of [...group.woorden, ...group.zoek]) {
      const tokens = tokenize(word);
      if (tokens.length) entries.push({ tokens, group });
      for (const t of tokens) known.add(t);
    }
  }
  for (const word of vocabulary.known) for (const t of tokenize(word)) known.add(t);
  const byLength = new Map<number, string[]>();
  for (const word of known) {
    if (word.length < 4) continue;
    const list = byLength.get(word.length) ?? [];
    list.push(word);
    byLength.set(word.length, list);
  }
  const result = { entries, known, byLength };
  compiled.set(vocabulary, result);
  return result;
}

/** Optimal string alignment distance (Damerau–Levenshtein without repeated edits), stopping above `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, (prevPrev[j - 2] ?? 0) + 1);
      row.push(v);
      best = Math.min(best, v);
    }
    if (best > max) return max + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length] ?? max + 1;
}

/** The closest known word for an unknown one of 5+ letters: 1 edit for short words, 2 for long ones. */
function correct(word: string, vocab: CompiledVocabulary): string | null {
  if (word.length < 5 || vocab.known.has(word) || /\d/.test(word)) return null;
  const max = word.length >= 8 ? 2 : 1;
  let best: string | null = null;
  let bestDistance = max + 1;
  for (let len = word.length - max; len <= word.length + max; len++) {
    for (const candidate of vocab.byLength.get(len) ?? []) {
      const d = editDistance(word, candidate, bestDistance - 1);
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
  }
  return best;
}

/** Where `phrase` occurs in `tokens` in order, with at most two other words between its words. */
function findPhrase(tokens: readonly string[], phrase: readonly string[]): number[] | null {
  const first = phrase.at(0);
  if (first === undefined) return null;
  if (phrase.length === 1) {
    const at = tokens.findIndex((t) => t === first || (first.length >= 5 && t.startsWith(first)));
    return at === -1 ? null : [at];
  }
  for (let start = 0; start < tokens.length; start++) {
    if (tokens[start] !== first) continue;
    const found = [start];
    let at = start;
    for (const word of phrase.slice(1)) {
      let next = -1;
      for (let j = at + 1; j <= at + 3 && j < tokens.length; j++) {
        if (tokens[j] === word) {
          next = j;
          break;
        }
      }
      if (next === -1) break;
      found.push(next);
      at = next;
    }
    if (found.length === phrase.length) return found;
  }
  return null;
}

const PARENT_WORDS = new Set([
  'dochter',
  'zoon',
  'dochtertje',
  'zoontje',
  'kind',
  'kinderen',
  'kindje',
  'puber',
  'baby',
  'peuter',
  'kleuter',
  'tiener',
  'kids',
]);
const PROFESSIONAL_WORDS = new Set([
  'leerling',
  'leerlingen',
  'client',
  'clienten',
  'jeugdige',
  'jeugdigen',
  'casus',
  'collega',
  "collega's",
  'meldcode',
  'verwijzen',
  'doorverwijzen',
  'professional',
  'professionals',
  'mijn klas',
]);

function guessAudience(tokens: readonly string[]): Audience | null {
  if (tokens.some((t) => PROFESSIONAL_WORDS.has(t))) return 'professionals';
  if (tokens.some((t) => PARENT_WORDS.has(t))) return 'ouders';
  if (tokens.some((t) => t === 'ik' || t === 'me' || t === 'mij' || t === 'mn' || t === 'mijn')) return 'jongeren';
  return null;
}

const unique = (words: string[]) => [...new Set(words.map((w) => w.trim()).filter(Boolean))];

/** Reads a query as typed. Never throws; bad input comes back as an `issue`. */
export function parseQuery(raw: string, vocabulary: Vocabulary): ParsedQuery {
  const trimmed = raw.trim();
  const truncated = trimmed.length > MAX_QUERY_LENGTH;
  const text = truncated ? trimmed.slice(0, MAX_QUERY_LENGTH) : trimmed;
  const base = { text, truncated, terms: [], context: [], danger: false, audience: null, corrections: {} };
  if (!text) return { ...base, issue: 'empty' };
  const typed = tokenize(text);
  if (!typed.length) return { ...base, issue: 'noWords' };

  const vocab = compile(vocabulary);
  const corrections: Record<string, string> = {};
  const tokens = typed.map((t) => {
    if (STOP.has(t) || WEAK.has(t)) return t;
    const fixed = correct(t, vocab);
    if (fixed) corrections[t] = fixed;
    return fixed ?? t;
  });

  // Vocabulary matches: phrases first (they may be made of stop words, like "uit elkaar").
  const consumed = new Set<number>();
  const phraseTerms = new Map<string, QueryTerm>();
  const wordGroups = new Map<number, VocabularyGroup[]>();
  // The same phrase list that flags an anonymous question: one idea of danger across the site.
  let danger = suggestsDanger(text);
  for (const { tokens: phrase, group } of vocab.entries) {
    const at = findPhrase(tokens, phrase);
    if (!at) continue;
    danger ||= group.gevaar;
    if (phrase.length > 1) {
      for (const i of at) consumed.add(i);
      const term = phraseTerms.get(group.id);
      const label = at.map((i) => tokens[i]).join(' ');
      const words = phrase.join(' ');
      // Quoted: Pagefind then wants the words together, so "wil dood" does not find every page with "dood".
      const exact = `"${words}"`;
      if (term) term.variants = unique([...term.variants, exact, ...group.zoek]).slice(0, MAX_VARIANTS);
      else phraseTerms.set(group.id, { label, variants: unique([exact, ...group.zoek]).slice(0, MAX_VARIANTS), weak: false });
    } else {
      const i = at[0] ?? 0;
      wordGroups.set(i, [...(wordGroups.get(i) ?? []), group]);
    }
  }

  const terms: QueryTerm[] = [...phraseTerms.values()];
  const seen = new Set(terms.map((t) => t.label));
  tokens.forEach((token, i) => {
    if (consumed.has(i) || seen.has(token)) return;
    const groups = wordGroups.get(i) ?? [];
    if (STOP.has(token) && !groups.length) return;
    seen.add(token);
    const original = typed[i] ?? token;
    terms.push({
      label: token,
      variants: unique([token, ...(original !== token ? [original] : []), ...groups.flatMap((g) => g.zoek)]).slice(0, MAX_VARIANTS),
      weak: WEAK.has(token) && !groups.length,
    });
  });

  const strong = terms.filter((t) => !t.weak);
  const used = (strong.length ? strong : terms).slice(0, MAX_TERMS);
  return {
    ...base,
    terms: used,
    context: strong.length ? terms.filter((t) => t.weak).slice(0, 3) : [],
    danger,
    audience: guessAudience(typed),
    corrections,
    issue: used.length ? null : 'onlyStopwords',
  };
}

/** A part of a searchable text and how much a match in it counts (a service's name more than its description). */
export interface WeightedText {
  text: string;
  weight: number;
}

/** A hit on one of the site's words instead of the typed word counts a little less. */
export const ALTERNATIVE_WEIGHT = 0.85;

/**
 * How well a text (a sociale-kaart service) answers a query: `matched` is the number of terms of which
 * some variant occurs in it, `score` adds where (by the part's weight) and whether it was the typed word.
 * Long words match inside compounds ("verpleegkundige" in "jeugdverpleegkundige"), four-letter ones at
 * a word start ("pest" in "pesten"), shorter ones only as a whole word, so "ex" does not match "extra".
 */
export function textMatch(parts: readonly WeightedText[], query: Pick<ParsedQuery, 'terms'>): { matched: number; score: number } {
  const prepared = parts.map((p) => ({ normalized: normalize(p.text), words: tokenize(p.text), weight: p.weight }));
  const has = (variant: string, part: (typeof prepared)[number]) => {
    const v = normalize(variant).replace(/"/g, '');
    if (v.length >= 5 || v.includes(' ')) return part.normalized.includes(v);
    return part.words.some((w) => (v.length >= 4 ? w.startsWith(v) : w === v));
  };
  let matched = 0;
  let score = 0;
  for (const term of query.terms) {
    let best = 0;
    let hits = 0;
    term.variants.forEach((variant, i) => {
      const part = prepared.filter((p) => has(variant, p)).reduce((max, p) => Math.max(max, p.weight), 0);
      if (!part) return;
      hits++;
      best = Math.max(best, part * (i === 0 ? 1 : ALTERNATIVE_WEIGHT));
    });
    if (!hits) continue;
    matched++;
    score += best + 0.1 * (hits - 1);
  }
  return { matched, score };
}

/**
 * People's words for a page: the `woorden` of every vocabulary group whose site words are among the
 * page's keywords or, when given, occur as whole words in its text. Fed to Pagefind as hidden words.
 */
export function peoplesWords(keywords: readonly string[], vocabulary: Vocabulary, text = ''): string[] {
  const own = new Set(keywords.map(normalize));
  const padded = ` ${tokenize(text).join(' ')} `;
  const fits = (w: string) => own.has(normalize(w)) || (text !== '' && padded.includes(` ${tokenize(w).join(' ')} `));
  const extra = vocabulary.groups.filter((g) => g.zoek.some(fits)).flatMap((g) => g.woorden);
  return unique(extra.filter((w) => !own.has(normalize(w))));
}

// ---------------------------------------------------------------------------------------------------
// Suggestions while typing

export interface Suggestion {
  label: string;
  /** A page to open; absent for a question, which is searched for. */
  url?: string | undefined;
  /** Extra words the suggestion is found by (an article's keywords). */
  words?: readonly string[] | undefined;
}

/**
 * Suggestions for what has been typed so far: every typed word must start a word of the suggestion's
 * label or words (the last one may be half typed). Labels that start with the input come first.
 */
export function suggest(input: string, suggestions: readonly Suggestion[], limit = 6): Suggestion[] {
  const typed = tokenize(input.slice(0, MAX_QUERY_LENGTH)).filter((t, i, all) => !STOP.has(t) || i === all.length - 1);
  if (!typed.length || normalize(input).trim().length < 2) return [];
  const start = normalize(input).trim();
  const scored: { s: Suggestion; score: number }[] = [];
  for (const { s, label, labelWords, allWords } of prepared(suggestions)) {
    if (!typed.every((t) => allWords.some((w) => w.startsWith(t)))) continue;
    const inLabel = typed.every((t) => labelWords.some((w) => w.startsWith(t)));
    const score = (label.startsWith(start) ? 4 : 0) + (inLabel ? 2 : 0) + (s.url ? 1 : 0);
    scored.push({ s, score });
  }
  return scored
    .sort((a, b) => b.score - a.score || a.s.label.length - b.s.label.length)
    .slice(0, limit)
    .map((x) => x.s);
}

interface PreparedSuggestion {
  s: Suggestion;
  label: string;
  labelWords: string[];
  allWords: string[];
}

const preparedLists = new WeakMap<readonly Suggestion[], PreparedSuggestion[]>();

/** Suggestions with their words normalized once, not on every keystroke. */
function prepared(suggestions: readonly Suggestion[]): PreparedSuggestion[] {
  let list = preparedLists.get(suggestions);
  if (!list) {
    list = suggestions.map((s) => {
      const labelWords = tokenize(s.label);
      return { s, label: normalize(s.label), labelWords, allWords: [...labelWords, ...(s.words ?? []).flatMap(tokenize)] };
    });
    preparedLists.set(suggestions, list);
  }
  return list;
}
