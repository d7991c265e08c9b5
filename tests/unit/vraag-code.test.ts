import { randomBytes } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { CODE_ALPHABET, CODE_BITS, CODE_LENGTH, SECRET_BITS, codeProblem, formatCode, parseCode, randomLetters } from '../../shared/vraag/code.ts';
import { codeSchema } from '../../shared/vraag/schemas.ts';

const random = (n: number) => new Uint8Array(randomBytes(n));

describe('pickup code', () => {
  test('has at least 60 bits in the secret part alone, letters only, no look-alikes', () => {
    expect(SECRET_BITS).toBeGreaterThanOrEqual(60);
    expect(CODE_BITS).toBeGreaterThan(SECRET_BITS);
    expect(CODE_ALPHABET).toMatch(/^[A-Z]+$/);
    for (const lookAlike of ['I', 'L', 'O', '0', '1']) expect(CODE_ALPHABET).not.toContain(lookAlike);
    expect(new Set(CODE_ALPHABET).size).toBe(CODE_ALPHABET.length);
  });

  test('is shown as five groups of four and parsed back however it is typed', () => {
    const letters = randomLetters(CODE_LENGTH, random);
    const code = formatCode(letters);
    expect(code).toMatch(/^[A-Z]{4}(-[A-Z]{4}){4}$/);
    const expected = { locator: letters.slice(0, 4), secret: letters.slice(4) };
    expect(parseCode(code)).toEqual(expected);
    expect(parseCode(code.toLowerCase())).toEqual(expected);
    expect(parseCode(` ${code.replaceAll('-', ' ')} `)).toEqual(expected);
    expect(parseCode(letters)).toEqual(expected);
    expect(parseCode(code.replaceAll('-', ' – '))).toEqual(expected);
  });

  test('refuses what cannot be a code, and says why', () => {
    expect(parseCode('ABCD-EFGH')).toBeNull();
    expect(codeProblem('ABCD-EFGH')).toBe('length');
    expect(parseCode('ABCD-EFGH-JKMN-PQRS-TUV0')).toBeNull();
    expect(codeProblem('ABCD-EFGH-JKMN-PQRS-TUV0')).toBe('character');
    expect(codeProblem('ABCD-EFGH-JKMN-PQRS-TUVO')).toBe('character');
    expect(parseCode('<script>alert(1)</script>')).toBeNull();
    expect(parseCode('A'.repeat(5000))).toBeNull();
    const result = codeSchema.safeParse({ code: 'abcd efgh jkmn pqrs tuv1' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/alleen letters/);
    expect(codeSchema.safeParse({ code: '' }).error?.issues[0]?.message).toBe('Vul je code in.');
  });

  test('draws every letter about equally often (no modulo bias)', () => {
    const letters = randomLetters(230_000, random);
    const counts = new Map<string, number>();
    for (const ch of letters) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    expect(counts.size).toBe(CODE_ALPHABET.length);
    const expected = letters.length / CODE_ALPHABET.length;
    // Chi-square with 22 degrees of freedom: 48.3 is the 0.1% critical value.
    const chi = [...counts.values()].reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0);
    expect(chi).toBeLessThan(48.3);
  });

  test('uses every byte below 253 and none above', () => {
    // A source giving 253 (must be skipped, or "Z"…"C" would come up more often), then 252 = 10 × 23 + 22: "Z".
    let call = 0;
    const source = (n: number) => new Uint8Array(n).fill(call++ % 2 === 0 ? 253 : 252);
    expect(randomLetters(3, source)).toBe('ZZZ');
  });
});
