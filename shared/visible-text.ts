/**
 * Text as people see it: invisible formatting characters taken out of what young people and counsellors
 * write (chat messages, questions, answers). They have no use in a chat line, and they can be misused:
 *
 * - bidirectional controls (U+202A–U+202E embeddings and overrides, U+2066–U+2069 isolates, the marks
 *   U+200E, U+200F, U+061C) make a line show in another order than it was written ("Trojan Source");
 * - zero-width and other invisible characters (U+200B, U+2060–U+2064, U+FEFF, U+00AD, Hangul fillers,
 *   Unicode tags, runs of variation selectors) hide text, or split a word so that a filter no longer sees
 *   it: "zelf\u200Bmoord" must still count as danger (shared/danger.ts).
 *
 * What legitimately needs the joiners stays: U+200D inside an emoji sequence (👩‍👩‍👧, 🏳️‍🌈), U+200C and
 * U+200D between letters of scripts that use them (Persian, Hindi), one variation selector after a
 * character (❤️), and the tags of a subdivision flag (🏴 England). Everything else is removed, not refused:
 * the young person cannot see these characters, so an error about them could not be acted on. The zod
 * schemas of the chat and of the questions run it before their length and empty checks. (The youth chat
 * does not run it itself: its outbox confirms a message by the server's acknowledgement, not by its text,
 * and the bytes stay out of its budget.)
 */

const ZWNJ = 0x200c;
const ZWJ = 0x200d;
const BLACK_FLAG = 0x1f3f4;
const CANCEL_TAG = 0xe007f;

/** Always removed. */
const INVISIBLE = new Set([
  0x00ad, // soft hyphen
  0x061c, // Arabic letter mark
  0x115f, // Hangul choseong filler
  0x1160, // Hangul jungseong filler
  0x180e, // Mongolian vowel separator
  0x200b, // zero-width space
  0x200e, // left-to-right mark
  0x200f, // right-to-left mark
  0x3164, // Hangul filler
  0xfeff, // zero-width no-break space (byte order mark)
  0xffa0, // halfwidth Hangul filler
]);

const inRange = (cp: number, from: number, to: number) => cp >= from && cp <= to;

function alwaysInvisible(cp: number): boolean {
  return (
    INVISIBLE.has(cp) ||
    inRange(cp, 0x202a, 0x202e) || // embeddings and overrides
    inRange(cp, 0x2060, 0x2064) || // word joiner, invisible operators
    inRange(cp, 0x2066, 0x206f) // isolates and deprecated format characters
  );
}

const isTag = (cp: number) => inRange(cp, 0xe0000, 0xe007f);
const isVariationSelector = (cp: number) => inRange(cp, 0xfe00, 0xfe0f) || inRange(cp, 0xe0100, 0xe01ef);
const EMOJI = /\p{Extended_Pictographic}/u;
const EMOJI_MODIFIER = /\p{Emoji_Modifier}/u;
const LETTER_OR_MARK = /[\p{L}\p{M}]/u;
const LATIN = /\p{Script=Latin}/u;

const char = (cp: number | undefined) => (cp === undefined ? '' : String.fromCodePoint(cp));
/** A letter or mark of a script that uses the joiners to shape words (not Latin: there they only hide things). */
const joiningLetter = (cp: number | undefined) => LETTER_OR_MARK.test(char(cp)) && !LATIN.test(char(cp));
const emojiEnd = (cp: number | undefined) => EMOJI.test(char(cp)) || EMOJI_MODIFIER.test(char(cp)) || cp === 0xfe0f;

/** Where a subdivision flag's tags end (🏴 + tag letters + cancel tag), or `start` when they do not form one. */
function flagTagsEnd(cps: number[], start: number): number {
  let i = start;
  while (inRange(cps[i] ?? 0, 0xe0020, 0xe007e)) i++;
  return i > start && cps[i] === CANCEL_TAG ? i + 1 : start;
}

export function visibleText(text: string): string {
  const cps = Array.from(text, (ch) => ch.codePointAt(0) ?? 0);
  const kept: number[] = [];
  for (let i = 0; i < cps.length; i++) {
    const cp = cps[i] ?? 0;
    if (alwaysInvisible(cp)) continue;
    if (cp === BLACK_FLAG) {
      const end = flagTagsEnd(cps, i + 1);
      kept.push(...cps.slice(i, end));
      i = end - 1;
      continue;
    }
    if (isTag(cp)) continue;
    const before = kept.at(-1);
    if (isVariationSelector(cp)) {
      // One selector after a character (❤️); a run of them, or one with nothing before it, carries hidden data.
      if (before !== undefined && !isVariationSelector(before)) kept.push(cp);
      continue;
    }
    if (cp === ZWJ || cp === ZWNJ) {
      const after = cps[i + 1];
      const inEmoji = cp === ZWJ && emojiEnd(before) && EMOJI.test(char(after));
      if (inEmoji || (joiningLetter(before) && joiningLetter(after))) kept.push(cp);
      continue;
    }
    kept.push(cp);
  }
  return kept.length === cps.length ? text : kept.map((cp) => String.fromCodePoint(cp)).join('');
}

/** Control characters (NUL, BEL, ESC, DEL, C1) other than tab, line feed and carriage return: no glyph, only boxes. */
const isControl = (cp: number) => (cp < 0x20 && cp !== 0x09 && cp !== 0x0a && cp !== 0x0d) || inRange(cp, 0x7f, 0x9f);

/**
 * Chat lines and handover notes: visibleText, and control characters taken out as well (shown as boxes or
 * nothing). Not for e-mail addresses and codes, where such a character must make the value wrong, not change it.
 */
export function visibleChatText(text: string): string {
  const visible = visibleText(text);
  const kept = Array.from(visible).filter((ch) => !isControl(ch.codePointAt(0) ?? 0));
  return kept.length === visible.length ? visible : kept.join('');
}

/**
 * The lines of a chat message as a reader should see them: blank lines before and after the text are
 * dropped, and a run of blank lines inside it becomes one. Otherwise a message of empty lines and then
 * "Sanne:" looks like a line of its own from someone else (attacker review 14, m5).
 */
export function tidyLines(text: string): string {
  return text
    .replace(/^(?:[ \t]*\r?\n)+/, '')
    .replace(/(?:\r?\n[ \t]*)+$/, '')
    .replace(/(\r?\n)(?:[ \t]*\r?\n){2,}/g, '$1$1');
}
