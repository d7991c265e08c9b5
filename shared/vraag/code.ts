/**
 * The pickup code of an anonymous question: 20 capital letters in five groups of four, e.g.
 * `KDVM-TRAX-PQHE-NWUC-FYGB`. Browser-safe (no node imports): the site formats what a young person
 * types with the same rules the server parses with.
 *
 * - The alphabet leaves out letters that look like digits or each other (I, L, O), so the code can be
 *   written down, read aloud or copied from a screenshot without doubt. No digits at all.
 * - The first group is the locator: the server finds the question by it (unique among live questions).
 * - The other 16 letters are the secret: the server keeps only a slow salted hash of it and derives
 *   the key pair the answer is sealed to from it. 16 letters of 23 = 72.4 bits, so the secret alone is
 *   well above the 60 bits asked for, even for someone who knows (or guesses) the locator.
 */

export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ';
export const LOCATOR_LENGTH = 4;
export const SECRET_LENGTH = 16;
export const GROUP_SIZE = 4;
export const CODE_LENGTH = LOCATOR_LENGTH + SECRET_LENGTH;
/** Bits of the secret part alone (what an attacker who knows the locator must still guess). */
export const SECRET_BITS = SECRET_LENGTH * Math.log2(CODE_ALPHABET.length);
export const CODE_BITS = CODE_LENGTH * Math.log2(CODE_ALPHABET.length);
/** The code as typed: letters in any case, with spaces or dashes between groups. */
export const CODE_INPUT_MAX = 40;

export interface CodeParts {
  locator: string;
  secret: string;
}

/**
 * Letters drawn without modulo bias from a source of random bytes (`crypto.getRandomValues` in both the
 * browser and Node). Bytes >= 253 (11 × 23, the largest multiple of 23 up to 256) are dropped and redrawn.
 */
export function randomLetters(count: number, randomBytes: (n: number) => Uint8Array): string {
  const n = CODE_ALPHABET.length;
  const limit = 256 - (256 % n);
  let out = '';
  while (out.length < count) {
    for (const byte of randomBytes(count * 2)) {
      if (byte >= limit) continue;
      out += CODE_ALPHABET[byte % n];
      if (out.length === count) break;
    }
  }
  return out;
}

/** `KDVMTRAX…` → `KDVM-TRAX-…`: how the code is shown and copied. */
export function formatCode(letters: string): string {
  return letters.match(new RegExp(`.{1,${GROUP_SIZE}}`, 'g'))?.join('-') ?? '';
}

/**
 * What someone typed → locator and secret, or null when it cannot be a code. Case, spaces, dashes and
 * dots are ignored; a letter outside the alphabet (or a digit) makes it invalid, so a typo is told
 * apart from a wrong code without asking the server.
 */
export function parseCode(input: string): CodeParts | null {
  if (typeof input !== 'string' || input.length > CODE_INPUT_MAX) return null;
  const letters = input.toUpperCase().replace(/[\s.\-–—_]/g, '');
  if (letters.length !== CODE_LENGTH) return null;
  for (const ch of letters) if (!CODE_ALPHABET.includes(ch)) return null;
  return { locator: letters.slice(0, LOCATOR_LENGTH), secret: letters.slice(LOCATOR_LENGTH) };
}

/** Why a typed code cannot be right, for a precise Dutch hint: too short/long, or a character not in codes. */
export function codeProblem(input: string): 'length' | 'character' | null {
  const letters = input.toUpperCase().replace(/[\s.\-–—_]/g, '');
  for (const ch of letters) if (!CODE_ALPHABET.includes(ch)) return 'character';
  return letters.length === CODE_LENGTH ? null : 'length';
}
